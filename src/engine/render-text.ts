import type { Finding } from './finding';
import type { GuardrailReport } from './report';

/** Renders a report for a terminal: findings grouped by object in evaluation order, then a summary line. */
export function renderText(report: GuardrailReport): string {
  const lines: string[] = [];
  const groups = new Map<string, Finding[]>();
  for (const f of report.findings) {
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
  const s = report.summary;
  const parts = [
    plural(s.errors, 'error'), plural(s.warnings, 'warning'), plural(s.infos, 'info'), `${s.suppressed} suppressed`,
    ...(report.skipped ? [`${report.skipped} skipped`] : []),
  ];
  lines.push(`${plural(s.objects, 'object')} checked by ${plural(report.rules.length, 'rule')}: ${parts.join(', ')}`);
  return lines.join('\n') + '\n';
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
