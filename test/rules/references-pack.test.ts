import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Evaluator, ExternalDeclarations, ExternalObjects, Guardrails, ManifestObject, Packs, RuleScope } from '../../src';
import { runCli } from '../../src/cli/cli';
import { SecretBackedEnv, SecretSource } from '../../src/constructs/secrets';
import { HardenedValidation } from '../../src/plugin';
import { memoryIo } from '../helpers/memory-io';
import { deployment } from '../helpers/rule-harness';

const IMAGE = 'ghcr.io/acme/app@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';

// A workload that reads an existing Secret and runs as an existing ServiceAccount, neither of which the app defines.
const reader = deployment({ serviceAccountName: 'ci-deployer', containers: [{ name: 'api', image: 'api:1.0', envFrom: [{ secretRef: { name: 'db-credentials' } }] }] }, { name: 'api', namespace: 'shop' });

const referenceFindings = (externalObjects?: string[], objects: any[] = [reader]) =>
  new Evaluator({ packs: [Packs.references()], externalObjects })
    .evaluate(objects.map(o => ManifestObject.fromJson(o)))
    .unsuppressed()
    .map(f => f.ruleId);

describe('references pack', () => {
  test('is a default pack, found by name, with references- rules only', () => {
    expect(Packs.names()).toContain('references');
    const pack = Packs.byName('references');
    expect(pack.rules.map(r => r.id).filter(id => !id.startsWith('references-'))).toEqual([]);
    // The rules that read one object run as it is read; the others need the whole app.
    expect(pack.rules.filter(r => r.scope === RuleScope.OBJECT).map(r => r.id).sort())
      .toEqual(['references-env-name-unique', 'references-probe-port-declared', 'references-workload-selector-matches-template']);
  });

  test('does not duplicate the network pack\'s check of NetworkPolicies that select nothing', () => {
    const ids = Packs.references().rules.map(r => r.id);
    expect(ids.filter(id => /network-policy|policy-selects/.test(id))).toEqual([]);
    expect(Packs.network().findRule('network-policy-selects-pods')).toBeDefined();
  });
});

describe('objects declared external', () => {
  test('a Secret and a ServiceAccount the app does not define are reported until they are declared', () => {
    expect(referenceFindings().sort()).toEqual(['references-secret-exists', 'references-service-account-exists']);
    expect(referenceFindings(['Secret/shop/db-credentials', 'ServiceAccount/*/ci-deployer'])).toEqual([]);
  });

  test('a declaration counts only for its kind, namespace and name', () => {
    expect(referenceFindings(['ConfigMap/shop/db-credentials', 'Secret/other/db-credentials', 'ServiceAccount/shop/deployer']).sort())
      .toEqual(['references-secret-exists', 'references-service-account-exists']);
    expect(referenceFindings(['Secret/shop/*', 'ServiceAccount/shop/*'])).toEqual([]);
  });

  test('a malformed entry is refused with the entry, the option and the form expected', () => {
    expect(() => new Evaluator({ packs: [Packs.references()], externalObjects: ['shop/db-credentials'] }))
      .toThrow('externalObjects entry "shop/db-credentials" starts with "shop", which is not a kind');
    expect(() => ExternalObjects.parse(['Secret//db'], '--external')).toThrow('--external entry "Secret//db" is not of the form Kind/namespace/name');
    expect(ExternalObjects.parse(['PersistentVolume/archive']).includes('PersistentVolume', 'archive')).toBe(true);
  });

  test('scan takes them with --external, repeated or comma-separated, and refuses a malformed one with exit 2', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'references-'));
    fs.writeFileSync(path.join(dir, 'api.json'), JSON.stringify(reader));
    const run = async (...flags: string[]) => {
      const io = memoryIo(dir);
      const code = await runCli(['scan', '--packs', 'references', '--format', 'json', '--fail-on', 'warning', ...flags, 'api.json'], io);
      return { code, io };
    };
    const bare = await run();
    expect(bare.code).toBe(1);
    expect(JSON.parse(bare.io.out.join('')).findings.map((f: any) => f.ruleId).sort()).toEqual(['references-secret-exists', 'references-service-account-exists']);
    expect((await run('--external', 'Secret/shop/db-credentials', '--external', 'ServiceAccount/shop/ci-deployer')).code).toBe(0);
    expect((await run('--external', 'Secret/shop/db-credentials,ServiceAccount/shop/ci-deployer')).code).toBe(0);
    const bad = await run('--external', 'db-credentials');
    expect(bad.code).toBe(2);
    expect(bad.io.err.join('')).toContain('--external entry "db-credentials" is not of the form Kind/namespace/name');
  });

  test('the cdk8s-cli plugin takes them as the externalObjects property, and refuses a malformed one when it is loaded', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'references-plugin-')), 'api.k8s.yaml');
    fs.writeFileSync(file, JSON.stringify(reader));
    const statusWith = async (externalObjects?: string[]) => {
      let status = '';
      const report = { addViolation: () => undefined, submit: (s: string) => { status = s; } };
      await new HardenedValidation({ packs: ['references'], failOn: 'warning', externalObjects }).validate({ manifests: [file], logger: { log: () => undefined }, report });
      return status;
    };
    expect(await statusWith()).toBe('failure');
    expect(await statusWith(['Secret/shop/db-credentials', 'ServiceAccount/shop/ci-deployer'])).toBe('success');
    expect(() => new HardenedValidation({ externalObjects: ['Secret'] })).toThrow('HardenedValidation property externalObjects entry "Secret" is not of the form');
  });

  test('the guardrails take them app-wide, and from the construct tree', () => {
    const chart = Testing.chart();
    new kplus.Deployment(chart, 'api', { containers: [{ name: 'api', image: IMAGE, portNumber: 8080, envFrom: [kplus.Env.fromSecret(kplus.Secret.fromSecretName(chart, 'Db', 'db-credentials'))] }] });
    const secretFindings = (report: { findings: Array<{ ruleId: string }> }) => report.findings.filter(f => f.ruleId === 'references-secret-exists').length;
    expect(secretFindings(Guardrails.check(chart, { packs: [Packs.references()] }))).toBe(1);
    expect(secretFindings(Guardrails.check(chart, { packs: [Packs.references()], externalObjects: ['Secret/*/db-credentials'] }))).toBe(0);
    ExternalDeclarations.add(chart, 'Secret/default/db-credentials');
    expect(secretFindings(Guardrails.check(chart, { packs: [Packs.references()] }))).toBe(0);
    expect(() => ExternalDeclarations.add(chart, 'Secret')).toThrow(/ExternalDeclarations.add on ".*" entry "Secret" is not of the form Kind\/namespace\/name/);
  });

  test('SecretBackedEnv with an existing Secret declares it, so the Secret it reads is not reported', () => {
    const chart = Testing.chart();
    const api = new kplus.Deployment(chart, 'api', { containers: [{ name: 'api', image: IMAGE, portNumber: 8080 }] });
    const env = new SecretBackedEnv(chart, 'Env', { source: SecretSource.fromSecretName('legacy-db'), variables: [{ name: 'DB_PASSWORD', key: 'password' }] });
    env.addTo(api, api.containers[0]);
    const report = Guardrails.check(chart, { packs: [Packs.references()] });
    expect(report.findings.filter(f => f.ruleId === 'references-secret-exists')).toEqual([]);
    expect(ExternalDeclarations.under(chart)).toEqual(['Secret/*/legacy-db']);
  });
});
