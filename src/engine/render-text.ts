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
