/** The `apiVersion` an ExternalSecret is written with. */
export enum ExternalSecretApiVersion {
  /** `external-secrets.io/v1`: the current API of the External Secrets Operator. */
  V1 = 'external-secrets.io/v1',
  /** `external-secrets.io/v1beta1`: older operators (deprecated upstream). */
  V1BETA1 = 'external-secrets.io/v1beta1',
}

/** The kind of store an ExternalSecret reads from. */
export enum SecretStoreKind {
  /** A `SecretStore` in the ExternalSecret's namespace. */
  SECRET_STORE = 'SecretStore',
  /** A cluster-wide `ClusterSecretStore`. */
  CLUSTER_SECRET_STORE = 'ClusterSecretStore',
}

/** How the operator creates the target Secret (`spec.target.creationPolicy`). */
export enum ExternalSecretCreationPolicy {
  /** Creates the Secret and owns it: it is deleted with the ExternalSecret. */
  OWNER = 'Owner',
  /** Creates the Secret without an owner reference: it survives the ExternalSecret. */
  ORPHAN = 'Orphan',
  /** Merges the values into an existing Secret, which it does not create. */
  MERGE = 'Merge',
  /** Does not create or update the Secret. */
  NONE = 'None',
}

/** What the operator does to the target Secret when the provider's secret is deleted (`spec.target.deletionPolicy`). */
export enum ExternalSecretDeletionPolicy {
  /** Keeps the Secret and its last values. */
  RETAIN = 'Retain',
  /** Deletes the Secret. */
  DELETE = 'Delete',
  /** Removes the keys but keeps the Secret. */
  MERGE = 'Merge',
}

/**
 * One key of the target Secret and where its value lives in the provider.
 *
 * @example
 * const data: ExternalSecretData = { secretKey: 'password', remoteKey: 'prod/shop/db', property: 'password' };
 */
export interface ExternalSecretData {
  /** Key in the Kubernetes Secret (letters, digits, "-", "_", "."). */
  readonly secretKey: string;
  /** Name or path of the secret in the provider (`remoteRef.key`). */
  readonly remoteKey: string;
  /**
   * Property of a structured provider value (`remoteRef.property`).
   * @default - the whole value
   */
  readonly property?: string;
  /**
   * Version of the provider value (`remoteRef.version`).
   * @default - the provider's current version
   */
  readonly version?: string;
}
