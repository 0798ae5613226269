import { ManifestObject, Packs } from '../../src';
import { configMapEntries } from '../../src/rules/secrets/private/config-map';
import { runPacks } from '../helpers/rule-harness';
import { SAMPLES } from './fixtures/secrets';
import { hardenedDeployment } from './fixtures/workload';

// Every secret-looking value the secrets rules see, in env vars, Secrets and ConfigMaps.
const values: string[] = Object.values(SAMPLES);

const manifests = [
  hardenedDeployment({
    env: [
      { name: 'DB_PASSWORD', value: SAMPLES.password },
      ...Object.entries(SAMPLES).map(([name, value]) => ({ name: `V_${name.toUpperCase()}`, value })),
    ],
  }),
  { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'db', namespace: 'fixtures' }, stringData: { ...SAMPLES } },
  {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'settings', namespace: 'fixtures' },
    data: { ...SAMPLES, 'app.properties': `db.password=${SAMPLES.password}\nkey=${SAMPLES.awsKeyId}\n` },
  },
];

describe('secrets pack: messages never include a secret value', () => {
  const report = runPacks([Packs.secrets()], manifests);

  test('the manifests do produce findings from every secrets rule', () => {
    const ids = new Set(report.findings.map(f => f.ruleId));
    expect([...ids].sort()).toEqual(Packs.secrets().rules.map(r => r.id).sort());
  });

  test.each(values.map(v => [v.slice(0, 12), v]))('no finding, in any output format, contains the value starting %j', (_label, value) => {
    const outputs = [JSON.stringify(report.toJson()), report.toText(), JSON.stringify(report.toSarif())];
    for (const output of outputs) {
      // The whole value, and any long piece of it (a line of a key block, the password inside a URL).
      for (const piece of [value, ...value.split(/[\s:@/.=-]+/).filter(p => p.length >= 8 && !/^(BEGIN|PRIVATE|CERTIFICATE|postgres|internal)$/.test(p))]) {
        expect(output).not.toContain(piece);
      }
    }
  });

  test('a ConfigMap finding names the key, not the value', () => {
    const entries = configMapEntries(ManifestObject.fromJson(manifests[2]));
    expect(entries.length).toBeGreaterThan(0);
    const messages = report.findings.filter(f => f.resource.kind === 'ConfigMap').map(f => f.message);
    expect(messages.some(m => m.includes('"app.properties"'))).toBe(true);
  });
});
