import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import Ajv from 'ajv';
import { Evaluator, ManifestObject, Severity } from '../../src';
import { readPackageInfo } from '../../src/private/package-info';
import { sarifValidator } from '../helpers/sarif-schema';
import { BAD_LABEL_ERROR, BAD_LABEL_WARNING, testPack, testRule, BadLabelCheck } from '../helpers/test-rules';

const schema = JSON.parse(fs.readFileSync(path.join(__dirname, '../../schemas/guardrails-report.schema.json'), 'utf-8'));

function sampleReport() {
  const info = testRule('test-bad-label-info', Severity.INFO, new BadLabelCheck());
  const evaluator = new Evaluator({ packs: [testPack(BAD_LABEL_ERROR, BAD_LABEL_WARNING, info)], today: '2026-06-01' });
  return evaluator.evaluate([
    ManifestObject.fromJson({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'shop', labels: { bad: 'true' } } },
      { file: 'manifests/web.yaml', line: 3, locator: { lineOf: (p: string) => (p === 'metadata.labels.bad' ? 7 : undefined) } }),
    ManifestObject.fromJson({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: {
        name: 'legacy',
        labels: { bad: 'true' },
        annotations: {
          'cdk8s-hardened.io/suppress.test-bad-label': 'accepted until the migration, OPS-42',
          'cdk8s-hardened.io/suppress-expires.test-bad-label': '2026-12-31',
          'cdk8s-hardened.io/suppress.test-unused': 'no longer needed but left behind',
        },
      },
    }, { constructPath: 'legacy/cm' }),
    ManifestObject.fromJson({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'fine' } }),
  ]);
}

describe('GuardrailReport', () => {
  test('JSON output matches the documented schema', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(schema);
    const json = sampleReport().toJson();
    expect(validate(json) ? [] : validate.errors).toEqual([]);
  });

  test('the schema rejects a finding that breaks the contract', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(schema);
    const json = sampleReport().toJson();
    json.findings[0].severity = 'critical';
    expect(validate(json)).toBe(false);
  });

  test('JSON carries file, field line, path, equivalents and suppressions', () => {
    const json = sampleReport().toJson();
    expect(json.findings[0]).toMatchObject({
      ruleId: 'test-bad-label',
      severity: 'error',
      message: 'Deployment shop/web: sets label bad=true',
      resource: { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'shop', name: 'web' },
      file: 'manifests/web.yaml',
      line: 7,
      path: 'metadata.labels.bad',
      equivalents: { checkov: 'CKV_TEST_1' },
      suppressed: false,
    });
    expect(json.findings[3]).toMatchObject({
      ruleId: 'test-bad-label',
      constructPath: 'legacy/cm',
      suppressed: true,
      suppression: { reason: 'accepted until the migration, OPS-42', origin: 'annotation on ConfigMap legacy', expires: '2026-12-31' },
    });
    expect(json.summary).toEqual({ objects: 3, errors: 1, warnings: 2, infos: 2, suppressed: 1, skipped: 0 });
    expect(json.unusedSuppressions).toEqual([{ ruleId: 'test-unused', reason: 'no longer needed but left behind', origin: 'annotation on ConfigMap legacy' }]);
  });

  test('text output groups findings by object in a stable order', () => {
    expect(sampleReport().toText()).toMatchSnapshot();
  });

  test('SARIF output has the rules with help text and one result per finding', () => {
    const sarif = sampleReport().toSarif();
    expect(sarif.version).toBe('2.1.0');
    const run = sarif.runs[0];
    expect(run.tool.driver.rules.map((r: any) => r.id)).toEqual(['test-bad-label', 'test-bad-label-warning', 'test-bad-label-info']);
    expect(run.tool.driver.rules[0].help.text).toBe('Remove the label that triggers it.');
    expect(run.results).toHaveLength(6);
    expect(run.results[0].locations[0].physicalLocation).toEqual({ artifactLocation: { uri: 'manifests/web.yaml' }, region: { startLine: 7 } });
    expect(run.results[2].level).toBe('note');
    expect(run.results[3].suppressions).toEqual([{ kind: 'inSource', justification: 'accepted until the migration, OPS-42', status: 'accepted' }]);
  });

  test('SARIF names the tool: its version and information URI come from package.json', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8'));
    const driver = sampleReport().toSarif().runs[0].tool.driver;
    expect(driver.version).toBe(pkg.version);
    expect(driver.informationUri).toBe(pkg.homepage);
    expect(driver.rules[0].helpUri).toBe(`${pkg.homepage}/blob/main/RULES.md#test-bad-label`);
  });

  test('the information URI falls back to the repository URL, as a web address', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'package-info-'));
    const write = (json: unknown) => {
      const file = path.join(dir, 'package.json');
      fs.writeFileSync(file, JSON.stringify(json));
      return readPackageInfo(file);
    };
    expect(write({ version: '1.2.3', repository: { type: 'git', url: 'git+https://github.com/o/r.git' } })).toEqual({ version: '1.2.3', informationUri: 'https://github.com/o/r' });
    expect(write({ version: '1.2.3', repository: 'https://example.com/r', homepage: 'https://example.com/home' })).toEqual({ version: '1.2.3', informationUri: 'https://example.com/home' });
    expect(write({ version: '1.2.3', repository: 'github:o/r' })).toEqual({ version: '1.2.3' });
    expect(readPackageInfo(path.join(dir, 'missing.json'))).toEqual({ version: 'unknown' });
  });

  test('SARIF output validates against the SARIF 2.1.0 schema', () => {
    const validate = sarifValidator();
    const log = sampleReport().toSarif();
    expect(validate(log)).toEqual([]);
    log.runs[0].results[0].level = 'critical';
    expect(validate(log)).not.toEqual([]);
  });

  test('reports are deterministic', () => {
    expect(JSON.stringify(sampleReport().toJson())).toEqual(JSON.stringify(sampleReport().toJson()));
  });
});
