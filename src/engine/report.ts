import { Finding, ReportSummary, UnusedSuppression } from './finding';
import { renderSarif } from './render-sarif';
import { renderText } from './render-text';
import { Rule } from './rule';
import { Severity, severityRank } from './severity';

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
  /** Objects passed over because no rule understands their kind (scan). @default 0 */
  readonly skipped?: number;
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
  /** Objects passed over because they are not Kubernetes objects we understand (scan). */
  public readonly skipped: number;

  constructor(props: GuardrailReportProps) {
    this.findings = [...props.findings];
    this.rules = [...props.rules];
    this.unusedSuppressions = [...(props.unusedSuppressions ?? [])];
    this.skipped = props.skipped ?? 0;
    const active = this.findings.filter(f => !f.suppressed);
    this.summary = {
      objects: props.objects,
      errors: active.filter(f => f.severity === Severity.ERROR).length,
      warnings: active.filter(f => f.severity === Severity.WARNING).length,
      infos: active.filter(f => f.severity === Severity.INFO).length,
      suppressed: this.findings.length - active.length,
    };
  }

  /** Unsuppressed findings at or above a severity (all unsuppressed findings when none is given). */
  public unsuppressed(atLeast?: Severity): Finding[] {
    const min = atLeast ? severityRank(atLeast) : 0;
    return this.findings.filter(f => !f.suppressed && severityRank(f.severity) >= min);
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
      })),
      summary: { ...this.summary, skipped: this.skipped },
      unusedSuppressions: this.unusedSuppressions,
    };
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
