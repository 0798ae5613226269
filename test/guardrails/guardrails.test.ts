import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ApiObject, App, Chart, Include, JsonPatch, Testing } from 'cdk8s';
import { Evaluator, FailOn, Guardrails, HardenedDeployment, HardeningCheck, IsolatedNamespace, ManifestObject, Packs, PodSecurityLevel, Severity, Suppressions } from '../../src';
import { PSA_NEWEST_MINOR } from '../../src/rules/pss/private/versions';
import { fullDiskWriter } from '../helpers/full-disk';
import { BAD_LABEL_ERROR, BAD_LABEL_WARNING, CountingCheck, ExplodingCheck, testPack, testRule } from '../helpers/test-rules';

const PACKS = [testPack(BAD_LABEL_ERROR, BAD_LABEL_WARNING)];

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'guardrails-'));
}

function configMap(scope: Chart, id: string, labels: { [k: string]: string } = {}): ApiObject {
  return new ApiObject(scope, id, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: id, labels } });
}

describe('Guardrails', () => {
  test('app.synth fails before writing any file, listing every finding with rule, construct, object, field and fix', () => {
    const outdir = tempDir();
    const app = new App({ outdir });
    Guardrails.enable(app, { packs: PACKS, quiet: true });
    const chart = new Chart(app, 'shop');
    configMap(chart, 'one', { bad: 'true' });
    configMap(chart, 'two', { bad: 'true' });
    let message = '';
    try {
      app.synth();
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/2 errors must be fixed or suppressed/);
    expect(message).toContain('test-bad-label  sets label bad=true');
    expect(message).toContain('ConfigMap one  (shop/one)');
    expect(message).toContain('ConfigMap two  (shop/two)');
    expect(message).toContain('field: metadata.labels.bad');
    expect(message).toContain('fix: Remove the label that triggers it.');
    expect(fs.readdirSync(outdir)).toEqual([]);
  });

  test('Testing.synth and synthYaml fail the same way', () => {
    const app = Testing.app();
    Guardrails.enable(app, { packs: PACKS, quiet: true });
    const chart = new Chart(app, 'c');
    configMap(chart, 'cm', { bad: 'true' });
    expect(() => Testing.synth(chart)).toThrow(/1 error must be fixed/);
    expect(() => app.synthYaml()).toThrow(/1 error must be fixed/);
  });

  test('warnings pass by default and fail in strict mode', () => {
    const rules = [testPack(BAD_LABEL_WARNING)];
    const relaxed = Testing.app();
    Guardrails.enable(relaxed, { packs: rules, quiet: true });
    configMap(new Chart(relaxed, 'c'), 'cm', { bad: 'true' });
    expect(() => relaxed.synthYaml()).not.toThrow();
    expect(Guardrails.of(relaxed)!.lastReport!.summary.warnings).toBe(1);

    const strict = Testing.app();
    Guardrails.enable(strict, { packs: rules, quiet: true, failOn: FailOn.WARNING });
    configMap(new Chart(strict, 'c'), 'cm', { bad: 'true' });
    expect(() => strict.synthYaml()).toThrow(/0 errors and 1 warning must be fixed/);
  });

  test('FailOn.NEVER reports errors without failing', () => {
    const app = Testing.app();
    Guardrails.enable(app, { packs: PACKS, quiet: true, failOn: FailOn.NEVER });
    configMap(new Chart(app, 'c'), 'cm', { bad: 'true' });
    expect(() => app.synthYaml()).not.toThrow();
    expect(Guardrails.of(app)!.lastReport!.summary.errors).toBe(1);
  });

  test('a clean app synthesizes and writes its manifests', () => {
    const outdir = tempDir();
    const app = new App({ outdir });
    Guardrails.enable(app, { packs: PACKS, quiet: true });
    configMap(new Chart(app, 'clean'), 'cm');
    app.synth();
    expect(fs.readdirSync(outdir)).toEqual(['clean.k8s.yaml']);
  });

  test('a multi-chart app is evaluated once per synthesis, with every object of the app in view', () => {
    const counting = new CountingCheck();
    const app = new App({ outdir: tempDir() });
    Guardrails.enable(app, { packs: [testPack(testRule('test-count', Severity.INFO, counting))], quiet: true });
    for (const id of ['a', 'b', 'c']) configMap(new Chart(app, id), 'cm');
    app.synth();
    // One evaluation of 3 objects, although cdk8s validated the app 4 times.
    expect(counting.seen).toEqual([3, 3, 3]);
    app.synthYaml();
    expect(counting.seen).toHaveLength(6);
  });

  test('evaluates once per synthesis also when synth is called through the prototype, as the jsii kernel does', () => {
    const counting = new CountingCheck();
    const app = new App({ outdir: tempDir() });
    Guardrails.enable(app, { packs: [testPack(testRule('test-count', Severity.INFO, counting))], quiet: true });
    for (const id of ['a', 'b']) configMap(new Chart(app, id), 'cm');
    Object.getPrototypeOf(app).synth.call(app);
    expect(counting.seen).toEqual([2, 2]);
  });

  test('checks objects brought in with Include', () => {
    const dir = tempDir();
    const file = path.join(dir, 'legacy.yaml');
    fs.writeFileSync(file, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: legacy\n  labels:\n    bad: "true"\n');
    const app = Testing.app();
    const chart = new Chart(app, 'c');
    new Include(chart, 'legacy', { url: file });
    const report = Guardrails.check(chart, { packs: PACKS });
    expect(report.unsuppressed().map(f => `${f.ruleId} ${f.constructPath}`)).toEqual(['test-bad-label c/legacy/legacy-configmap', 'test-bad-label-warning c/legacy/legacy-configmap']);
  });

  test('checks what an escape-hatch JSON patch changed', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'c');
    const cm = configMap(chart, 'cm');
    cm.addJsonPatch(JsonPatch.add('/metadata/labels', { bad: 'true' }));
    expect(Guardrails.check(chart, { packs: PACKS }).summary.errors).toBe(1);
  });

  test('a rule that throws becomes a finding for that rule and object', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'c');
    configMap(chart, 'cm', { explode: 'yes' });
    const report = Guardrails.check(chart, { packs: [testPack(testRule('test-explode', Severity.ERROR, new ExplodingCheck()))] });
    expect(report.findings.map(f => f.message)).toEqual(['ConfigMap cm: could not evaluate: boom']);
  });

  test('severity overrides change a rule for this app only', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'c');
    configMap(chart, 'cm', { bad: 'true' });
    const report = Guardrails.check(chart, { packs: [testPack(BAD_LABEL_ERROR)], severityOverrides: { 'test-bad-label': Severity.INFO } });
    expect(report.summary).toMatchObject({ errors: 0, infos: 1 });
    expect(() => Guardrails.check(chart, { packs: [testPack(BAD_LABEL_ERROR)], severityOverrides: { 'no-such-rule': Severity.INFO } }))
      .toThrow(/severityOverrides names rule "no-such-rule"/);
  });

  test('writes text, JSON and SARIF reports, the network flows and the image list, none of them YAML', () => {
    const reportDir = tempDir();
    const app = new App({ outdir: tempDir() });
    Guardrails.enable(app, { packs: PACKS, quiet: true, reportDir });
    configMap(new Chart(app, 'c'), 'cm', { bad: 'true' });
    expect(() => app.synth()).toThrow();
    expect(fs.readdirSync(reportDir).sort()).toEqual(['guardrails-report.json', 'guardrails-report.sarif', 'guardrails-report.txt', 'images.json', 'images.txt', 'network-flows.dot', 'network-flows.mmd']);
    expect(JSON.parse(fs.readFileSync(path.join(reportDir, 'guardrails-report.json'), 'utf-8')).summary.errors).toBe(1);
  });

  test('a full disk while writing the reports gives one line naming the file and the size, and no half-written report', () => {
    const reportDir = tempDir();
    const app = new App({ outdir: tempDir() });
    const guardrails = Guardrails.enable(app, { packs: PACKS, quiet: true, reportDir });
    guardrails._fileWriter = fullDiskWriter(300);
    configMap(new Chart(app, 'c'), 'cm');
    let message = '';
    try {
      app.synth();
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/^cdk8s-hardened guardrails: cannot write the [a-z ]+\([A-Za-z]+\) to .+: the disk is full \([\d.]+ (bytes|KiB) needed, [\d.]+ (bytes|KiB) written before it filled\)/);
    expect(message).not.toContain('\n');
    // Only complete files remain: whatever was written before the disk filled, and no temporary file.
    for (const name of fs.readdirSync(reportDir)) {
      expect(name).not.toMatch(/\.tmp$/);
      if (name.endsWith('.json')) expect(() => JSON.parse(fs.readFileSync(path.join(reportDir, name), 'utf8'))).not.toThrow();
    }
    expect(fs.readdirSync(reportDir)).not.toContain('guardrails-report.sarif');
  });

  test('a manifest file that is a symbolic link stays a link: the synthesized YAML goes to the file it points at', () => {
    const outdir = tempDir();
    const elsewhere = path.join(tempDir(), 'c.k8s.yaml');
    fs.writeFileSync(elsewhere, 'old\n');
    fs.symlinkSync(elsewhere, path.join(outdir, 'c.k8s.yaml'));
    const app = new App({ outdir });
    Guardrails.enable(app, { packs: PACKS, quiet: true });
    configMap(new Chart(app, 'c'), 'cm');
    app.synth();
    expect(fs.lstatSync(path.join(outdir, 'c.k8s.yaml')).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(elsewhere, 'utf8')).toContain('kind: ConfigMap');
    expect(fs.readdirSync(path.dirname(elsewhere)).filter(n => n.endsWith('.tmp'))).toEqual([]);
  });

  test('enabling twice on the same scope is refused', () => {
    const app = Testing.app();
    Guardrails.enable(app, { packs: PACKS, quiet: true });
    expect(() => Guardrails.enable(app)).toThrow(/already enabled/);
  });
});

describe('Guardrails: kubernetesVersion', () => {
  test('a version newer than the packs know is refused when the guardrails are enabled, with the known range', () => {
    expect(() => Guardrails.enable(new App({ outdir: tempDir() }), { kubernetesVersion: '1.99' })).toThrow(
      `Guardrails kubernetesVersion "1.99" is newer than the rule packs know: they know 1.0 to 1.${PSA_NEWEST_MINOR}. `
      + `Give a version in that range; for a newer cluster give 1.${PSA_NEWEST_MINOR}, or leave the version out (it defaults to 1.${PSA_NEWEST_MINOR}).`);
    expect(() => Guardrails.check(Testing.chart(), { kubernetesVersion: 'v1.99' })).toThrow(/^Guardrails kubernetesVersion "v1.99" is newer than the rule packs know/);
  });

  test('the Evaluator refuses it too, and accepts the newest version', () => {
    expect(() => new Evaluator({ packs: PACKS, kubernetesVersion: `1.${PSA_NEWEST_MINOR + 1}` })).toThrow(/is newer than the rule packs know: they know 1.0 to 1\.\d+/);
    expect(() => new Evaluator({ packs: PACKS, kubernetesVersion: `1.${PSA_NEWEST_MINOR}` })).not.toThrow();
  });
});

describe('Suppressions', () => {
  function appWithTwoCharts() {
    const app = Testing.app();
    const legacy = new Chart(app, 'legacy');
    const shop = new Chart(app, 'shop');
    configMap(legacy, 'old', { bad: 'true' });
    configMap(shop, 'new', { bad: 'true' });
    return { app, legacy, shop };
  }

  test('a suppression on a scope accepts the findings of its whole subtree, and only there', () => {
    const { app, legacy } = appWithTwoCharts();
    Suppressions.add(legacy, { ruleId: 'test-bad-label', reason: 'legacy config, migration ticket OPS-42' });
    const report = Guardrails.check(app, { packs: [testPack(BAD_LABEL_ERROR)] });
    expect(report.findings.map(f => [f.constructPath, f.suppressed])).toEqual([['legacy/old', true], ['shop/new', false]]);
    expect(report.findings[0].suppression).toEqual({ reason: 'legacy config, migration ticket OPS-42', origin: 'legacy' });
    expect(report.summary).toMatchObject({ errors: 1, suppressed: 1 });
  });

  test.each([
    ['missing', ''],
    ['short', 'because'],
    ['blank', '            '],
  ])('a %s reason is refused', (_label, reason) => {
    const { legacy } = appWithTwoCharts();
    expect(() => Suppressions.add(legacy, { ruleId: 'test-bad-label', reason }))
      .toThrow(/Suppressions.add on "legacy": .*reason of at least 10 characters/);
  });

  test('a malformed expiry date is refused', () => {
    const { legacy } = appWithTwoCharts();
    expect(() => Suppressions.add(legacy, { ruleId: 'test-bad-label', reason: 'legacy config, OPS-42', expires: '31/12/2027' }))
      .toThrow(/expires "31\/12\/2027": give a date as YYYY-MM-DD/);
  });

  test('after its expiry date the finding comes back, saying why', () => {
    const { app, legacy } = appWithTwoCharts();
    Suppressions.add(legacy, { ruleId: 'test-bad-label', reason: 'legacy config, OPS-42', expires: '2026-01-31' });
    const before = Guardrails.check(app, { packs: [testPack(BAD_LABEL_ERROR)], today: '2026-01-31', annotateSuppressions: false });
    expect(before.findings[0].suppressed).toBe(true);
    const after = Guardrails.check(app, { packs: [testPack(BAD_LABEL_ERROR)], today: '2026-02-01', annotateSuppressions: false });
    expect(after.findings[0].suppressed).toBe(false);
    expect(after.findings[0].suppressionRefused).toBe('suppression from legacy expired on 2026-01-31');
  });

  test('an unused suppression is reported', () => {
    const { app, shop } = appWithTwoCharts();
    Suppressions.add(shop, { ruleId: 'test-no-such-finding', reason: 'left over from an old migration' });
    const report = Guardrails.check(app, { packs: [testPack(BAD_LABEL_ERROR, testRule('test-no-such-finding', Severity.ERROR, new CountingCheck()))] });
    expect(report.unusedSuppressions).toEqual([{ ruleId: 'test-no-such-finding', reason: 'left over from an old migration', origin: 'shop' }]);
    expect(report.toText()).toContain('unused suppression of test-no-such-finding at shop');
  });

  test('a misspelled rule ID is refused when the guardrails evaluate, with the closest known IDs', () => {
    const { app, shop } = appWithTwoCharts();
    Suppressions.add(shop, { ruleId: 'pss-run-as-nonroot', reason: 'vendor image runs as root; OPS-123' });
    expect(() => Guardrails.check(app)).toThrow(
      `cdk8s-hardened guardrails: a suppression names a rule that the packs run here (${Packs.defaults().map(p => p.name).join(', ')}) do not have:\n`
      + '  - Suppressions.add on "shop" names rule "pss-run-as-nonroot", which no pack has: did you mean "pss-run-as-non-root"? Correct the rule ID, or remove the suppression.');
  });

  test('a misspelled rule ID fails the synthesis too, before anything is written, each misspelling listed', () => {
    const outdir = tempDir();
    const app = new App({ outdir });
    Guardrails.enable(app, { packs: PACKS, quiet: true });
    const shop = new Chart(app, 'shop');
    configMap(shop, 'one');
    Suppressions.add(shop, { ruleId: 'test-bad-lable', reason: 'legacy config, OPS-42' });
    Suppressions.add(new Chart(app, 'empty'), { ruleId: 'test-bad-label-warnign', reason: 'legacy config, OPS-42' });
    expect(() => app.synth()).toThrow(/2 suppressions name rules that the packs run here \(test-pack\) do not have:\n {2}- Suppressions.add on "shop" names rule "test-bad-lable", which no pack has: did you mean "test-bad-label"\?.*\n {2}- Suppressions.add on "empty" names rule "test-bad-label-warnign", which no pack has: did you mean "test-bad-label-warning"\?/);
    expect(fs.readdirSync(outdir)).toEqual([]);
  });

  test('a rule of a shipped pack that the guardrails do not run is refused, naming the pack', () => {
    const { app, shop } = appWithTwoCharts();
    Suppressions.add(shop, { ruleId: 'workload-image-digest', reason: 'tags are pinned by the release process' });
    expect(() => Guardrails.check(app, { packs: [Packs.pssBaseline()] })).toThrow(
      'Suppressions.add on "shop" names rule "workload-image-digest", a rule of the workload pack, which these guardrails do not run: add the pack to the packs option, or remove the suppression.');
    expect(() => Guardrails.check(app)).not.toThrow();
  });

  test('an ID far from every known rule gets no guess', () => {
    const { app, shop } = appWithTwoCharts();
    Suppressions.add(shop, { ruleId: 'totally-unrelated-thing', reason: 'copied from another project' });
    expect(() => Guardrails.check(app, { packs: PACKS })).toThrow(
      'names rule "totally-unrelated-thing", which no pack has: give the ID of a rule of the packs (RULES.md lists them), or remove the suppression.');
  });

  test('a suppression annotation with an unknown rule ID is refused, naming the object, its construct and the annotation', () => {
    const { app, shop } = appWithTwoCharts();
    new ApiObject(shop, 'annotated', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'annotated', annotations: { 'cdk8s-hardened.io/suppress.test-bad-labels': 'accepted for the migration, OPS-42' } } });
    expect(() => Guardrails.check(app, { packs: PACKS })).toThrow(
      '  - the annotation cdk8s-hardened.io/suppress.test-bad-labels on ConfigMap annotated (shop/annotated) names rule "test-bad-labels", which no pack has: '
      + 'did you mean "test-bad-label"? Correct the rule ID, or remove the suppression.');
  });

  test('annotations may name rules of shipped packs the guardrails do not run: the constructs write them for their overrides', () => {
    const chart = new Chart(Testing.app(), 'shop');
    new HardenedDeployment(chart, 'web', {
      containers: [{ image: 'ghcr.io/acme/web:1.4.2', portNumber: 8080, securityContext: { privileged: true } }],
      overrides: [{ check: HardeningCheck.PRIVILEGED, reason: 'the node agent needs the devices, OPS-7' }],
    });
    new IsolatedNamespace(chart, 'agents', { podSecurityLevel: PodSecurityLevel.PRIVILEGED, podSecurityReason: 'node agents need host access, OPS-7' });
    expect(() => Guardrails.check(chart, { packs: [Packs.workload()] })).not.toThrow();
    new ApiObject(chart, 'typo', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'typo', annotations: { 'cdk8s-hardened.io/suppress.pss-privilegd': 'the node agent needs the devices' } } });
    expect(() => Guardrails.check(chart, { packs: [Packs.workload()] })).toThrow(/cdk8s-hardened.io\/suppress.pss-privilegd on ConfigMap typo \(shop\/typo\) names rule "pss-privilegd", which no pack has: did you mean "pss-privileged"\?/);
  });

  test('annotations of Include\'d objects, which the guardrails do not trust, are not refused', () => {
    const dir = tempDir();
    const file = path.join(dir, 'vendor.yaml');
    fs.writeFileSync(file, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: vendor\n  annotations:\n    cdk8s-hardened.io/suppress.test-bad-labels: accepted by the vendor, see its docs\n');
    const app = Testing.app();
    new Include(new Chart(app, 'vendor'), 'yaml', { url: file });
    expect(Guardrails.check(app, { packs: PACKS }).summary.objects).toBe(1);
    expect(() => Guardrails.check(app, { packs: PACKS, trustIncludedSuppressions: true })).toThrow(/names rule "test-bad-labels"/);
  });

  test('errors can be made unsuppressible', () => {
    const { app, legacy } = appWithTwoCharts();
    Suppressions.add(legacy, { ruleId: 'test-bad-label', reason: 'legacy config, OPS-42' });
    Suppressions.add(legacy, { ruleId: 'test-bad-label-warning', reason: 'legacy config, OPS-42' });
    const report = Guardrails.check(app, { packs: PACKS, allowErrorSuppression: false, annotateSuppressions: false });
    const legacyFindings = report.findings.filter(f => f.constructPath === 'legacy/old');
    expect(legacyFindings.map(f => [f.ruleId, f.suppressed])).toEqual([['test-bad-label', false], ['test-bad-label-warning', true]]);
    expect(legacyFindings[0].suppressionRefused).toMatch(/error-level findings are unsuppressible/);
  });

  test('a suppression that accepted a finding is written into the manifest, so a scan of the YAML agrees', () => {
    const { app, legacy } = appWithTwoCharts();
    Suppressions.add(legacy, { ruleId: 'test-bad-label', reason: 'legacy config, OPS-42', expires: '2099-01-01' });
    Guardrails.enable(app, { packs: [testPack(BAD_LABEL_ERROR)], quiet: true });
    Suppressions.add(app.node.findChild('shop'), { ruleId: 'test-bad-label', reason: 'new config, accepted for now' });
    const [old] = Testing.synth(legacy);
    expect(old.metadata.annotations).toEqual({
      'cdk8s-hardened.io/suppress.test-bad-label': 'legacy config, OPS-42',
      'cdk8s-hardened.io/suppress-expires.test-bad-label': '2099-01-01',
    });
    const rescanned = new Evaluator({ packs: [testPack(BAD_LABEL_ERROR)] }).evaluate([ManifestObject.fromJson(old)]);
    expect(rescanned.findings.map(f => f.suppressed)).toEqual([true]);
  });

  test('a suppression annotation written by hand on a manifest is honoured', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'c');
    const cm = configMap(chart, 'cm', { bad: 'true' });
    cm.metadata.addAnnotation('cdk8s-hardened.io/suppress.test-bad-label', 'accepted by the platform team, PLAT-7');
    const report = Guardrails.check(chart, { packs: [testPack(BAD_LABEL_ERROR)] });
    expect(report.findings[0].suppression).toEqual({ reason: 'accepted by the platform team, PLAT-7', origin: 'annotation on ConfigMap cm' });
  });
});
