/**
 * Objects that exist in the cluster but are not part of the app: a Secret a platform team creates, a ServiceAccount
 * every namespace gets, a PersistentVolumeClaim made by hand. Rules that check references (the references pack)
 * count them as defined, so they are declared once instead of suppressed on every object that uses them.
 *
 * Each entry is `Kind/namespace/name` (for example `Secret/shop/db-credentials`), where the namespace or the name may
 * be `*` for any (every namespace's `ci-deployer` ServiceAccount, every Secret of `payments`), or `Kind/name` for a
 * cluster-scoped kind.
 */
export class ExternalObjects {
  /**
   * Parses the entries, throwing an error that names `source` (the option or flag they came from), the entry and
   * the form expected when one is malformed.
   * @param entries the declarations, `Kind/namespace/name` or `Kind/name`
   * @param source where the entries were given, e.g. `--external` or `GuardrailsProps.externalObjects`
   */
  public static parse(entries: string[], source: string = 'externalObjects'): ExternalObjects {
    const patterns: ExternalObjectPattern[] = [];
    for (const raw of entries) {
      const entry = raw.trim();
      const parts = entry.split('/');
      const problem = parts.some(p => p === '') || parts.length < 2 || parts.length > 3
        ? 'is not of the form Kind/namespace/name (or Kind/name for a cluster-scoped kind)'
        : !/^[A-Z][A-Za-z0-9]*$/.test(parts[0]) ? `starts with "${parts[0]}", which is not a kind (a kind is written as in kind:, such as Secret or ServiceAccount)` : undefined;
      if (problem) {
        throw new Error(`${source} entry ${JSON.stringify(raw)} ${problem}: write for example "Secret/shop/db-credentials", `
          + '"ServiceAccount/*/ci-deployer" (* is any namespace or any name) or "PersistentVolume/archive".');
      }
      patterns.push(parts.length === 3
        ? { kind: parts[0], namespace: parts[1], name: parts[2] }
        : { kind: parts[0], namespace: undefined, name: parts[1] });
    }
    return new ExternalObjects(patterns);
  }

  /** No object declared external. */
  public static none(): ExternalObjects {
    return new ExternalObjects([]);
  }

  private readonly patterns: ExternalObjectPattern[];

  private constructor(patterns: ExternalObjectPattern[]) {
    this.patterns = patterns;
  }

  /** The declarations, as given (normalized to `Kind/namespace/name` or `Kind/name`). */
  public get entries(): string[] {
    return this.patterns.map(p => (p.namespace === undefined ? `${p.kind}/${p.name}` : `${p.kind}/${p.namespace}/${p.name}`));
  }

  /**
   * True when an object of this kind, name and namespace (undefined for a cluster-scoped object) is declared external.
   * @param kind the kind, e.g. `Secret`
   * @param name the object's name
   * @param namespace the namespace; undefined for a cluster-scoped kind
   */
  public includes(kind: string, name: string, namespace?: string): boolean {
    return this.patterns.some(p => p.kind === kind
      && (p.namespace === undefined ? namespace === undefined : namespace !== undefined && (p.namespace === '*' || p.namespace === namespace))
      && (p.name === '*' || p.name === name));
  }
}

interface ExternalObjectPattern {
  readonly kind: string;
  /** Undefined for a cluster-scoped kind; `*` for any namespace. */
  readonly namespace?: string;
  /** `*` for any name. */
  readonly name: string;
}
