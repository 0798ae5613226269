import { DeclaredSuppression } from './suppression';
import { isObject } from '../private/json';

/**
 * Finds the source line of a field, for objects read from a file.
 */
export interface IFieldLocator {
  /**
   * The 1-based line of the field at `path` (e.g. `spec.template.spec.containers[0].securityContext`),
   * or of its closest ancestor that exists; undefined when unknown.
   */
  lineOf(path: string): number | undefined;
}

/** Where an object came from and how to point at it. */
export interface ManifestObjectOptions {
  /** Path of the construct that rendered the object. @default - not rendered by cdk8s */
  readonly constructPath?: string;
  /** File the object was read from. @default - not read from a file */
  readonly file?: string;
  /** 1-based line of the object's first line in `file`. @default - unknown */
  readonly line?: number;
  /** Finds the lines of fields inside the object. @default - field lines unknown */
  readonly locator?: IFieldLocator;
  /**
   * Suppressions declared outside the manifest (on the construct or its scopes). Annotations on the manifest
   * are read by the engine itself.
   * @default - none
   */
  readonly suppressions?: DeclaredSuppression[];
  /**
   * Whether the object's own `cdk8s-hardened.io/suppress.<ruleId>` annotations may suppress its findings. False
   * for objects whose YAML came from outside the app (Include, Helm) when the guardrails distrust it: whoever
   * wrote that YAML could otherwise silence any finding.
   * @default true
   */
  readonly trustAnnotationSuppressions?: boolean;
}

/**
 * One rendered Kubernetes object, as rules see it: the JSON a cdk8s `ApiObject` renders to, or one document of a
 * YAML file.
 */
export class ManifestObject {
  /** Wraps a rendered manifest. */
  public static fromJson(manifest: any, options: ManifestObjectOptions = {}): ManifestObject {
    return new ManifestObject(manifest, options);
  }

  /** The rendered object. Rules must treat it as read-only. */
  public readonly manifest: any;
  /** `apiVersion`, or an empty string when missing. */
  public readonly apiVersion: string;
  /** `kind`, or an empty string when missing. */
  public readonly kind: string;
  /** `metadata.name` (or `metadata.generateName`), or an empty string when missing. */
  public readonly name: string;
  /** `metadata.namespace` as written; undefined when the object does not set one. */
  public readonly namespace?: string;
  /** Path of the construct that rendered the object, when it came from cdk8s. */
  public readonly constructPath?: string;
  /** File the object was read from, when scanned. */
  public readonly file?: string;
  /** 1-based line of the object in `file`, when scanned. */
  public readonly line?: number;
  /** Suppressions declared outside the manifest, on the construct or its scopes. */
  public readonly suppressions: DeclaredSuppression[];
  /** Whether the object's own suppression annotations may suppress its findings. */
  public readonly trustAnnotationSuppressions: boolean;
  private readonly locator?: IFieldLocator;

  private constructor(manifest: any, options: ManifestObjectOptions) {
    this.manifest = manifest;
    const metadata = isObject(manifest) && isObject(manifest.metadata) ? manifest.metadata : {};
    this.apiVersion = isObject(manifest) && typeof manifest.apiVersion === 'string' ? manifest.apiVersion : '';
    this.kind = isObject(manifest) && typeof manifest.kind === 'string' ? manifest.kind : '';
    this.name = typeof metadata.name === 'string' ? metadata.name : (typeof metadata.generateName === 'string' ? metadata.generateName : '');
    this.namespace = typeof metadata.namespace === 'string' && metadata.namespace !== '' ? metadata.namespace : undefined;
    this.constructPath = options.constructPath;
    this.file = options.file;
    this.line = options.line;
    this.locator = options.locator;
    this.suppressions = [...(options.suppressions ?? [])];
    this.trustAnnotationSuppressions = options.trustAnnotationSuppressions ?? true;
  }

  /** The API group: `apps` for `apps/v1`, an empty string for the core group (`v1`). */
  public get apiGroup(): string {
    const slash = this.apiVersion.indexOf('/');
    return slash < 0 ? '' : this.apiVersion.slice(0, slash);
  }

  /** `metadata.annotations`, empty when unset. */
  public get annotations(): { [key: string]: string } {
    const a = this.manifest?.metadata?.annotations;
    return isObject(a) ? a : {};
  }

  /** `metadata.labels`, empty when unset. */
  public get labels(): { [key: string]: string } {
    const l = this.manifest?.metadata?.labels;
    return isObject(l) ? l : {};
  }

  /** How messages name the object: `Deployment shop/web`, or `Namespace shop` for objects without a namespace. */
  public get displayName(): string {
    const name = this.name || '<unnamed>';
    return `${this.kind || '<no kind>'} ${this.namespace ? `${this.namespace}/` : ''}${name}`;
  }

  /** The 1-based line of a field inside the object, when known; falls back to the object's own line. */
  public lineOf(path?: string): number | undefined {
    if (path && this.locator) {
      const line = this.locator.lineOf(path);
      if (line !== undefined) return line;
    }
    return this.line;
  }
}
