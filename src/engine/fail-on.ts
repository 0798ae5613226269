import { Severity, severityRank } from './severity';

/** The lowest severity that fails a run (synthesis, `scan`, the cdk8s-cli plugin). */
export enum FailOn {
  /** Fail on unsuppressed errors (the default). */
  ERROR = 'error',
  /** Fail on unsuppressed errors and warnings: strict mode. */
  WARNING = 'warning',
  /** Never fail; only report. */
  NEVER = 'never',
}

/** True when an unsuppressed finding of this severity fails a run with this threshold. */
export function failsOn(threshold: FailOn, severity: Severity): boolean {
  if (threshold === FailOn.NEVER) return false;
  const min = threshold === FailOn.WARNING ? severityRank(Severity.WARNING) : severityRank(Severity.ERROR);
  return severityRank(severity) >= min;
}
