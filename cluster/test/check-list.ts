/** The lines of a list of checks against the server, `ok` or `FAIL` first; the failures are returned too. */
export interface CheckListResult {
  readonly lines: string[];
  readonly failures: string[];
}

/** A list of checks: `check` records one, and a failure under `prefix` with the detail indented below it. */
export function checkList(prefix: string): CheckListResult & { check(ok: boolean, what: string, detail?: string): void } {
  const lines: string[] = [];
  const failures: string[] = [];
  const check = (ok: boolean, what: string, detail = '') => {
    lines.push(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
    if (!ok) failures.push(`${prefix}: ${what}${detail ? `\n    ${detail.trim().split('\n').join('\n    ')}` : ''}`);
  };
  return { lines, failures, check };
}
