import { isObject } from '../../../private/pod-template';

/** Labels as rules compare them: string keys and string values. */
export type Labels = { readonly [key: string]: string };

interface Requirement {
  readonly key: string;
  readonly operator: string;
  readonly values: string[];
}

const OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist'];

/**
 * A Kubernetes label selector (`matchLabels` + `matchExpressions`), parsed once and matched many times.
 *
 * An empty selector matches everything. A malformed selector (an unknown operator, a non-object where an object
 * belongs) matches nothing: the API server would refuse it, so it isolates or allows nothing.
 */
export class LabelSelector {
  /** Parses a selector as written in a manifest. `undefined` and `null` are the empty selector. */
  public static parse(raw: unknown): LabelSelector {
    if (raw === undefined || raw === null) return new LabelSelector([], true);
    if (!isObject(raw)) return new LabelSelector([], false, 'is not an object');
    const requirements: Requirement[] = [];
    if (raw.matchLabels !== undefined && raw.matchLabels !== null) {
      if (!isObject(raw.matchLabels)) return new LabelSelector([], false, 'has a matchLabels that is not a map');
      for (const [key, value] of Object.entries(raw.matchLabels)) {
        requirements.push({ key, operator: '=', values: [labelValue(value)] });
      }
    }
    if (raw.matchExpressions !== undefined && raw.matchExpressions !== null) {
      if (!Array.isArray(raw.matchExpressions)) return new LabelSelector([], false, 'has a matchExpressions that is not a list');
      for (const expr of raw.matchExpressions) {
        if (!isObject(expr) || typeof expr.key !== 'string') return new LabelSelector([], false, 'has a match expression without a key');
        const operator = typeof expr.operator === 'string' ? expr.operator : '';
        if (!OPERATORS.includes(operator)) {
          return new LabelSelector([], false, `has a match expression with operator "${operator}" (valid: ${OPERATORS.join(', ')})`);
        }
        const values = Array.isArray(expr.values) ? expr.values.map(labelValue) : [];
        requirements.push({ key: expr.key, operator, values });
      }
    }
    return new LabelSelector(requirements, true);
  }

  /** True when the selector was well formed. */
  public readonly valid: boolean;
  /** Why the selector is malformed, when it is. */
  public readonly problem?: string;
  private readonly requirements: Requirement[];

  private constructor(requirements: Requirement[], valid: boolean, problem?: string) {
    this.requirements = requirements;
    this.valid = valid;
    this.problem = problem;
  }

  /** True for a well-formed selector without requirements: it selects every pod (of its namespace). */
  public get isEmpty(): boolean {
    return this.valid && this.requirements.length === 0;
  }

  /**
   * A `key=value` pair every matching label set must carry (the first `matchLabels` entry), used to index
   * selectors so matching stays linear; undefined when there is none.
   */
  public get anchor(): string | undefined {
    if (!this.valid) return undefined;
    const first = this.requirements.find(r => r.operator === '=');
    return first ? labelPairKey(first.key, first.values[0]) : undefined;
  }

  /** The value a `matchLabels` entry (or a single-value `In`) requires for the key; undefined when none does. */
  public requiredValue(key: string): string | undefined {
    if (!this.valid) return undefined;
    const r = this.requirements.find(x => x.key === key && (x.operator === '=' || (x.operator === 'In' && x.values.length === 1)));
    return r ? r.values[0] : undefined;
  }

  /** True when every requirement of a well-formed selector is on this one key (say, the namespace name label). */
  public isOnlyKey(key: string): boolean {
    return this.valid && this.requirements.every(r => r.key === key);
  }

  /** True when the labels satisfy every requirement. */
  public matches(labels: Labels): boolean {
    if (!this.valid) return false;
    for (const r of this.requirements) {
      const has = Object.prototype.hasOwnProperty.call(labels, r.key);
      const value = has ? labels[r.key] : undefined;
      switch (r.operator) {
        case '=': if (value !== r.values[0]) return false; break;
        case 'In': if (!has || !r.values.includes(value as string)) return false; break;
        case 'NotIn': if (has && r.values.includes(value as string)) return false; break;
        case 'Exists': if (!has) return false; break;
        case 'DoesNotExist': if (has) return false; break;
        default: return false;
      }
    }
    return true;
  }

  /** The selector in kubectl's notation, e.g. `app=web,tier in (api,worker),!legacy`; `{}` when empty. */
  public toString(): string {
    if (!this.valid) return '<malformed selector>';
    if (this.requirements.length === 0) return '{}';
    return this.requirements.map(r => {
      switch (r.operator) {
        case '=': return `${r.key}=${r.values[0]}`;
        case 'In': return `${r.key} in (${r.values.join(',')})`;
        case 'NotIn': return `${r.key} notin (${r.values.join(',')})`;
        case 'Exists': return r.key;
        default: return `!${r.key}`;
      }
    }).join(',');
  }
}

/** The labels of a manifest's metadata as strings; empty when unset or malformed. */
export function labelsOf(metadata: unknown): Labels {
  if (!isObject(metadata) || !isObject(metadata.labels)) return {};
  const labels: { [key: string]: string } = {};
  for (const [key, value] of Object.entries(metadata.labels)) {
    if (value === undefined || value === null) continue;
    labels[key] = labelValue(value);
  }
  return labels;
}

/** Labels for a message: `app=web,tier=api`, or `no labels`. */
export function describeLabels(labels: Labels): string {
  const pairs = Object.entries(labels).map(([k, v]) => `${k}=${v}`);
  return pairs.length ? pairs.join(',') : 'no labels';
}

/** The index key of one label pair. */
export function labelPairKey(key: string, value: string): string {
  return `${key}\u0000${value}`;
}

function labelValue(value: unknown): string {
  return typeof value === 'string' ? value : String(value);
}
