/**
 * A decision to accept a rule's findings, with the reason on record.
 *
 * @example
 * Suppressions.add(legacyChart, { ruleId: 'pss-run-as-non-root', reason: 'vendor image runs as root; ticket OPS-123', expires: '2027-03-31' });
 */
export interface Suppression {
  /** The rule whose findings are accepted. */
  readonly ruleId: string;
  /** Why this is acceptable: at least 10 characters, shown in every report. */
  readonly reason: string;
  /**
   * Last day (`YYYY-MM-DD`, inclusive) on which the suppression holds; after it the findings come back.
   * @default - never expires
   */
  readonly expires?: string;
}

/** A suppression as the engine applies it: where it was declared, so reports can point at it. */
export interface DeclaredSuppression extends Suppression {
  /**
   * Where the suppression was declared: a construct path, or `annotation on <Kind ns/name>` for a manifest
   * annotation.
   */
  readonly origin: string;
}

/** Annotation prefix for suppressions carried by a manifest: `cdk8s-hardened.io/suppress.<ruleId>: <reason>`. */
export const SUPPRESS_ANNOTATION_PREFIX = 'cdk8s-hardened.io/suppress.';
/** Annotation prefix for the expiry of a manifest suppression: `cdk8s-hardened.io/suppress-expires.<ruleId>: 2027-03-31`. */
export const SUPPRESS_EXPIRES_ANNOTATION_PREFIX = 'cdk8s-hardened.io/suppress-expires.';

/** The shortest reason a suppression accepts. */
export const MIN_REASON_LENGTH = 10;

/**
 * Checks a suppression's fields and returns the problem, or undefined when it is well-formed.
 * The message names the rule, the field, the value and the fix.
 */
export function suppressionProblem(s: Suppression): string | undefined {
  if (!s.ruleId || !s.ruleId.trim()) {
    return 'a suppression needs a ruleId (the ID of the rule whose findings it accepts, e.g. "pss-run-as-non-root")';
  }
  const reason = (s.reason ?? '').trim();
  if (reason.length < MIN_REASON_LENGTH) {
    return `the suppression of "${s.ruleId}" has reason ${JSON.stringify(s.reason ?? '')}: give a reason of at least ${MIN_REASON_LENGTH} characters saying why the finding is acceptable`;
  }
  if (s.expires !== undefined && !isIsoDate(s.expires)) {
    return `the suppression of "${s.ruleId}" has expires ${JSON.stringify(s.expires)}: give a date as YYYY-MM-DD, e.g. 2027-03-31`;
  }
  return undefined;
}

/** Today's date as YYYY-MM-DD (UTC). */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}
