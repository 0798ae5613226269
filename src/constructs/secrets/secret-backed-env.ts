import { Names } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { ExternalSecret } from './external-secret';
import { envVarNameProblem, mountPathProblem, relativePathProblem, secretKeyProblem } from './private/names';
import { ISecretSource } from './secret-source';
import { ExternalDeclarations } from '../../guardrails/external-declarations';
import { memberName } from '../../private/caller-language';

/** Owner-read-only: the mode of every secret file (0400). */
const FILE_MODE = 0o400;

/** Annotation Stakater Reloader watches on a workload: a comma-separated list of Secret names. */
const RELOADER_ANNOTATION = 'secret.reloader.stakater.com/reload';

/** Prefix of the pod-template annotation holding a source's revision. */
const REVISION_ANNOTATION_PREFIX = 'secret-revision.cdk8s-hardened.io/';

/**
 * An environment variable read from a key of the secret source (`valueFrom.secretKeyRef`).
 *
 * @example
 * const variable: SecretEnvVariable = { name: 'DB_PASSWORD', key: 'password' };
 */
export interface SecretEnvVariable {
  /** Name of the environment variable (`[-._a-zA-Z][-._a-zA-Z0-9]*`). */
  readonly name: string;
  /** Key of the Secret holding the value. */
  readonly key: string;
}

/**
 * A file holding the value of a key of the secret source, under the mount path.
 *
 * @example
 * const key: SecretFile = { key: 'tls.key' };                            // <mountPath>/tls.key
 * const password: SecretFile = { key: 'password', path: 'db/password' }; // <mountPath>/db/password
 */
export interface SecretFile {
  /** Key of the Secret holding the value. */
  readonly key: string;
  /**
   * Path of the file, relative to the mount path.
   * @default - the key
   */
  readonly path?: string;
}

/** Props for `SecretBackedEnv`. */
export interface SecretBackedEnvProps {
  /** Where the values come from: an `ExternalSecret`, or `SecretSource.fromSecretName(...)`. */
  readonly source: ISecretSource;
  /**
   * Environment variables read from keys of the source.
   * @default - no environment variable
   */
  readonly variables?: SecretEnvVariable[];
  /**
   * Files holding values of keys of the source, in a read-only secret volume with mode 0400. Prefer files for
   * values that must not appear in the process environment (crash dumps, `/proc/<pid>/environ`, child processes).
   * @default - no file
   */
  readonly files?: SecretFile[];
  /**
   * Directory the files are mounted at.
   * @default - `/run/secrets/<secret name>`
   */
  readonly mountPath?: string;
  /**
   * A revision of the source's values (a version number, a date, the provider's version ID). `addTo` writes it
   * to the pod template as the annotation `secret-revision.cdk8s-hardened.io/<secret name>`, so bumping it
   * rolls the pods and they read the new values.
   * @default - no revision annotation: pods keep the values they started with until they restart
   */
  readonly revision?: string;
  /**
   * Ask Stakater Reloader (which must run in the cluster) to roll the workload whenever the Secret changes:
   * `addTo` adds the Secret's name to the workload's `secret.reloader.stakater.com/reload` annotation.
   * @default false
   */
  readonly reloadOnChange?: boolean;
}

/**
 * Gives containers their secret environment variables and files from a secret source, with nothing but
 * references in the synthesized YAML: `valueFrom.secretKeyRef` for variables, a read-only `secret` volume
 * (mode 0400, under `/run/secrets/<secret name>`) for files. No API of this library accepts a secret value.
 *
 * Bind it to a cdk8s-plus container (`bind`), or to a workload and one of its containers (`addTo`, which also
 * applies the rollout annotations). Works with HardenedDeployment and the other hardened workloads, which are
 * cdk8s-plus workloads.
 *
 * Every key bound must be one the source produces (checked when the source knows its keys, as an
 * ExternalSecret does); a variable name or mount path already used by the container is refused.
 *
 * **Rotation.** Environment variables never change in a running pod, and a pod started before the Secret
 * existed fails to start until it does. Files in a secret volume are updated by the kubelet within about a
 * minute (not for `subPath` mounts), but only applications that re-read them notice. When the source changes,
 * roll the pods:
 * - bump `revision` (it is written to the pod template, so the change goes through git and review), or
 * - set `reloadOnChange` and run Stakater Reloader, which rolls the workload when the Secret's data changes
 *   (needed when values change in the provider without a commit, as ExternalSecret refreshes do), or
 * - `kubectl rollout restart deployment/<name>` by hand.
 *
 * **File permissions.** Files are owned by root with mode 0400; a non-root container reads them through the
 * pod's `fsGroup` (the kubelet grants the group read access), which HardenedDeployment sets.
 *
 * @example
 * const db = new ExternalSecret(chart, 'DbSecret', {
 *   storeName: 'vault', storeKind: SecretStoreKind.CLUSTER_SECRET_STORE,
 *   data: [{ secretKey: 'password', remoteKey: 'prod/shop/db', property: 'password' }],
 * });
 * const env = new SecretBackedEnv(chart, 'DbEnv', {
 *   source: db, variables: [{ name: 'DB_PASSWORD', key: 'password' }], reloadOnChange: true,
 * });
 * env.addTo(deployment, deployment.containers[0]);
 */
export class SecretBackedEnv extends Construct {
  /** The source the values come from. */
  public readonly source: ISecretSource;
  /** Directory the files are mounted at (whether or not files were declared). */
  public readonly mountPath: string;
  /** The secret volume, when files were declared. */
  public readonly volume?: kplus.Volume;
  private readonly variables: SecretEnvVariable[];
  private readonly files: SecretFile[];
  private readonly secretRef: kplus.ISecret;
  private readonly revision?: string;
  private readonly reloadOnChange: boolean;
  private readonly boundContainers = new Set<kplus.Container>();

  constructor(scope: Construct, id: string, props: SecretBackedEnvProps) {
    super(scope, id);
    const where = `SecretBackedEnv ${this.node.path}`;
    if (!props?.source || typeof props.source.secretName !== 'string') {
      throw new Error(`${where}: source is missing: give an ExternalSecret, or a SecretSource made with SecretSource.${memberName('fromSecretName')} from the name of an existing Secret.`);
    }
    this.source = props.source;
    const knownKeys = props.source.secretKeys ?? [];
    const checkKey = (prop: string, key: string) => {
      const problem = secretKeyProblem(key);
      if (problem) {
        throw new Error(`${where}: ${prop} is ${JSON.stringify(key ?? '')}: ${problem}.`);
      }
      if (knownKeys.length > 0 && !knownKeys.includes(key)) {
        throw new Error(`${where}: ${prop} is "${key}", which Secret "${props.source.secretName}" does not hold `
          + `(its keys: ${knownKeys.join(', ')}). Use one of them or add the key to the source.`);
      }
    };

    this.variables = [...(props.variables ?? [])];
    const names = new Set<string>();
    for (const [i, variable] of this.variables.entries()) {
      const problem = envVarNameProblem(variable?.name);
      if (problem) {
        throw new Error(`${where}: variables[${i}].name is ${JSON.stringify(variable?.name ?? '')}: ${problem}.`);
      }
      if (names.has(variable.name)) {
        throw new Error(`${where}: variables[${i}].name "${variable.name}" is declared twice: a container sees only one value per name. Remove the duplicate.`);
      }
      names.add(variable.name);
      checkKey(`variables[${i}].key (for ${variable.name})`, variable.key);
    }

    this.files = [...(props.files ?? [])];
    const paths = new Set<string>();
    for (const [i, file] of this.files.entries()) {
      checkKey(`files[${i}].key`, file?.key);
      const path = file.path ?? file.key;
      const problem = relativePathProblem(path);
      if (problem) {
        throw new Error(`${where}: files[${i}].path is ${JSON.stringify(path)}: ${problem}.`);
      }
      if (paths.has(path)) {
        throw new Error(`${where}: files[${i}].path "${path}" is declared twice. Give each file its own path.`);
      }
      paths.add(path);
    }

    if (this.variables.length === 0 && this.files.length === 0) {
      throw new Error(`${where}: neither variables nor files are declared: list what the container needs from Secret "${props.source.secretName}".`);
    }

    this.mountPath = props.mountPath ?? `/run/secrets/${props.source.secretName}`;
    const mountProblem = mountPathProblem(this.mountPath);
    if (mountProblem) {
      throw new Error(`${where}: mountPath is ${JSON.stringify(this.mountPath)}: ${mountProblem}.`);
    }

    if (props.revision !== undefined && (typeof props.revision !== 'string' || props.revision.trim() === '')) {
      throw new Error(`${where}: revision is ${JSON.stringify(props.revision)}: omit it or give a non-empty revision such as "2024-06-01" or "7".`);
    }
    if (props.revision !== undefined && props.source.secretName.length > 63) {
      throw new Error(`${where}: revision needs an annotation named after Secret "${props.source.secretName}", which is longer than 63 characters. Use a shorter Secret name.`);
    }
    this.revision = props.revision;
    this.reloadOnChange = props.reloadOnChange ?? false;

    this.secretRef = kplus.Secret.fromSecretName(this, 'SecretRef', props.source.secretName);
    // A source that is not an ExternalSecret names a Secret made outside the app: say so once, for the references pack.
    if (!(props.source instanceof ExternalSecret)) ExternalDeclarations.add(this, `Secret/*/${props.source.secretName}`);
    if (this.files.length > 0) {
      const items: { [key: string]: kplus.PathMapping } = {};
      for (const file of this.files) items[file.key] = { path: file.path ?? file.key };
      this.volume = kplus.Volume.fromSecret(this, 'Volume', this.secretRef, {
        name: Names.toDnsLabel(this, { maxLen: 63 }),
        defaultMode: FILE_MODE,
        items,
      });
    }
  }

  /** Names of the environment variables this binds. */
  public get variableNames(): string[] {
    return this.variables.map(v => v.name);
  }

  /**
   * Give `container` the variables (as `secretKeyRef`s) and the files (a read-only mount of the secret volume).
   * Refused when the container already has one of the variables or something mounted at the mount path.
   */
  public bind(container: kplus.Container): void {
    const where = `SecretBackedEnv ${this.node.path}`;
    if (this.boundContainers.has(container)) {
      throw new Error(`${where}: container "${container.name}" is already bound to this SecretBackedEnv.`);
    }
    const existing = container.env.variables;
    for (const variable of this.variables) {
      if (variable.name in existing) {
        throw new Error(`${where}: container "${container.name}" already has an environment variable "${variable.name}". `
          + 'Rename one of them: a container sees only one value per name.');
      }
    }
    if (this.volume && container.mounts.some(m => m.path === this.mountPath)) {
      throw new Error(`${where}: container "${container.name}" already mounts something at ${this.mountPath}. Give this SecretBackedEnv another mountPath.`);
    }
    for (const variable of this.variables) {
      container.env.addVariable(variable.name, kplus.EnvValue.fromSecretValue({ secret: this.secretRef, key: variable.key }));
    }
    if (this.volume) {
      container.mount(this.mountPath, this.volume, { readOnly: true });
    }
    this.boundContainers.add(container);
  }

  /**
   * Bind `container` of `workload` (see `bind`) and apply the rollout hooks: the `revision` annotation on the
   * pod template and, with `reloadOnChange`, the Reloader annotation on the workload.
   *
   * @param workload the workload (or Pod) running the container
   * @param container the container that needs the values; must belong to the workload. When omitted, the
   * workload's only container (refused when it has several: say which one needs the secrets).
   */
  public addTo(workload: kplus.AbstractPod, container?: kplus.Container): void {
    const where = `SecretBackedEnv ${this.node.path}`;
    const containers = workload.containers;
    let target = container;
    if (target === undefined) {
      if (containers.length !== 1) {
        throw new Error(`${where}: ${workload.node.path} has ${containers.length} containers: pass the one that needs the secrets, `
          + 'e.g. addTo(workload, workload.containers[0]); secrets go only to the containers that use them.');
      }
      target = containers[0];
    } else if (!containers.includes(target) && !workload.initContainers.includes(target)) {
      throw new Error(`${where}: container "${target.name}" is not a container of ${workload.node.path}.`);
    }
    this.bind(target);

    if (this.revision !== undefined) {
      workload.podMetadata.addAnnotation(`${REVISION_ANNOTATION_PREFIX}${this.source.secretName}`, this.revision);
    }
    if (this.reloadOnChange) {
      const current = workload.metadata.toJson().annotations?.[RELOADER_ANNOTATION] as string | undefined;
      const names = (current ?? '').split(',').map(n => n.trim()).filter(n => n !== '');
      if (!names.includes(this.source.secretName)) names.push(this.source.secretName);
      workload.metadata.addAnnotation(RELOADER_ANNOTATION, names.join(','));
    }
  }
}
