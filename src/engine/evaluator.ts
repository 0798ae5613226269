import { AppliedSuppression, Finding, ResourceRef, SeverityOverride, SkippedObject, UnusedSuppression } from './finding';
import { ManifestObject } from './manifest-object';
import { GuardrailReport } from './report';
import { Rule, RuleViolation } from './rule';
import { DEFAULT_KUBERNETES_VERSION, RuleContext } from './rule-context';
import { RulePack } from './rule-pack';
import { Severity, severityRank } from './severity';
import {
  DeclaredSuppression, MIN_REASON_LENGTH, SUPPRESS_ANNOTATION_PREFIX, SUPPRESS_EXPIRES_ANNOTATION_PREFIX, suppressionProblem, today,
} from './suppression';
import { enforcedVersions, podNamespaceOf } from '../private/namespace-psa-version';
import { podTemplateOf } from '../private/pod-template';

/** What to evaluate and how. */
export interface EvaluatorProps {
  /** The rule packs to run. A rule present in several packs runs once. */
  readonly packs: RulePack[];
  /**
   * Target Kubernetes version (`1.NN`): the version of the cluster. Each pod is judged at the Pod Security
   * version its namespace enforces (`pod-security.kubernetes.io/enforce-version`) when the objects define the
   * namespace, capped at this version; other pods, and every other rule, at this version.
   * @default - the newest version the packs know (DEFAULT_KUBERNETES_VERSION)
   */
  readonly kubernetesVersion?: string;
  /** Severity per rule ID, replacing the pack's. @default - the packs' severities */
  readonly severityOverrides?: { [ruleId: string]: Severity };
  /**
   * Whether error-level findings may be suppressed. When false, a suppression of an error is refused and the
   * report says so.
   * @default true
   */
  readonly allowErrorSuppression?: boolean;
  /** The date suppressions' expiry is compared with (`YYYY-MM-DD`). @default - today (UTC) */
  readonly today?: string;
  /**
   * Whether a manifest's own `cdk8s-hardened.io/suppress.<ruleId>` annotations may suppress its findings. Set to
   * false when the manifests come from people who should not decide what is accepted (a Helm chart, a pull
   * request): the annotations are then reported as refused, and only suppressions declared outside the manifest
   * apply. Objects can also be distrusted one by one (`ManifestObjectOptions.trustAnnotationSuppressions`).
   * @default true
   */
  readonly manifestSuppressions?: boolean;
}

/** Options for one evaluation. */
export interface EvaluateOptions {
  /** Documents the caller passed over (not Kubernetes objects the rules read), counted in the report. @default 0 */
  readonly skipped?: number;
  /** The objects the caller passed over, listed in the report (their number replaces `skipped`). @default - none */
  readonly skippedObjects?: SkippedObject[];
}

/**
 * Runs rule packs over rendered objects and builds a report. This is the one evaluation path behind the cdk8s
 * guardrails, `scan` and the cdk8s-cli plugin, so all three agree.
 */
export class Evaluator {
  public readonly rules: Rule[];
  /** The rules whose severity `severityOverrides` changes, with the pack's severity and the new one. */
  public readonly severityOverrides: SeverityOverride[];
  private readonly props: EvaluatorProps;
  private readonly packSeverity: Map<string, Severity>;

  constructor(props: EvaluatorProps) {
    this.props = props;
    const combined = RulePack.combine('evaluation', props.packs);
    const overrides = props.severityOverrides ?? {};
    for (const ruleId of Object.keys(overrides)) {
      if (!combined.findRule(ruleId)) {
        throw new Error(`severityOverrides names rule "${ruleId}", which none of the packs (${props.packs.map(p => p.name).join(', ')}) contains.`);
      }
    }
    const changed: SeverityOverride[] = [];
    for (const rule of combined.rules) {
      const to = overrides[rule.id];
      if (!to) continue;
      if (props.allowErrorSuppression === false && rule.severity === Severity.ERROR && severityRank(to) < severityRank(Severity.ERROR)) {
        throw new Error(`severityOverrides lowers rule "${rule.id}" from error to ${to}, but allowErrorSuppression is false: an error may then be neither `
          + `suppressed nor lowered. Remove the override of "${rule.id}" (fix the findings instead), or set allowErrorSuppression to true.`);
      }
      changed.push({ ruleId: rule.id, from: rule.severity, to });
    }
    this.severityOverrides = changed;
    this.packSeverity = new Map(changed.map(c => [c.ruleId, c.from]));
    this.rules = combined.rules.map(r => (overrides[r.id] ? r.withSeverity(overrides[r.id]) : r));
    // Fail early on a bad version rather than in the middle of an evaluation.
    RuleContext.parseKubernetesMinor(props.kubernetesVersion ?? DEFAULT_KUBERNETES_VERSION);
  }

  /** Evaluates every rule against every object. Never throws for a rule's failure: it becomes a finding. */
  public evaluate(objects: ManifestObject[], options: EvaluateOptions = {}): GuardrailReport {
    const context = new RuleContext(objects, { kubernetesVersion: this.props.kubernetesVersion });
    const podContextOf = podSecurityContexts(objects, context);
    const date = this.props.today ?? today();
    const allowErrors = this.props.allowErrorSuppression ?? true;
    const used = new Set<DeclaredSuppression>();
    const declared = new Set<DeclaredSuppression>();
    const findings: Finding[] = [];

    for (const object of objects) {
      const fromAnnotations = annotationSuppressions(object, this.props.manifestSuppressions !== false && object.trustAnnotationSuppressions);
      const suppressions = fromAnnotations.length ? [...object.suppressions, ...fromAnnotations] : object.suppressions;
      for (const s of suppressions) declared.add(s);
      // Shared by every finding of the object: findings are read-only.
      let target: { name: string; resource: ResourceRef } | undefined;
      const objectContext = podContextOf(object);

      for (const rule of this.rules) {
        for (const violation of runCheck(rule, object, objectContext)) {
          target ??= { name: object.displayName, resource: resourceOf(object) };
          const candidates = suppressions.length ? suppressions.filter(s => s.ruleId === rule.id) : [];
          // Every suppression naming the rule counts as used, even when another one (say, the same suppression
          // declared on the construct and written into the manifest) is the one applied.
          candidates.forEach(s => used.add(s));
          const decision = candidates.length ? decide(candidates, rule, date, allowErrors) : {};
          findings.push(toFinding(rule, object, target.name, target.resource, violation, decision, this.packSeverity.get(rule.id)));
        }
      }
    }

    const unused: UnusedSuppression[] = [...declared]
      .filter(s => !used.has(s))
      .map(s => ({ ruleId: s.ruleId, reason: s.reason, origin: s.origin }));
    return new GuardrailReport({
      objects: objects.length,
      findings,
      rules: this.rules,
      unusedSuppressions: unused,
      skipped: options.skipped,
      skippedObjects: options.skippedObjects,
      severityOverrides: this.severityOverrides,
    });
  }
}

/**
 * The context each object is judged in: a pod at the Pod Security version its namespace enforces, when the
 * objects define that namespace; anything else at the target version.
 */
function podSecurityContexts(objects: ManifestObject[], base: RuleContext): (object: ManifestObject) => RuleContext {
  const versions = enforcedVersions(objects, base.kubernetesMinor);
  if (versions.size === 0) return () => base;
  const byMinor = new Map<number, RuleContext>([[base.kubernetesMinor, base]]);
  return object => {
    if (!podTemplateOf(object)) return base;
    const minor = versions.get(podNamespaceOf(object)) ?? base.kubernetesMinor;
    let context = byMinor.get(minor);
    if (!context) {
      context = base.atKubernetesVersion(`1.${minor}`);
      byMinor.set(minor, context);
    }
    return context;
  };
}

function runCheck(rule: Rule, object: ManifestObject, context: RuleContext): RuleViolation[] {
  try {
    const result = rule.check.check(object, context);
    return Array.isArray(result) ? result : [];
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return [{ message: `could not evaluate: ${reason}` }];
  }
}

/** The outcome of the suppressions naming a finding's rule: the one applied, or why none could be. */
interface SuppressionDecision {
  readonly suppression?: AppliedSuppression;
  readonly refused?: string;
}

function decide(candidates: DeclaredSuppression[], rule: Rule, date: string, allowErrors: boolean): SuppressionDecision {
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

function resourceOf(object: ManifestObject): ResourceRef {
  return object.namespace
    ? { apiVersion: object.apiVersion, kind: object.kind, namespace: object.namespace, name: object.name }
    : { apiVersion: object.apiVersion, kind: object.kind, name: object.name };
}

/** Builds a finding with only the optional fields that have a value (the JSON report omits the others). */
function toFinding(
  rule: Rule, object: ManifestObject, displayName: string, resource: ResourceRef, violation: RuleViolation,
  decision: SuppressionDecision, overriddenFrom: Severity | undefined,
): Finding {
  const finding: { -readonly [K in keyof Finding]: Finding[K] } = {
    ruleId: rule.id,
    severity: rule.severity,
    message: `${displayName}: ${violation.message}`,
    resource,
    remediation: rule.remediation,
    equivalents: rule.equivalents,
    suppressed: decision.suppression !== undefined,
  };
  const line = object.lineOf(violation.path);
  if (object.file !== undefined) finding.file = object.file;
  if (line !== undefined) finding.line = line;
  if (violation.path) finding.path = violation.path;
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
function annotationSuppressions(object: ManifestObject, trusted: boolean): AnnotationSuppression[] {
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
