import { Severity } from './severity';

/** The lowest severity that fails a run (synthesis, `scan`, the cdk8s-cli plugin). */
export enum FailOn {
  /** Fail on unsuppressed errors (the default). */
  ERROR = 'error',
  /** Fail on unsuppressed errors and warnings: strict mode. */
  WARNING = 'warning',
  /** Never fail for findings; only report. */
  NEVER = 'never',
}

/** The accepted spellings, for messages. */
export const FAIL_ON_VALUES = Object.values(FailOn) as string[];

/** Parses `error`, `warning` or `never`; throws a clear error naming the option otherwise. */
export function parseFailOn(value: string, option: string = '--fail-on'): FailOn {
  const match = Object.values(FailOn).find(v => v === value);
  if (!match) {
    throw new Error(`${option} "${value}" is invalid: use one of ${FAIL_ON_VALUES.join(', ')}.`);
  }
  return match;
}

/** The lowest failing severity of a threshold, or undefined for `never`. */
export function failOnSeverity(failOn: FailOn): Severity | undefined {
  switch (failOn) {
    case FailOn.ERROR: return Severity.ERROR;
    case FailOn.WARNING: return Severity.WARNING;
    default: return undefined;
  }
}
