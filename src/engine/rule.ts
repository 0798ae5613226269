import { ManifestObject } from './manifest-object';
import { RuleContext } from './rule-context';
import { Severity } from './severity';

/**
 * The IDs of the same check in other tools, where one exists.
 *
 * They let users map our findings onto what they already run, and let the conformance suite compare verdicts.
 */
export interface RuleEquivalents {
  /** Pod Security Admission check ID, e.g. `runAsNonRoot` or `capabilities_restricted`. @default - none */
  readonly pss?: string;
  /** kube-linter check name, e.g. `run-as-non-root`. @default - none */
  readonly kubeLinter?: string;
  /** Polaris check ID, e.g. `runAsRootAllowed`. @default - none */
  readonly polaris?: string;
  /** kubesec rule ID, e.g. `RunAsNonRoot`. @default - none */
  readonly kubesec?: string;
  /** kube-score test ID, e.g. `container-security-context-readonlyrootfilesystem`. @default - none */
  readonly kubeScore?: string;
  /** checkov check ID, e.g. `CKV_K8S_23`. @default - none */
  readonly checkov?: string;
  /** Trivy check ID in the `KSV-00NN` form, e.g. `KSV-0012`. @default - none */
  readonly trivy?: string;
}

/** One place where an object breaks a rule. */
export interface RuleViolation {
  /**
   * What is wrong, naming the container and the field, e.g.
   * `container "api" sets securityContext.allowPrivilegeEscalation to true`.
   * The engine prefixes the object (`Deployment shop/web`). Never include a secret value.
   */
  readonly message: string;
  /**
   * The offending field as a path into the object, e.g. `spec.template.spec.containers[0].securityContext`.
   * @default - the object as a whole
   */
  readonly path?: string;
}

/**
 * The logic of a rule: given one rendered object (and every other object of the app, through the context),
 * return where it breaks the rule. Return an empty list when it complies or the rule does not apply.
 *
 * Implementations must not modify the object. An exception is reported as a finding ("could not evaluate"),
 * never a crash.
 */
export interface IRuleCheck {
  /** Returns the violations of this object; empty when it complies. */
  check(object: ManifestObject, context: RuleContext): RuleViolation[];
}

/** What a rule's check reads besides the object it checks. */
export enum RuleScope {
  /**
   * The object and the context's Kubernetes version only. Such a rule runs as each object is read, while its
   * document is at hand, and a scan need not keep the object for it.
   */
  OBJECT = 'object',
  /** Other objects too, through the context (indexes of policies, namespaces, quotas, ...). Runs once all objects are read. */
  APP = 'app',
}

/** Everything a rule is: its stable metadata and its check. */
export interface RuleProps {
  /**
   * Stable identifier, lower-case words joined by dashes and prefixed by the rule's area,
   * e.g. `pss-run-as-non-root`. At most 46 characters so it fits a suppression annotation key.
   */
  readonly id: string;
  /** How serious a violation is. */
  readonly severity: Severity;
  /** One sentence: what the rule requires. */
  readonly summary: string;
  /** Full sentences: what the risk is and why the rule exists. */
  readonly explanation: string;
  /** Full sentences: how to fix a violation. */
  readonly remediation: string;
  /** The Kubernetes fields the rule reads, e.g. `spec.containers[*].securityContext.runAsNonRoot`. */
  readonly fields: string[];
  /** The same check in other tools. @default - none */
  readonly equivalents?: RuleEquivalents;
  /** The logic. */
  readonly check: IRuleCheck;
  /**
   * What the check reads. Declare OBJECT only for a check that uses nothing of the context but
   * `kubernetesVersion` and `kubernetesMinor`: it is then given a context without objects.
   * @default RuleScope.APP
   */
  readonly scope?: RuleScope;
}

const RULE_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** A rule: stable metadata plus the logic that evaluates rendered Kubernetes objects. */
export class Rule {
  public readonly id: string;
  public readonly severity: Severity;
  public readonly summary: string;
  public readonly explanation: string;
  public readonly remediation: string;
  public readonly fields: string[];
  public readonly equivalents: RuleEquivalents;
  public readonly check: IRuleCheck;
  /** What the check reads besides the object. */
  public readonly scope: RuleScope;

  constructor(props: RuleProps) {
    if (!RULE_ID.test(props.id) || props.id.length > 46) {
      throw new Error(`Rule id "${props.id}" is invalid: use lower-case words joined by dashes, at most 46 characters (e.g. "pss-run-as-non-root").`);
    }
    for (const [name, text] of [['summary', props.summary], ['explanation', props.explanation], ['remediation', props.remediation]]) {
      if (!text || !text.trim()) {
        throw new Error(`Rule "${props.id}" has an empty ${name}: every rule needs a summary, an explanation and a remediation.`);
      }
    }
    this.id = props.id;
    this.severity = props.severity;
    this.summary = props.summary;
    this.explanation = props.explanation;
    this.remediation = props.remediation;
    this.fields = [...props.fields];
    this.equivalents = { ...(props.equivalents ?? {}) };
    this.check = props.check;
    this.scope = props.scope ?? RuleScope.APP;
  }

  /** A copy of this rule with another severity. */
  public withSeverity(severity: Severity): Rule {
    return new Rule({ ...this.toProps(), severity });
  }

  /** A copy of this rule (same ID and texts) with other logic, e.g. the same check limited to some versions. */
  public withCheck(check: IRuleCheck): Rule {
    return new Rule({ ...this.toProps(), check });
  }

  private toProps(): RuleProps {
    return {
      id: this.id,
      severity: this.severity,
      summary: this.summary,
      explanation: this.explanation,
      remediation: this.remediation,
      fields: this.fields,
      equivalents: this.equivalents,
      check: this.check,
      scope: this.scope,
    };
  }
}
