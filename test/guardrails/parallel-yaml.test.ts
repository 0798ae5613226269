import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ApiObject, App, Chart, Lazy, Yaml } from 'cdk8s';
import { FailOn, Guardrails, Packs } from '../../src';
import { StringifyHelper } from '../../src/guardrails/private/stringify-helper';
import { startWritingYaml } from '../../src/guardrails/private/write-yaml';

// With the guardrails on, `app.synth()` writes part of the YAML in a second thread. What it writes must be, byte for
// byte, what cdk8s alone writes, and the checks must judge it as written.

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'guardrails-parallel-'));
}

/** Values a YAML emitter may write several ways, or that read back as something else when written plain. */
const AWKWARD = ['yes', '0x10', '1e3', '', ' padded ', 'two\nlines', 'café', '- item', 'key: value', '#comment', '~', '12:30'];

/** Charts of 1, 2 and 240 documents; every third ConfigMap holds values the helper is never sent. */
function build(outdir: string): App {
  const app = new App({ outdir });
  [1, 2, 240].forEach((count, c) => {
    const chart = new Chart(app, `chart${c}`, { namespace: `team${c}` });
    for (let i = 0; i < count; i++) {
      const data: { [key: string]: string } = { plain: `value-${i}`, image: `registry.example.com/web:1.${i % 10}.0` };
      if (i % 3 === 0) data.awkward = AWKWARD[i % AWKWARD.length];
      new ApiObject(chart, `config${i}`, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `config-${i}`, labels: { index: `n${i}` } }, data });
    }
    // Last in its file, so in the half the helper writes.
    new ApiObject(chart, 'root-pod', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: `root-pod-${c}` },
      spec: { containers: [{ name: 'app', image: 'registry.example.com/app:1.0.0', securityContext: { privileged: true } }] },
    });
  });
  return app;
}

function files(dir: string): Map<string, string> {
  return new Map(fs.readdirSync(dir).filter(f => f.endsWith('.yaml')).sort().map(f => [f, fs.readFileSync(path.join(dir, f), 'utf-8')]));
}

describe('app.synth() with the guardrails writes YAML in two threads', () => {
  test('every file is byte for byte what cdk8s writes alone, and the helper wrote part of it', () => {
    const plain = build(tempDir());
    plain.synth();

    const checked = build(tempDir());
    const guardrails = Guardrails.enable(checked, { packs: [Packs.pssBaseline()], quiet: true, failOn: FailOn.NEVER });
    expect(StringifyHelper.waitUntilReady(30_000)).toBe(true);
    const before = StringifyHelper.documentsWritten;
    checked.synth();
    const written = StringifyHelper.documentsWritten - before;

    expect([...files(checked.outdir).keys()]).toEqual([...files(plain.outdir).keys()]);
    for (const [name, text] of files(plain.outdir)) expect(files(checked.outdir).get(name)).toBe(text);
    // The second half of each file's documents, less every third ConfigMap (awkward values): about 84 of 247.
    expect(written).toBeGreaterThan(60);
    expect(written).toBeLessThan(124);

    // The pods the helper wrote are judged, and traced back to their constructs.
    const privileged = guardrails.lastReport!.findings.filter(f => f.ruleId === 'pss-privileged');
    expect(privileged.map(f => f.constructPath).sort()).toEqual(['chart0/root-pod', 'chart1/root-pod', 'chart2/root-pod']);
  });

  test('the helper writes every document of the charts rendered before the last, and half of the last one', () => {
    const make = (outdir: string) => {
      const app = new App({ outdir });
      for (let c = 0; c < 3; c++) {
        const chart = new Chart(app, `chart${c}`);
        for (let i = 0; i < 4; i++) new ApiObject(chart, `config${i}`, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `config-${i}` }, data: { index: `n${i}` } });
      }
      return app;
    };
    const plain = make(tempDir());
    plain.synth();
    const checked = make(tempDir());
    Guardrails.enable(checked, { packs: [Packs.pssBaseline()], quiet: true, failOn: FailOn.NEVER });
    expect(StringifyHelper.waitUntilReady(30_000)).toBe(true);
    const before = StringifyHelper.documentsWritten;
    checked.synth();
    // This thread renders the next chart meanwhile; the text of the last is needed next, so the two share it.
    expect(StringifyHelper.documentsWritten - before).toBe(4 + 4 + 2);
    for (const [name, text] of files(plain.outdir)) expect(files(checked.outdir).get(name)).toBe(text);
  });

  test('with Yaml.stringify replaced, every document is written by the replacement, in this thread', () => {
    const original = Yaml.stringify;
    Yaml.stringify = (...docs: any[]) => `# replaced\n${original(...docs)}`;
    try {
      const app = build(tempDir());
      Guardrails.enable(app, { packs: [Packs.pssBaseline()], quiet: true, failOn: FailOn.NEVER });
      expect(StringifyHelper.waitUntilReady(30_000)).toBe(true);
      const before = StringifyHelper.documentsWritten;
      app.synth();
      expect(StringifyHelper.documentsWritten).toBe(before);
      for (const text of files(app.outdir).values()) expect(text.startsWith('# replaced\n')).toBe(true);
    } finally {
      Yaml.stringify = original;
    }
  });
});

describe('a synthesis that fails', () => {
  test('leaves nothing behind in the helper: texts it never took are dropped by the next synthesis', () => {
    // The first chart is written (half of it by the helper); rendering the second one throws, so the synthesis ends
    // before it takes the first one's texts.
    const failing = new App({ outdir: tempDir() });
    const written = new Chart(failing, 'a-written');
    for (let i = 0; i < 40; i++) new ApiObject(written, `config${i}`, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `config-${i}` } });
    const broken = new Chart(failing, 'b-broken');
    new ApiObject(broken, 'late', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'late' }, data: Lazy.any({ produce: () => { throw new Error('no data yet'); } }) });
    Guardrails.enable(failing, { packs: [Packs.pssBaseline()], quiet: true });
    expect(StringifyHelper.waitUntilReady(30_000)).toBe(true);
    const before = StringifyHelper.documentsWritten;
    expect(() => failing.synth()).toThrow(/no data yet/);
    expect(StringifyHelper.documentsWritten).toBe(before);

    const passing = new App({ outdir: tempDir() });
    const chart = new Chart(passing, 'clean');
    for (let i = 0; i < 20; i++) new ApiObject(chart, `config${i}`, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `config-${i}` } });
    Guardrails.enable(passing, { packs: [Packs.pssBaseline()], quiet: true });
    passing.synth();
    expect(StringifyHelper.documentsWritten).toBe(before + 10);
    expect(StringifyHelper._answersHeld).toBe(0);
  });
});

describe('a helper thread that stops', () => {
  test('leaves the documents it was sent to this thread: the text is the same, and the next synthesis starts a new helper', async () => {
    StringifyHelper.prestart();
    expect(StringifyHelper.waitUntilReady(30_000)).toBe(true);
    const docs = Array.from({ length: 400 }, (_, i) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `config-${i}` }, data: { key: `value-${i}` } }));
    const before = StringifyHelper.documentsWritten;
    // The thread is gone before it answers, and this thread has not heard of it: it waits, then writes them itself.
    StringifyHelper._stopUnannounced();
    const writing = startWritingYaml(docs);
    expect(writing.text()).toBe(Yaml.stringify(...docs));
    expect(StringifyHelper.documentsWritten).toBe(before);
    await new Promise(resolve => setTimeout(resolve, 200));
    expect(StringifyHelper.ready()).toBeUndefined();

    StringifyHelper.prestart();
    expect(StringifyHelper.waitUntilReady(30_000)).toBe(true);
    expect(startWritingYaml(docs).text()).toBe(Yaml.stringify(...docs));
    // A new helper, with its own count: the second half of the 400.
    expect(StringifyHelper.documentsWritten).toBe(200);
  }, 60_000);
});
