import type * as sarif from 'sarif';
import type { GuardrailReport } from './report';
import { Severity } from './severity';
import { packageInfo } from '../private/package-info';

/** Renders a report as a SARIF 2.1.0 log: one run, every rule with its help text, one result per finding. */
export function renderSarif(report: GuardrailReport): sarif.Log {
  const { version, informationUri } = packageInfo();
  const ruleIndex = new Map(report.rules.map((r, i) => [r.id, i]));
  const rules: sarif.ReportingDescriptor[] = report.rules.map(r => ({
    id: r.id,
    name: r.id,
    shortDescription: { text: r.summary },
    fullDescription: { text: r.explanation },
    help: { text: r.remediation, markdown: `**Fix:** ${r.remediation}` },
    ...(informationUri ? { helpUri: `${informationUri}/blob/main/RULES.md#${r.id}` } : {}),
    defaultConfiguration: { level: level(r.severity) },
    properties: {
      tags: ['security', 'kubernetes'],
      equivalents: r.equivalents,
      fields: r.fields,
    },
  }));
  const results: sarif.Result[] = report.findings.map(f => {
    const result: sarif.Result = {
      ruleId: f.ruleId,
      level: level(f.severity),
      message: { text: `${f.message}. Fix: ${f.remediation}` },
      locations: [{
        ...(f.file ? {
          physicalLocation: {
            artifactLocation: { uri: toUri(f.file) },
            ...(f.line ? { region: { startLine: f.line } } : {}),
          },
        } : {}),
        logicalLocations: [{
          fullyQualifiedName: `${f.resource.kind}/${f.resource.namespace ? `${f.resource.namespace}/` : ''}${f.resource.name}${f.path ? `#${f.path}` : ''}`,
          kind: 'resource',
          ...(f.constructPath ? { decoratedName: f.constructPath } : {}),
        }],
      }],
      partialFingerprints: {
        resource: `${f.resource.kind}/${f.resource.namespace ?? ''}/${f.resource.name}/${f.ruleId}/${f.path ?? ''}`,
      },
    };
    if (f.overriddenFrom !== undefined) result.properties = { overriddenFrom: f.overriddenFrom };
    const index = ruleIndex.get(f.ruleId);
    if (index !== undefined) result.ruleIndex = index;
    if (f.suppressed && f.suppression) {
      result.suppressions = [{ kind: f.suppression.origin.startsWith('annotation') ? 'inSource' : 'external', justification: f.suppression.reason, status: 'accepted' }];
    }
    return result;
  });
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'cdk8s-hardened', version, ...(informationUri ? { informationUri } : {}), rules } },
      results,
      properties: {
        objects: report.summary.objects,
        skipped: report.skipped,
        skippedByKind: report.skippedByKind(),
        severityOverrides: report.severityOverrides,
        ...(report.hardening.length ? { hardening: report.hardening } : {}),
      },
    }],
  };
}

function level(severity: Severity): sarif.Result.level {
  switch (severity) {
    case Severity.ERROR: return 'error';
    case Severity.WARNING: return 'warning';
    default: return 'note';
  }
}

function toUri(file: string): string {
  return file.split(/[\\/]/).map(encodeURIComponent).join('/');
}
