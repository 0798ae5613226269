import { flattenConcatenation, ownString } from '../../private/own-string';
import { AppliedSuppression, Finding, ResourceRef } from '../finding';
import { ManifestObject } from '../manifest-object';
import { Rule, RuleViolation } from '../rule';
import { RuleContext } from '../rule-context';
import { Severity } from '../severity';
import {
  DeclaredSuppression, MIN_REASON_LENGTH, SUPPRESS_ANNOTATION_PREFIX, SUPPRESS_EXPIRES_ANNOTATION_PREFIX, suppressionProblem,
} from '../suppression';

// How one rule's violations on one object become findings: the check run, the suppressions decided, the finding
// built. Shared by every evaluation (all objects at once, or object by object as a scan reads them).

/** Runs one rule's check; an exception becomes a violation ("could not evaluate"), never a crash. */
export function runCheck(rule: Rule, object: ManifestObject, context: RuleContext): RuleViolation[] {
  try {
    const result = rule.check.check(object, context);
    return Array.isArray(result) ? result : [];
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return [{ message: `could not evaluate: ${reason}` }];
  }
}

/** The outcome of the suppressions naming a finding's rule: the one applied, or why none could be. */
export interface SuppressionDecision {
  readonly suppression?: AppliedSuppression;
  readonly refused?: string;
}

export function decide(candidates: DeclaredSuppression[], rule: Rule, date: string, allowErrors: boolean): SuppressionDecision {
  let refused: string | undefined;
  for (const s of candidates) {
    const problem = (s as AnnotationSuppression).refusal ?? suppressionProblem(s);
    if ((s as AnnotationSuppression).refusal) {
      refused = `suppression from ${s.origin} ignored: ${problem}`;
    } else if (problem) {
      refused = `suppression from ${s.origin} is invalid: ${problem}`;
    } else if (s.expires !== undefined && s.expires < date) {
      refused = `suppression from ${s.origin} expired on ${s.expires}`;
    } else if (rule.severity === Severity.ERROR && !allowErrors) {
      refused = `suppression from ${s.origin} refused: error-level findings are unsuppressible in this configuration`;
    } else {
      const suppression: AppliedSuppression = s.expires
        ? { reason: s.reason.trim(), origin: s.origin, expires: s.expires }
        : { reason: s.reason.trim(), origin: s.origin };
      return { suppression };
    }
  }
  return { refused };
}

export function resourceOf(object: ManifestObject): ResourceRef {
  return object.namespace
    ? { apiVersion: object.apiVersion, kind: object.kind, namespace: object.namespace, name: object.name }
    : { apiVersion: object.apiVersion, kind: object.kind, name: object.name };
}

/** Builds a finding with only the optional fields that have a value (the JSON report omits the others). */
export function toFinding(
  rule: Rule, object: ManifestObject, displayName: string, resource: ResourceRef, violation: RuleViolation,
  decision: SuppressionDecision, overriddenFrom: Severity | undefined,
): Finding {
  const finding: { -readonly [K in keyof Finding]: Finding[K] } = {
    ruleId: rule.id,
    severity: rule.severity,
    // Kept until the report is written: one flat string, not the tree of pieces the template builds.
    message: flattenConcatenation(`${displayName}: ${violation.message}`),
    resource,
    remediation: rule.remediation,
    equivalents: rule.equivalents,
    suppressed: decision.suppression !== undefined,
  };
  const line = object.lineOf(violation.path);
  if (object.file !== undefined) finding.file = object.file;
  if (line !== undefined) finding.line = line;
  // Rules write the same paths again and again (`spec.template.spec.containers[0].image`): keep one copy of each.
  if (violation.path) finding.path = ownString(violation.path);
  if (object.constructPath) finding.constructPath = object.constructPath;
  if (overriddenFrom !== undefined) finding.overriddenFrom = overriddenFrom;
  if (decision.suppression) finding.suppression = decision.suppression;
  else if (decision.refused) finding.suppressionRefused = decision.refused;
  return finding;
}

/** A suppression read from an annotation, with the reason it can never apply, if there is one. */
interface AnnotationSuppression extends DeclaredSuppression {
  readonly refusal?: string;
}

/**
 * Reads `cdk8s-hardened.io/suppress.<ruleId>` (and `suppress-expires.<ruleId>`) annotations of an object. An
 * annotation whose value is not a string is never a reason (the API server refuses such an object anyway), and
 * annotations of a distrusted object are listed only to say, on the findings they name, that they were ignored.
 */
export function annotationSuppressions(object: ManifestObject, trusted: boolean): AnnotationSuppression[] {
  const annotations = object.annotations as { [key: string]: unknown };
  const result: AnnotationSuppression[] = [];
  for (const key of Object.keys(annotations)) {
    if (!key.startsWith(SUPPRESS_ANNOTATION_PREFIX)) continue;
    const ruleId = key.slice(SUPPRESS_ANNOTATION_PREFIX.length);
    const value = annotations[key];
    const expiresKey = SUPPRESS_EXPIRES_ANNOTATION_PREFIX + ruleId;
    const expires = annotations[expiresKey];
    let refusal: string | undefined;
    if (!trusted) {
      refusal = 'suppression annotations on this object are not trusted (manifest suppressions are off, or the object came from Include or Helm); '
        + 'declare the suppression on a construct of the app with Suppressions.add, or fix the finding';
    } else if (typeof value !== 'string') {
      refusal = `the annotation ${key} is ${JSON.stringify(value)}, not a string: write the reason as a quoted string of at least ${MIN_REASON_LENGTH} characters`;
    } else if (expires !== undefined && typeof expires !== 'string') {
      refusal = `the annotation ${expiresKey} is ${JSON.stringify(expires)}, not a string: write the date as a quoted string, e.g. "2027-03-31"`;
    }
    result.push({
      ruleId,
      reason: typeof value === 'string' ? value : '',
      ...(typeof expires === 'string' ? { expires } : {}),
      origin: `annotation on ${object.displayName}`,
      ...(refusal ? { refusal } : {}),
    });
  }
  return result;
}
