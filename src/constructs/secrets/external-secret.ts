import { ApiObject, ApiObjectMetadata, Duration, Lazy } from 'cdk8s';
import { Construct } from 'constructs';
import {
  ExternalSecretApiVersion, ExternalSecretCreationPolicy, ExternalSecretData, ExternalSecretDeletionPolicy, SecretStoreKind,
} from './external-secret-options';
import { goDuration } from './private/go-duration';
import { objectNameProblem, secretKeyProblem } from './private/names';
import { ISecretSource } from './secret-source';

/** Props for `ExternalSecret`. */
export interface ExternalSecretProps {
  /** Name of the SecretStore or ClusterSecretStore to read from. */
  readonly storeName: string;
  /**
   * Kind of the store.
   * @default SecretStoreKind.SECRET_STORE
   */
  readonly storeKind?: SecretStoreKind;
  /** The keys of the target Secret and where each value lives in the provider. At least one. */
  readonly data: ExternalSecretData[];
  /**
   * Name of the Kubernetes Secret the operator writes.
   * @default - the ExternalSecret's own name
   */
  readonly targetName?: string;
  /**
   * How often the operator reads the provider again. `Duration.seconds(0)` reads once.
   * @default Duration.hours(1)
   */
  readonly refreshInterval?: Duration;
  /**
   * How the operator creates the target Secret.
   * @default ExternalSecretCreationPolicy.OWNER
   */
  readonly creationPolicy?: ExternalSecretCreationPolicy;
  /**
   * What happens to the target Secret when the provider's secret is deleted.
   * @default ExternalSecretDeletionPolicy.RETAIN
   */
  readonly deletionPolicy?: ExternalSecretDeletionPolicy;
  /**
   * API version of the ExternalSecret object.
   * @default ExternalSecretApiVersion.V1
   */
  readonly apiVersion?: ExternalSecretApiVersion;
  /**
   * Metadata of the ExternalSecret object.
   * @default - a name generated from the construct path, the chart's namespace
   */
  readonly metadata?: ApiObjectMetadata;
}

/**
 * An External Secrets Operator `ExternalSecret`: the operator reads the named keys from a SecretStore or
 * ClusterSecretStore and writes them to a Kubernetes Secret. The manifest holds only store and key names, never
 * a value.
 *
 * Use it as the `source` of a `SecretBackedEnv`: bindings are checked against the keys it produces.
 *
 * The primary child `Resource` is the raw `ApiObject` (escape hatch: `addJsonPatch`).
 *
 * @see https://external-secrets.io/latest/api/externalsecret/
 * @example
 * const db = new ExternalSecret(chart, 'Db', {
 *   storeName: 'vault', storeKind: SecretStoreKind.CLUSTER_SECRET_STORE,
 *   data: [{ secretKey: 'password', remoteKey: 'prod/shop/db', property: 'password' }],
 * });
 */
export class ExternalSecret extends Construct implements ISecretSource {
  /** The ExternalSecret object. */
  public readonly resource: ApiObject;
  /** Name of the Kubernetes Secret the operator writes. */
  public readonly secretName: string;
  /** The keys the target Secret holds. */
  public readonly secretKeys: string[];

  constructor(scope: Construct, id: string, props: ExternalSecretProps) {
    super(scope, id);
    const where = `ExternalSecret ${this.node.path}`;
    if (!props || typeof props !== 'object') {
      throw new Error(`${where}: props are missing: give at least storeName and data.`);
    }
    const storeProblem = objectNameProblem(props.storeName);
    if (storeProblem) {
      throw new Error(`${where}: storeName is ${JSON.stringify(props.storeName ?? '')}: ${storeProblem}. Give the name of the SecretStore or ClusterSecretStore to read from.`);
    }
    const storeKind = props.storeKind ?? SecretStoreKind.SECRET_STORE;
    checkEnum(where, 'storeKind', storeKind, SecretStoreKind);
    const creationPolicy = props.creationPolicy ?? ExternalSecretCreationPolicy.OWNER;
    checkEnum(where, 'creationPolicy', creationPolicy, ExternalSecretCreationPolicy);
    const deletionPolicy = props.deletionPolicy ?? ExternalSecretDeletionPolicy.RETAIN;
    checkEnum(where, 'deletionPolicy', deletionPolicy, ExternalSecretDeletionPolicy);
    const apiVersion = props.apiVersion ?? ExternalSecretApiVersion.V1;
    checkEnum(where, 'apiVersion', apiVersion, ExternalSecretApiVersion);

    if (!Array.isArray(props.data) || props.data.length === 0) {
      throw new Error(`${where}: data is empty: list at least one entry, with its secretKey and remoteKey, to read from the store.`);
    }
    const seen = new Set<string>();
    for (const [i, entry] of props.data.entries()) {
      const keyProblem = secretKeyProblem(entry?.secretKey);
      if (keyProblem) {
        throw new Error(`${where}: data[${i}].secretKey is ${JSON.stringify(entry?.secretKey ?? '')}: ${keyProblem}.`);
      }
      if (seen.has(entry.secretKey)) {
        throw new Error(`${where}: data[${i}].secretKey "${entry.secretKey}" is listed twice: each key of the Secret can come from one remote value only.`);
      }
      seen.add(entry.secretKey);
      if (typeof entry.remoteKey !== 'string' || entry.remoteKey.trim() === '') {
        throw new Error(`${where}: data[${i}].remoteKey (for secretKey "${entry.secretKey}") is empty: give the name or path of the secret in the provider.`);
      }
      for (const optional of ['property', 'version'] as const) {
        const value = entry[optional];
        if (value !== undefined && (typeof value !== 'string' || value.trim() === '')) {
          throw new Error(`${where}: data[${i}].${optional} (for secretKey "${entry.secretKey}") is empty: omit it or give a value.`);
        }
      }
    }

    let refreshInterval: string;
    try {
      refreshInterval = goDuration(props.refreshInterval ?? Duration.hours(1));
    } catch (e) {
      throw new Error(`${where}: ${(e as Error).message}.`);
    }

    const spec = {
      secretStoreRef: { name: props.storeName, kind: storeKind },
      refreshInterval,
      // The default target name is the object's generated name, known only once the object exists.
      target: { name: Lazy.any({ produce: () => this.secretName }), creationPolicy, deletionPolicy },
      data: props.data.map(d => ({
        secretKey: d.secretKey,
        remoteRef: {
          key: d.remoteKey,
          ...(d.property !== undefined ? { property: d.property } : {}),
          ...(d.version !== undefined ? { version: d.version } : {}),
        },
      })),
    };
    this.resource = new ApiObject(this, 'Resource', { apiVersion, kind: 'ExternalSecret', metadata: props.metadata, spec });
    this.secretName = props.targetName ?? this.resource.name;
    const targetProblem = objectNameProblem(this.secretName);
    if (targetProblem) {
      throw new Error(`${where}: targetName is ${JSON.stringify(this.secretName)}: ${targetProblem}. Give a valid Secret name.`);
    }
    this.secretKeys = props.data.map(d => d.secretKey);
  }
}

function checkEnum(where: string, prop: string, value: string, allowed: object): void {
  const values = Object.values(allowed) as string[];
  if (!values.includes(value)) {
    throw new Error(`${where}: ${prop} is ${JSON.stringify(value)}: allowed values are ${values.join(', ')}.`);
  }
}
