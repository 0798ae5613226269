/**
 * How serious a finding is.
 *
 * Errors fail synthesis and `scan` (with the default `--fail-on error`); warnings are reported and fail only in
 * strict mode; infos are advice.
 */
export enum Severity {
  /** A misconfiguration that must be fixed (or suppressed with a reason) before the manifest ships. */
  ERROR = 'error',
  /** A weakness worth fixing; fails only in strict mode or with `--fail-on warning`. */
  WARNING = 'warning',
  /** Advice; never fails a run. */
  INFO = 'info',
}

/** Numeric rank used for ordering and thresholds: a higher rank is more serious. */
export function severityRank(severity: Severity): number {
  switch (severity) {
    case Severity.ERROR: return 3;
    case Severity.WARNING: return 2;
    case Severity.INFO: return 1;
    default: return 0;
  }
}
