import type { GuardrailReport } from './report';

/** Renders a report for a terminal: findings grouped by object in evaluation order, then a summary line. */
export function renderText(report: GuardrailReport): string {
  const lines: string[] = [];
  const groups = new Map<string, typeof report.findings>();
  for (const f of report.findings) {
    const r = f.resource;
    const where = f.file ? `${f.file}${f.line ? `:${f.line}` : ''} ` : (f.constructPath ? `${f.constructPath} ` : '');
    const key = `${r.kind} ${r.namespace ? `${r.namespace}/` : ''}${r.name}  (${where.trim() || 'rendered'})`;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key)!.push(f);
  }
  for (const [key, findings] of groups) {
    lines.push(key);
    for (const f of findings) {
      const tag = f.suppressed ? 'suppressed' : f.severity;
      // The object is the group header already; drop its name from the message.
      const text = f.message.includes(': ') ? f.message.slice(f.message.indexOf(': ') + 2) : f.message;
      lines.push(`  ${tag.padEnd(10)} ${f.ruleId}  ${text}`);
      if (f.path) lines.push(`             field: ${f.path}`);
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
  lines.push(`${s.objects} objects checked by ${report.rules.length} rules: ${s.errors} errors, ${s.warnings} warnings, ${s.infos} infos, ${s.suppressed} suppressed${report.skipped ? `, ${report.skipped} skipped` : ''}`);
  return lines.join('\n') + '\n';
}
