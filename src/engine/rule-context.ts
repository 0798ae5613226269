import { ExternalObjects } from './external-objects';
import { ManifestObject } from './manifest-object';
import { PSA_NEWEST_MINOR } from '../rules/pss/private/versions';

/**
 * The Kubernetes version rules target when none is given: the newest Pod Security Admission version the packs
 * know, which is what a namespace enforcing `latest` applies on a current cluster.
 */
export const DEFAULT_KUBERNETES_VERSION = `1.${PSA_NEWEST_MINOR}`;

/** Options for a rule context. */
export interface RuleContextOptions {
  /**
   * The Kubernetes version the manifests are meant for, as `1.NN` (or `v1.NN`). Version-dependent controls
   * (PSS sysctls, probe hosts, procMount, ...) follow it.
   * @default - the newest version the packs know (DEFAULT_KUBERNETES_VERSION)
   */
  readonly kubernetesVersion?: string;
  /**
   * Objects that exist in the cluster outside the app, which references to them may name (see ExternalObjects).
   * @default - none
   */
  readonly externalObjects?: ExternalObjects;
}

/**
 * What a rule sees beyond the object it checks: every object of the app or of the scanned files, and the target
 * Kubernetes version. Whole-app rules (network policy coverage, namespaces, services) read `objects`.
 */
export class RuleContext {
  /**
   * Parses `1.28`, `v1.28` or `1.28.3` into the minor version (28). Throws a clear error for anything else, and for
   * a version newer than the packs know (their Pod Security checks for it are unknown).
   * @param version the version to parse
   * @param name what the version was given as, named in the error (`--kubernetes-version`, a property name)
   */
  public static parseKubernetesMinor(version: string, name: string = 'Kubernetes version'): number {
    const match = /^v?1\.(\d{1,3})(\.\d+)?$/.exec(version.trim());
    if (!match) {
      throw new Error(`${name} "${version}" is invalid: give it as 1.NN, for example 1.28.`);
    }
    const minor = Number(match[1]);
    if (minor > PSA_NEWEST_MINOR) {
      throw new Error(`${name} "${version}" is newer than the rule packs know: they know 1.0 to 1.${PSA_NEWEST_MINOR}. `
        + `Give a version in that range; for a newer cluster give 1.${PSA_NEWEST_MINOR}, or leave the version out (it defaults to 1.${PSA_NEWEST_MINOR}).`);
    }
    return minor;
  }

  /** Every object under evaluation, in a stable order. */
  public readonly objects: ManifestObject[];
  /** Target Kubernetes version, normalized to `1.NN`. */
  public readonly kubernetesVersion: string;
  /** Target Kubernetes minor version, e.g. 28. */
  public readonly kubernetesMinor: number;
  /** Objects declared to exist outside the app: references to them are not reported as dangling. */
  public readonly externalObjects: ExternalObjects;
  private memo: Map<string, unknown>;

  constructor(objects: ManifestObject[], options: RuleContextOptions = {}) {
    this.objects = objects;
    this.kubernetesMinor = RuleContext.parseKubernetesMinor(options.kubernetesVersion ?? DEFAULT_KUBERNETES_VERSION);
    this.kubernetesVersion = `1.${this.kubernetesMinor}`;
    this.externalObjects = options.externalObjects ?? ExternalObjects.none();
    this.memo = new Map();
  }

  /**
   * The same objects judged at another Kubernetes version (a namespace that enforces an older Pod Security
   * version). Whole-app indexes do not depend on the version, so they are shared.
   */
  public atKubernetesVersion(kubernetesVersion: string): RuleContext {
    const other = new RuleContext(this.objects, { kubernetesVersion, externalObjects: this.externalObjects });
    if (other.kubernetesMinor === this.kubernetesMinor) return this;
    other.memo = this.memo;
    return other;
  }

  /** The objects of one kind (and, when given, one API group), in evaluation order. */
  public objectsOfKind(kind: string, apiGroup?: string): ManifestObject[] {
    return this._memoize(`kind:${kind}:${apiGroup ?? '*'}`, () =>
      this.objects.filter(o => o.kind === kind && (apiGroup === undefined || o.apiGroup === apiGroup)));
  }

  /**
   * Computes a value once per evaluation and shares it between rules and objects (indexes for whole-app rules).
   * @internal
   */
  public _memoize<T>(key: string, compute: () => T): T {
    if (!this.memo.has(key)) this.memo.set(key, compute());
    return this.memo.get(key) as T;
  }
}
