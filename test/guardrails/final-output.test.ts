import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ApiObject, App, AppProps, Chart, Include, JsonPatch, Lazy, Testing, YamlOutputType } from 'cdk8s';
import { Construct } from 'constructs';
import { parseAllDocuments } from 'yaml';
import { FailOn, Guardrails, GuardrailsProps, Packs, Severity, Suppressions } from '../../src';
import { CountingCheck, testPack, testRule } from '../helpers/test-rules';

// The guardrails judge what cdk8s writes or returns, as the cluster decodes it: objects created by validations,
// late Lazy values and List items included, whatever path synthesizes.

/** The documents of a YAML text, as plain objects. */
function readYaml(text: string): any[] {
  return parseAllDocuments(text, { version: '1.1' }).map(d => d.toJSON());
}

function readYamlFile(file: string): any[] {
  return readYaml(fs.readFileSync(file, 'utf-8'));
}

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'guardrails-final-'));
}

const BASELINE: GuardrailsProps = { packs: [Packs.pssBaseline()], quiet: true };

function podProps(name: string, securityContext: any = { privileged: true }) {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name },
    spec: { containers: [{ name: 'app', image: 'registry.example.com/app:1.0.0', securityContext }] },
  };
}

/** The three ways to synthesize; each returns the JSON of the written or returned objects. */
const PATHS: Array<[string, (app: App, chart: Chart) => any[]]> = [
  ['app.synth()', app => {
    app.synth();
    return fs.readdirSync(app.outdir).filter(f => f.endsWith('.yaml'))
      .flatMap(f => readYamlFile(path.join(app.outdir, f)));
  }],
  ['app.synthYaml()', app => readYaml(app.synthYaml())],
  ['Testing.synth()', (_app, chart) => Testing.synth(chart)],
];

function appWith(props: GuardrailsProps = BASELINE, appProps: AppProps = {}): { app: App; chart: Chart } {
  const app = new App({ outdir: tempDir(), ...appProps });
  Guardrails.enable(app, props);
  return { app, chart: new Chart(app, 'c') };
}

/** A construct whose validation (run by cdk8s after the root's) adds a privileged Pod, once. */
class CreatesPodWhenValidated extends Construct {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    let created = false;
    this.node.addValidation({
      validate: () => {
        if (!created) {
          created = true;
          new ApiObject(this, 'Late', podProps('late'));
        }
        return [];
      },
    });
  }
}

describe('objects created by a validation', () => {
  test.each(PATHS)('%s fails on a privileged Pod that a validation creates', (_name, synth) => {
    const { app, chart } = appWith();
    new CreatesPodWhenValidated(chart, 'creator');
    expect(() => synth(app, chart)).toThrow(/Pod late {2}\(c\/creator\/Late\)\n {2}error {6}pss-privileged/);
  });

  test.each(PATHS)('%s fails on an object a validation makes privileged with a JSON patch', (_name, synth) => {
    const { app, chart } = appWith();
    const pod = new ApiObject(chart, 'pod', podProps('patched', { privileged: false }));
    new Construct(chart, 'patcher').node.addValidation({
      validate: () => {
        if (!pod.toJson().spec.containers[0].securityContext.privileged) {
          pod.addJsonPatch(JsonPatch.replace('/spec/containers/0/securityContext/privileged', true));
        }
        return [];
      },
    });
    expect(() => synth(app, chart)).toThrow(/Pod patched {2}\(c\/pod\)\n {2}error {6}pss-privileged/);
  });

  test('a construct suppression reaches an object created by a validation, and is written into its manifest', () => {
    const { app, chart } = appWith();
    new CreatesPodWhenValidated(chart, 'creator');
    Suppressions.add(chart, { ruleId: 'pss-privileged', reason: 'node agent, accepted in SEC-12' });
    app.synth();
    const [late] = readYamlFile(path.join(app.outdir, 'c.k8s.yaml'));
    expect(late.metadata.annotations).toEqual({ 'cdk8s-hardened.io/suppress.pss-privileged': 'node agent, accepted in SEC-12' });
    expect(Guardrails.of(app)!.lastReport!.findings.map(f => [f.constructPath, f.suppressed])).toEqual([['c/creator/Late', true]]);
  });

  test('Guardrails.check runs the validations first, as synthesis does, and judges what they create', () => {
    const chart = Testing.chart();
    new CreatesPodWhenValidated(chart, 'creator');
    const report = Guardrails.check(chart, { packs: [Packs.pssBaseline()] });
    expect(report.unsuppressed().map(f => `${f.ruleId} ${f.constructPath}`)).toEqual(['pss-privileged test/creator/Late']);
  });

  test('the objects a validation creates are counted in the one evaluation of the synthesis', () => {
    const counting = new CountingCheck();
    const { app, chart } = appWith({ packs: [testPack(testRule('test-count', Severity.INFO, counting))], quiet: true });
    new ApiObject(chart, 'cm', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm' } });
    new CreatesPodWhenValidated(new Chart(app, 'd'), 'creator');
    app.synth();
    expect(counting.seen).toEqual([2, 2]);
  });
});

describe('Lazy values', () => {
  /** A Pod whose `privileged` is false on the first render and true on every later one. */
  function podPrivilegedFromSecondRender(chart: Chart): { renders: () => number } {
    let renders = 0;
    new ApiObject(chart, 'pod', podProps('flip', { privileged: Lazy.any({ produce: () => ++renders >= 2 }) }));
    return { renders: () => renders };
  }

  test('Testing.synth judges the objects it returns, not another render of them', () => {
    const { chart } = appWith();
    podPrivilegedFromSecondRender(chart);
    const [first] = Testing.synth(chart);
    expect(first.spec.containers[0].securityContext.privileged).toBe(false);
    expect(() => Testing.synth(chart)).toThrow(/Pod flip {2}\(c\/pod\)\n {2}error {6}pss-privileged/);
  });

  test.each(PATHS.slice(0, 2))('%s judges the render it writes: benign first, refused once the Lazy turns', (_name, synth) => {
    const { app, chart } = appWith();
    const { renders } = podPrivilegedFromSecondRender(chart);
    const [first] = synth(app, chart);
    expect(first.spec.containers[0].securityContext.privileged).toBe(false);
    expect(renders()).toBe(1);
    expect(() => synth(app, chart)).toThrow(/pss-privileged/);
  });
});

describe('a rendered object that reads differently each time', () => {
  /** A Pod whose toJson() returns a getter for `privileged`: one value on its first read, the other on the next. */
  class FlippingPod extends ApiObject {
    public reads = 0;
    constructor(scope: Construct, id: string, private readonly firstRead: boolean) {
      super(scope, id, podProps('flip', {}));
    }
    public toJson(): any {
      const json = super.toJson();
      const securityContext = {};
      Object.defineProperty(securityContext, 'privileged', { enumerable: true, get: () => (this.reads++ === 0 ? this.firstRead : !this.firstRead) });
      json.spec.containers[0].securityContext = securityContext;
      return json;
    }
  }

  const CASES = PATHS.slice(0, 2).flatMap(([name, synth]) => [true, false].map(firstRead => [name, firstRead, synth] as const));

  test.each(CASES)('%s judges the value it writes, read once (privileged %s on the first read)', (_name, firstRead, synth) => {
    const { app, chart } = appWith({ ...BASELINE, failOn: FailOn.NEVER });
    const pod = new FlippingPod(chart, 'pod', firstRead);
    const [written] = synth(app, chart);
    const privileged = written.spec.containers[0].securityContext.privileged;
    expect(privileged).toBe(firstRead);
    expect(Guardrails.of(app)!.lastReport!.findings.some(f => f.ruleId === 'pss-privileged')).toBe(privileged);
    expect(pod.reads).toBe(1);
  });
});

describe('kind: List', () => {
  function includeList(chart: Chart): void {
    const file = path.join(tempDir(), 'list.yaml');
    fs.writeFileSync(file, [
      'apiVersion: v1',
      'kind: List',
      'items:',
      '- apiVersion: v1',
      '  kind: ConfigMap',
      '  metadata: { name: settings }',
      '- apiVersion: v1',
      '  kind: Pod',
      '  metadata: { name: evil }',
      '  spec:',
      '    containers:',
      '    - name: app',
      '      image: registry.example.com/app:1.0.0',
      '      securityContext: { privileged: true }',
      '',
    ].join('\n'));
    new Include(chart, 'legacy', { url: file });
  }

  test.each(PATHS)('%s fails on a privileged Pod inside an included List, naming the List\'s construct', (_name, synth) => {
    const { app, chart } = appWith();
    includeList(chart);
    expect(() => synth(app, chart)).toThrow(/Pod evil {2}\(c\/legacy\/object0-list\)\n {2}error {6}pss-privileged/);
  });

  test('Guardrails.check expands the List too', () => {
    const chart = Testing.chart();
    includeList(chart);
    const report = Guardrails.check(chart, { packs: [Packs.pssBaseline()] });
    expect(report.summary.objects).toBe(2);
    expect(report.unsuppressed().map(f => `${f.ruleId} ${f.resource.kind} ${f.resource.name}`)).toEqual(['pss-privileged Pod evil']);
  });

  test('a construct suppression on a List is applied to its items but not written onto the List', () => {
    const { app, chart } = appWith();
    includeList(chart);
    Suppressions.add(chart, { ruleId: 'pss-privileged', reason: 'vendor bundle, replaced in SEC-40' });
    app.synth();
    const [list] = readYamlFile(path.join(app.outdir, 'c.k8s.yaml'));
    expect(list.kind).toBe('List');
    expect(list.metadata.annotations).toBeUndefined();
    expect(Guardrails.of(app)!.lastReport!.summary).toMatchObject({ errors: 0, suppressed: 1 });
  });
});

describe('nothing is written when synthesis fails', () => {
  test('an existing output folder keeps its files, byte for byte, and gets no new ones', () => {
    const outdir = tempDir();
    fs.writeFileSync(path.join(outdir, 'c.k8s.yaml'), 'previous output\n');
    const app = new App({ outdir });
    Guardrails.enable(app, BASELINE);
    new ApiObject(new Chart(app, 'a'), 'cm', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'fine' } });
    new ApiObject(new Chart(app, 'c'), 'pod', podProps('evil'));
    expect(() => app.synth()).toThrow(/pss-privileged/);
    expect(fs.readdirSync(outdir)).toEqual(['c.k8s.yaml']);
    expect(fs.readFileSync(path.join(outdir, 'c.k8s.yaml'), 'utf-8')).toBe('previous output\n');
  });

  test('an output folder that did not exist is not created, in any output layout', () => {
    const layouts = [
      YamlOutputType.FILE_PER_APP, YamlOutputType.FILE_PER_CHART,
      YamlOutputType.FILE_PER_RESOURCE, YamlOutputType.FOLDER_PER_CHART_FILE_PER_RESOURCE,
    ];
    for (const yamlOutputType of layouts) {
      const outdir = path.join(tempDir(), 'dist');
      const app = new App({ outdir, yamlOutputType, recordConstructMetadata: true });
      Guardrails.enable(app, BASELINE);
      new ApiObject(new Chart(app, 'c'), 'pod', podProps('evil'));
      expect(() => app.synth()).toThrow(/pss-privileged/);
      expect(fs.existsSync(outdir)).toBe(false);
    }
  });

  test('a file that cannot be written is named with the size it needed, and no temporary file is left', () => {
    const outdir = tempDir();
    fs.mkdirSync(path.join(outdir, 'c.k8s.yaml'));
    const app = new App({ outdir });
    Guardrails.enable(app, BASELINE);
    new ApiObject(new Chart(app, 'c'), 'cm', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'fine' } });
    expect(() => app.synth()).toThrow(/could not write .*c\.k8s\.yaml \(\d+ bytes needed\)/);
    expect(fs.readdirSync(outdir)).toEqual(['c.k8s.yaml']);
  });
});

describe('output of a clean app', () => {
  /** Charts with dependencies, a cdk8s-plus-like Lazy, a validation that adds a label, in every output layout. */
  function build(app: App): void {
    const base = new Chart(app, 'base', { namespace: 'shop' });
    const cm = new ApiObject(base, 'settings', { apiVersion: 'v1', kind: 'ConfigMap', data: { mode: Lazy.any({ produce: () => 'fast' }) } });
    const web = new Chart(app, 'web', { namespace: 'shop' });
    web.addDependency(base);
    const pod = new ApiObject(web, 'pod', podProps('web', { privileged: false, allowPrivilegeEscalation: false }));
    pod.addDependency(cm);
    new Construct(web, 'labeller').node.addValidation({ validate: () => { pod.metadata.addLabel('validated', 'yes'); return []; } });
  }

  function files(dir: string): { [file: string]: string } {
    const result: { [file: string]: string } = {};
    const walk = (d: string) => {
      for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
        const full = path.join(d, entry.name);
        if (entry.isDirectory()) walk(full);
        else result[path.relative(dir, full)] = fs.readFileSync(full, 'utf-8');
      }
    };
    walk(dir);
    return result;
  }

  test.each([
    ['FILE_PER_APP', YamlOutputType.FILE_PER_APP],
    ['FILE_PER_CHART', YamlOutputType.FILE_PER_CHART],
    ['FILE_PER_RESOURCE', YamlOutputType.FILE_PER_RESOURCE],
    ['FOLDER_PER_CHART_FILE_PER_RESOURCE', YamlOutputType.FOLDER_PER_CHART_FILE_PER_RESOURCE],
  ])('%s: the files are byte-identical to plain cdk8s\'s, with no temporary file left', (_name, yamlOutputType) => {
    const plain = new App({ outdir: tempDir(), yamlOutputType, recordConstructMetadata: true });
    build(plain);
    plain.synth();
    const guarded = new App({ outdir: tempDir(), yamlOutputType, recordConstructMetadata: true });
    Guardrails.enable(guarded, { ...BASELINE, failOn: FailOn.NEVER });
    build(guarded);
    guarded.synth();

    const expected = files(plain.outdir);
    expect(Object.keys(expected).length).toBeGreaterThan(1);
    expect(files(guarded.outdir)).toEqual(expected);
    expect(Object.values(expected).join('')).toContain('validated: "yes"');
  });

  test('synthYaml returns the same string as plain cdk8s', () => {
    const plain = new App({ outdir: tempDir() });
    build(plain);
    const guarded = new App({ outdir: tempDir() });
    Guardrails.enable(guarded, { ...BASELINE, failOn: FailOn.NEVER });
    build(guarded);
    expect(guarded.synthYaml()).toBe(plain.synthYaml());
  });

  test('one file per resource in a folder per chart still names the construct of each finding', () => {
    const { app, chart } = appWith(BASELINE, { yamlOutputType: YamlOutputType.FOLDER_PER_CHART_FILE_PER_RESOURCE });
    new ApiObject(chart, 'fine', podProps('fine', { privileged: false }));
    new ApiObject(chart, 'pod', podProps('evil'));
    expect(() => app.synth()).toThrow(/Pod evil {2}\(c\/pod\)/);
  });
});

describe('an app of another cdk8s copy', () => {
  test('is refused when the guardrails are enabled, since its files would be written past the check', () => {
    class OtherCopyApp extends Construct {
      constructor() {
        super(undefined as any, '');
      }
      public synth(): void {}
    }
    expect(() => Guardrails.enable(new OtherCopyApp(), BASELINE)).toThrow(/not an App of the cdk8s that cdk8s-hardened loads .*npm dedupe/);
  });
});
