import { RuleEquivalents } from './rule';
import { Severity } from './severity';

/** The object a finding is about. */
export interface ResourceRef {
  readonly apiVersion: string;
  readonly kind: string;
  /** @default - cluster-scoped or not set */
  readonly namespace?: string;
  readonly name: string;
}

/** The suppression that accepted a finding. */
export interface AppliedSuppression {
  /** Why the finding is acceptable. */
  readonly reason: string;
  /** Where it was declared: a construct path or `annotation on <object>`. */
  readonly origin: string;
  /** Last day it holds, when it expires. @default - never */
  readonly expires?: string;
}

/** One place where an object breaks a rule. */
export interface Finding {
  readonly ruleId: string;
  readonly severity: Severity;
  /** Names the object, the container and the field; never holds a secret value. */
  readonly message: string;
  readonly resource: ResourceRef;
  /** Remediation of the rule. */
  readonly remediation: string;
  /** File the object came from (scan). @default - rendered by cdk8s */
  readonly file?: string;
  /** 1-based line of the field (or object) in `file`. @default - unknown */
  readonly line?: number;
  /** The offending field, e.g. `spec.template.spec.containers[0].securityContext`. @default - the whole object */
  readonly path?: string;
  /** Path of the construct that rendered the object. @default - not from cdk8s */
  readonly constructPath?: string;
  /** The same check in other tools. */
  readonly equivalents: RuleEquivalents;
  /** True when a valid suppression accepts this finding. */
  readonly suppressed: boolean;
  /** The suppression that accepted it. @default - not suppressed */
  readonly suppression?: AppliedSuppression;
  /**
   * Why a suppression that names this finding's rule did not apply (expired, or errors are unsuppressible).
   * @default - none
   */
  readonly suppressionRefused?: string;
  /** The pack's severity of the rule, when `severityOverrides` changed it to `severity`. @default - not overridden */
  readonly overriddenFrom?: Severity;
}

/** A rule whose severity `severityOverrides` changed for this evaluation. */
export interface SeverityOverride {
  readonly ruleId: string;
  /** The severity its pack gives it. */
  readonly from: Severity;
  /** The severity it had in this evaluation. */
  readonly to: Severity;
}

/** An object (or document) that was passed over: no rule reads it, so nothing was checked. */
export interface SkippedObject {
  /** Why it was passed over, e.g. `a custom resource no rule reads`. */
  readonly reason: string;
  /** @default - none (not a Kubernetes object) */
  readonly apiVersion?: string;
  /** @default - none (not a Kubernetes object) */
  readonly kind?: string;
  /** @default - none */
  readonly name?: string;
  /** @default - none */
  readonly namespace?: string;
  /** File it was read from (scan). @default - rendered by cdk8s */
  readonly file?: string;
  /** 1-based line of the document in `file`. @default - unknown */
  readonly line?: number;
  /** Path of the construct that rendered it. @default - not from cdk8s */
  readonly constructPath?: string;
}

/** A suppression that matched no finding: stale, misspelled or no longer needed. */
export interface UnusedSuppression {
  readonly ruleId: string;
  readonly reason: string;
  readonly origin: string;
}

/** Counts over a report. `errors`, `warnings` and `infos` count unsuppressed findings only. */
export interface ReportSummary {
  /** Objects evaluated. */
  readonly objects: number;
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
  /** Findings accepted by a suppression. */
  readonly suppressed: number;
}
