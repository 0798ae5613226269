import { Finding, ReportSummary, SeverityOverride, SkippedObject, UnusedSuppression } from './finding';
import { renderSarif } from './render-sarif';
import { renderText } from './render-text';
import { Rule } from './rule';
import { Severity, severityRank } from './severity';
import type { HardeningChange } from '../aspects/hardening-change';

/** What a report is made of. */
export interface GuardrailReportProps {
  /** Objects evaluated. */
  readonly objects: number;
  /** Findings in evaluation order (object, then rule, then violation). */
  readonly findings: Finding[];
  /** The rules that ran, for SARIF's rule table and RULES.md. */
  readonly rules: Rule[];
  /** Suppressions that matched no finding. @default - none */
  readonly unusedSuppressions?: UnusedSuppression[];
  /** How many objects were passed over, when they are not listed in `skippedObjects`. @default 0 */
  readonly skipped?: number;
  /** The objects passed over because no rule reads their kind. @default - none */
  readonly skippedObjects?: SkippedObject[];
  /** The rules whose severity `severityOverrides` changed. @default - none */
  readonly severityOverrides?: SeverityOverride[];
  /** The fields hardening aspects set on the evaluated objects before they were judged. @default - none */
  readonly hardening?: HardeningChange[];
}

/** The version of the JSON report shape (`--format json`). */
export const REPORT_FORMAT_VERSION = 1;

/**
 * The result of one evaluation, rendered as text, JSON (the documented shape) or SARIF 2.1.0.
 * Its order is deterministic, so reports can be snapshot-tested.
 */
export class GuardrailReport {
  public readonly findings: Finding[];
  public readonly rules: Rule[];
  public readonly unusedSuppressions: UnusedSuppression[];
  public readonly summary: ReportSummary;
  /** How many objects were passed over because no rule reads them (not Kubernetes objects, unknown custom resources). */
  public readonly skipped: number;
  /** The objects passed over, in input order (empty when only a count was given). */
  public readonly skippedObjects: SkippedObject[];
  /** The rules whose severity `severityOverrides` changed, with the pack's severity and the one applied. */
  public readonly severityOverrides: SeverityOverride[];
  /**
   * The fields hardening aspects (`HardenWorkloads`) set on the evaluated objects before they were judged, in
   * object order: what the findings no longer show because it was fixed on the way.
   */
  public readonly hardening: HardeningChange[];

  constructor(props: GuardrailReportProps) {
    this.findings = [...props.findings];
    this.rules = [...props.rules];
    this.unusedSuppressions = [...(props.unusedSuppressions ?? [])];
    this.skippedObjects = [...(props.skippedObjects ?? [])];
    this.severityOverrides = [...(props.severityOverrides ?? [])];
    this.hardening = [...(props.hardening ?? [])];
    this.skipped = props.skippedObjects ? this.skippedObjects.length : props.skipped ?? 0;
    const active = this.findings.filter(f => !f.suppressed);
    this.summary = {
      objects: props.objects,
      errors: active.filter(f => f.severity === Severity.ERROR).length,
      warnings: active.filter(f => f.severity === Severity.WARNING).length,
      infos: active.filter(f => f.severity === Severity.INFO).length,
      suppressed: this.findings.length - active.length,
    };
  }

  /**
   * Unsuppressed findings at or above a severity (all unsuppressed findings, infos included, when none is given).
   * A test asserting that an app is clean wants `findingsToFix()`: infos such as `workload-image-digest` on a
   * tag-pinned image are advice, not failures.
   */
  public unsuppressed(atLeast?: Severity): Finding[] {
    const min = atLeast ? severityRank(atLeast) : 0;
    return this.findings.filter(f => !f.suppressed && severityRank(f.severity) >= min);
  }

  /**
   * The unsuppressed findings a clean app has none of: errors and warnings, and infos too when `atLeast` is
   * `Severity.INFO`. The assertion a test suite wants, passing on an app whose only findings are infos.
   *
   * @param atLeast the lowest severity to return; `Severity.ERROR` for errors only, `Severity.INFO` for every
   * unsuppressed finding. Default: `Severity.WARNING`
   *
   * @example
   * expect(Guardrails.check(chart).findingsToFix()).toEqual([]);
   */
  public findingsToFix(atLeast?: Severity): Finding[] {
    return this.unsuppressed(atLeast ?? Severity.WARNING);
  }

  /** True when an unsuppressed finding is at or above the severity. */
  public hasFindingsAtOrAbove(severity: Severity): boolean {
    return this.unsuppressed(severity).length > 0;
  }

  /** The report in the documented JSON shape (`version`, `findings`, `summary`). */
  public toJson(): any {
    return {
      version: REPORT_FORMAT_VERSION,
      findings: this.findings.map(f => ({
        ruleId: f.ruleId,
        severity: f.severity,
        message: f.message,
        resource: f.resource,
        ...(f.file !== undefined ? { file: f.file } : {}),
        ...(f.line !== undefined ? { line: f.line } : {}),
        ...(f.path !== undefined ? { path: f.path } : {}),
        ...(f.constructPath !== undefined ? { constructPath: f.constructPath } : {}),
        equivalents: f.equivalents,
        remediation: f.remediation,
        suppressed: f.suppressed,
        ...(f.suppression ? { suppression: f.suppression } : {}),
        ...(f.suppressionRefused ? { suppressionRefused: f.suppressionRefused } : {}),
        ...(f.overriddenFrom !== undefined ? { overriddenFrom: f.overriddenFrom } : {}),
      })),
      summary: { ...this.summary, skipped: this.skipped },
      unusedSuppressions: this.unusedSuppressions,
      skippedObjects: this.skippedObjects,
      severityOverrides: this.severityOverrides,
      // Only reports of cdk8s apps with a hardening aspect have this key, so scan's output keeps its shape.
      ...(this.hardening.length ? { hardening: this.hardening } : {}),
    };
  }

  /**
   * The skipped objects counted by kind, as `apiVersion kind` (or `(not a Kubernetes object)`), in first-seen
   * order.
   */
  public skippedByKind(): { [kind: string]: number } {
    const counts: { [kind: string]: number } = {};
    for (const s of this.skippedObjects) {
      const key = s.kind ? `${s.apiVersion ?? ''} ${s.kind}`.trim() : '(not a Kubernetes object)';
      counts[key] = (counts[key] ?? 0) + 1;
    }
    return counts;
  }

  /** The report for a terminal: grouped by object, with rule IDs, fields and fixes. */
  public toText(): string {
    return renderText(this);
  }

  /** The report as a SARIF 2.1.0 log (GitHub code scanning reads it). */
  public toSarif(): any {
    return renderSarif(this);
  }
}
