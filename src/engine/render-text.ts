import type { Finding } from './finding';
import type { GuardrailReport } from './report';
import { Severity } from './severity';
import type { HardeningChange } from '../aspects/hardening-change';

/** How `renderText` lays a report out. */
export interface TextLayout {
  /**
   * Errors first, then warnings, then infos, then suppressed findings, each grouped by object; otherwise every
   * finding grouped by object in evaluation order.
   */
  readonly bySeverity?: boolean;
  /** Whether to list each info; otherwise (with `bySeverity`) one line counts them by rule. @default true */
  readonly listInfos?: boolean;
  /** What to tell the reader to list the infos, on the line that counts them. */
  readonly listInfosHint?: string;
  /**
   * Whether to list each field hardening aspects set; otherwise one line per object counts them by fix (a vendor
   * chart can have hundreds, printed at every synthesis). @default true
   */
  readonly listHardening?: boolean;
  /** What to tell the reader to list each hardened field, on the heading that counts them. */
  readonly listHardeningHint?: string;
}

const SEVERITY_ORDER: string[] = [Severity.ERROR, Severity.WARNING, Severity.INFO];

/** Renders a report for a terminal: findings grouped by object, then a summary line. */
export function renderText(report: GuardrailReport, layout: TextLayout = {}): string {
  const lines: string[] = [];
  if (layout.bySeverity) {
    const active = report.findings.filter(f => !f.suppressed);
    for (const severity of SEVERITY_ORDER) {
      const findings = active.filter(f => f.severity === severity);
      if (severity === Severity.INFO && layout.listInfos === false) {
        if (findings.length) lines.push(infoSummary(findings, layout.listInfosHint), '');
        continue;
      }
      renderGroups(findings, lines);
    }
    renderGroups(report.findings.filter(f => f.suppressed), lines);
  } else {
    renderGroups(report.findings, lines);
  }
  renderTail(report, lines, layout);
  return lines.join('\n') + '\n';
}

/** One line for the infos not listed: how many, by rule, in first-seen order. */
function infoSummary(infos: Finding[], hint: string | undefined): string {
  const byRule = new Map<string, number>();
  for (const f of infos) byRule.set(f.ruleId, (byRule.get(f.ruleId) ?? 0) + 1);
  const rules = [...byRule].map(([ruleId, n]) => `${ruleId} ${n}`).join(', ');
  return `${plural(infos.length, 'info')} not listed (${rules})${hint ? `: ${hint}` : ''}`;
}

/** Findings grouped by object, in the order given, each group followed by an empty line. */
function renderGroups(all: Finding[], lines: string[]): void {
  const groups = new Map<string, Finding[]>();
  for (const f of all) {
    const r = f.resource;
    const origin = f.file ?? f.constructPath;
    const key = `${r.kind} ${r.namespace ? `${r.namespace}/` : ''}${r.name}${origin ? `  (${origin})` : ''}`;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key)!.push(f);
  }
  for (const [header, findings] of groups) {
    lines.push(header);
    for (const f of findings) {
      const tag = f.suppressed ? 'suppressed' : f.severity;
      // The group header names the object already; drop it from the message.
      const colon = f.message.indexOf(': ');
      const text = colon >= 0 ? f.message.slice(colon + 2) : f.message;
      lines.push(`  ${tag.padEnd(10)} ${f.ruleId}  ${text}`);
      if (f.overriddenFrom !== undefined) lines.push(`             severity: ${f.severity}, changed from ${f.overriddenFrom} by severityOverrides`);
      if (f.path || f.line) {
        lines.push(`             field: ${f.path ?? '(object)'}${f.line ? ` (line ${f.line})` : ''}`);
      }
      if (f.suppressed && f.suppression) {
        lines.push(`             reason: ${f.suppression.reason} (${f.suppression.origin}${f.suppression.expires ? `, until ${f.suppression.expires}` : ''})`);
      } else {
        lines.push(`             fix: ${f.remediation}`);
        if (f.suppressionRefused) lines.push(`             note: ${f.suppressionRefused}`);
      }
    }
    lines.push('');
  }
}

/** Unused suppressions, severity overrides, skipped objects, hardened fields and the summary line. */
function renderTail(report: GuardrailReport, lines: string[], layout: TextLayout): void {
  for (const u of report.unusedSuppressions) {
    lines.push(`unused suppression of ${u.ruleId} at ${u.origin}: it matched no finding; remove it ("${u.reason}")`);
  }
  if (report.unusedSuppressions.length) lines.push('');
  for (const o of report.severityOverrides) {
    lines.push(`severity override: ${o.ruleId} is ${o.to} in this run (its pack says ${o.from})`);
  }
  if (report.severityOverrides.length) lines.push('');
  if (report.skippedObjects.length) {
    lines.push(`not checked (no rule reads them): ${plural(report.skippedObjects.length, 'object')}`);
    const reasons = new Map<string, string>();
    for (const o of report.skippedObjects) {
      const key = o.kind ? `${o.apiVersion ?? ''} ${o.kind}`.trim() : '(not a Kubernetes object)';
      if (!reasons.has(key)) reasons.set(key, o.reason);
    }
    for (const [kind, count] of Object.entries(report.skippedByKind())) {
      lines.push(`  ${String(count).padStart(4)}  ${kind}  (${reasons.get(kind)})`);
    }
    lines.push('');
  }
  renderHardening(report, lines, layout);
  const s = report.summary;
  const parts = [
    plural(s.errors, 'error'), plural(s.warnings, 'warning'), plural(s.infos, 'info'), `${s.suppressed} suppressed`,
    ...(report.skipped ? [`${report.skipped} skipped`] : []),
  ];
  lines.push(`${plural(s.objects, 'object')} checked by ${plural(report.rules.length, 'rule')}: ${parts.join(', ')}`);
}

/**
 * What hardening aspects set before the check, grouped by object as the findings are: a reader who sees a finding
 * gone should be able to see why, and a reviewer of vendor YAML what was changed in it.
 */
function renderHardening(report: GuardrailReport, lines: string[], layout: TextLayout): void {
  if (!report.hardening.length) return;
  const groups = new Map<string, HardeningChange[]>();
  for (const c of report.hardening) {
    const r = c.resource;
    const key = `${r.kind} ${r.namespace ? `${r.namespace}/` : ''}${r.name}  (${c.constructPath})`;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key)!.push(c);
  }
  const list = layout.listHardening ?? true;
  const hint = !list && layout.listHardeningHint ? `: ${layout.listHardeningHint}` : '';
  lines.push(`hardened before the check: ${plural(report.hardening.length, 'field')} set on ${plural(groups.size, 'object')} by hardening aspects${hint}`);
  for (const [header, changes] of groups) {
    if (list) {
      lines.push(header, ...changes.map(c => `  ${c.path}: ${c.before ?? '(unset)'} -> ${c.after}  [${c.fix}]`));
      continue;
    }
    const byFix = new Map<string, number>();
    for (const c of changes) byFix.set(c.fix, (byFix.get(c.fix) ?? 0) + 1);
    lines.push(`  ${header}: ${[...byFix].map(([fix, n]) => `${fix} ${n}`).join(', ')}`);
  }
  lines.push('');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
