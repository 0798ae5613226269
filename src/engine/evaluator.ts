import { ExternalObjects } from './external-objects';
import { SeverityOverride, SkippedObject } from './finding';
import { ManifestObject } from './manifest-object';
import { EvaluationSession } from './private/evaluation-session';
import { GuardrailReport } from './report';
import { Rule } from './rule';
import { DEFAULT_KUBERNETES_VERSION, RuleContext } from './rule-context';
import { RulePack } from './rule-pack';
import { Severity, severityRank } from './severity';
import { today } from './suppression';
import type { HardeningChange } from '../aspects/hardening-change';

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
  /**
   * Objects that exist in the cluster but not in the app, as `Kind/namespace/name` (`*` for any namespace or name),
   * e.g. `Secret/shop/db-credentials`: references to them are not reported (see ExternalObjects).
   * @default - none: every reference must name an object of the app
   */
  readonly externalObjects?: string[];
}

/** Options for one evaluation. */
export interface EvaluateOptions {
  /** Documents the caller passed over (not Kubernetes objects the rules read), counted in the report. @default 0 */
  readonly skipped?: number;
  /** The objects the caller passed over, listed in the report (their number replaces `skipped`). @default - none */
  readonly skippedObjects?: SkippedObject[];
  /** The fields hardening aspects set on the objects before this evaluation, shown in the report. @default - none */
  readonly hardening?: HardeningChange[];
  /**
   * More objects that exist outside the app, for this evaluation only, in the form of `EvaluatorProps.externalObjects`
   * (the guardrails pass those declared in the construct tree).
   * @default - none beyond the evaluator's
   */
  readonly externalObjects?: string[];
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
  private readonly externalObjects: ExternalObjects;

  constructor(props: EvaluatorProps) {
    this.props = props;
    this.externalObjects = ExternalObjects.parse(props.externalObjects ?? []);
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
    const session = this._startSession(objects, options.externalObjects);
    for (const object of objects) session.add(object);
    return session.finish(options);
  }

  /**
   * An evaluation fed one object at a time (what `scan` uses to check each document as it is read).
   * @param known objects known in advance, whose Namespaces fix the Pod Security versions from the start
   * @param externalObjects objects declared external for this evaluation, besides the evaluator's own
   * @internal
   */
  public _startSession(known: ManifestObject[] = [], externalObjects: string[] = []): EvaluationSession {
    return new EvaluationSession({
      rules: this.rules,
      kubernetesMinor: RuleContext.parseKubernetesMinor(this.props.kubernetesVersion ?? DEFAULT_KUBERNETES_VERSION),
      severityOverrides: this.severityOverrides,
      packSeverity: this.packSeverity,
      date: this.props.today ?? today(),
      allowErrorSuppression: this.props.allowErrorSuppression ?? true,
      manifestSuppressions: this.props.manifestSuppressions !== false,
      externalObjects: externalObjects.length
        ? ExternalObjects.parse([...this.externalObjects.entries, ...externalObjects], 'externalObjects')
        : this.externalObjects,
    }, known);
  }
}
