import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ManifestScanner } from '../../src/cli/manifest-scanner';
import { exitCodeOf, scan } from '../../src/cli/scan';
import { isUnderstood } from '../../src/cli/understood';
import { decodeManifests } from '../../src/decode/decode-manifests';
import { FailOn } from '../../src/engine/fail-on';
import { GuardrailReport } from '../../src/engine/report';
import { Severity } from '../../src/engine/severity';

const ROOT = path.join(__dirname, '..', '..');
const FIXTURES = 'test/cli/fixtures';
const scanHere = (paths: string[], options = {}) => scan(paths, { cwd: ROOT, ...options });

function tempDir(files: { [name: string]: string | Buffer }): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scan-test-'));
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

const POD = (name: string, extra = '') => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  namespace: shop
spec:
  containers:
    - name: main
      image: busybox
      securityContext:
        privileged: true${extra}
`;

describe('scan: reading inputs', () => {
  test('reads a directory recursively, in sorted order, keeping only .yaml, .yml and .json files', () => {
    const result = scanHere([`${FIXTURES}/corpus`]);
    const files = [...new Set(result.report.findings.map(f => f.file))];
    expect(files).toEqual([...files].sort());
    expect(files).toContain('test/cli/fixtures/corpus/nested/pod.json');
    expect(files).toContain('test/cli/fixtures/corpus/nested/deeper/secret.yml');
    expect(files.some(f => f!.endsWith('README.txt'))).toBe(false);
    expect(result.problems).toEqual([]);
  });

  test('reports file paths relative to the working directory, as given', () => {
    const result = scanHere([`./${FIXTURES}/corpus/nested/../cronjob.yaml`]);
    expect(new Set(result.report.findings.map(f => f.file))).toEqual(new Set(['test/cli/fixtures/corpus/cronjob.yaml']));
  });

  test('understands multi-document YAML, List objects and every workload kind', () => {
    const result = scanHere([`${FIXTURES}/corpus/multi-doc.yaml`, `${FIXTURES}/corpus/list.yaml`, `${FIXTURES}/corpus/cronjob.yaml`]);
    // multi-doc: Pod + Service (a values document, a string and a list are skipped); list: DaemonSet + StatefulSet;
    // cronjob: CronJob, Job, ReplicationController, ReplicaSet.
    expect(result.report.summary.objects).toBe(8);
    expect(result.report.skipped).toBe(3);
    const kinds = new Set(result.report.findings.map(f => f.resource.kind));
    for (const kind of ['Pod', 'DaemonSet', 'StatefulSet', 'CronJob', 'Job', 'ReplicationController', 'ReplicaSet']) {
      expect(kinds).toContain(kind);
    }
  });

  test('passes over CRDs and custom resources and counts them', () => {
    const result = scanHere([`${FIXTURES}/corpus/crd.yaml`]);
    expect(result.report.summary.objects).toBe(0);
    expect(result.report.skipped).toBe(2);
    expect(result.report.findings).toEqual([]);
  });

  test('reads standard input for -', () => {
    const result = scanHere(['-'], { stdin: POD('from-stdin') });
    expect(result.report.summary.objects).toBe(1);
    expect(result.report.findings.every(f => f.file === '<stdin>')).toBe(true);
  });

  test('an empty file or a file of comments has no objects and no problem', () => {
    const dir = tempDir({ 'empty.yaml': '', 'comments.yaml': '# nothing\n---\n' });
    const result = scan([dir]);
    expect(result.problems).toEqual([]);
    expect(result.report.summary.objects).toBe(0);
    expect(result.report.skipped).toBe(0);
  });
});

describe('scan: lines of findings', () => {
  test('a finding carries the line of the offending field, or of its closest ancestor that exists', () => {
    const [value] = decodeManifests(POD('lines'), 'pod.yaml').objects;
    expect(value.line).toBe(1);
    expect(value.locator!.lineOf('spec.containers[0].securityContext.privileged')).toBe(11);
    expect(value.locator!.lineOf('spec.containers[0].securityContext.runAsNonRoot')).toBe(10);
    expect(value.locator!.lineOf('spec.containers[0]')).toBe(8);
    expect(value.locator!.lineOf('spec.containers[3].image')).toBe(7);
    expect(value.locator!.lineOf('spec.securityContext')).toBe(6);
    expect(value.locator!.lineOf('not a [path')).toBe(1);
    const outcome = new ManifestScanner().scanText(POD('lines'), 'pod.yaml');
    const privileged = outcome.report.findings.find(f => f.path === 'spec.containers[0].securityContext.privileged');
    expect(privileged).toMatchObject({ file: 'pod.yaml', line: 11 });
  });

  test('the object line of the second document counts the lines of the first', () => {
    const text = `${POD('one')}---\n${POD('two')}`;
    const outcome = new ManifestScanner().scanText(text);
    const second = outcome.report.findings.find(f => f.resource.name === 'two' && f.path?.endsWith('privileged'));
    expect(second?.line).toBe(text.split('\n').findIndex((l, i) => i > 12 && l.includes('privileged: true')) + 1);
  });

  test('items of a List point into the list', () => {
    const parsed = decodeManifests(fs.readFileSync(path.join(ROOT, FIXTURES, 'corpus/list.yaml'), 'utf8'), 'list.yaml').objects;
    expect(parsed.map(p => (p.value as any).kind)).toEqual(['DaemonSet', 'StatefulSet']);
    expect(parsed[0].line).toBe(7);
    expect(parsed[0].locator!.lineOf('spec.template.spec.hostPID')).toBe(19);
    expect(parsed[1].locator!.lineOf('spec.template.spec.containers[0].image')).toBe(41);
  });

  test('keys with dots and merge keys are located', () => {
    const text = [
      'apiVersion: v1',
      'kind: Pod',
      'defaults: &d',
      '  privileged: true',
      'metadata:',
      '  annotations:',
      '    example.com/owner: team',
      'spec:',
      '  securityContext:',
      '    <<: *d',
      '',
    ].join('\n');
    const [value] = decodeManifests(text, 'x.yaml').objects;
    expect(value.locator!.lineOf('metadata.annotations.example.com/owner')).toBe(7);
    expect(value.locator!.lineOf('metadata.annotations["example.com/owner"]')).toBe(7);
    expect(value.locator!.lineOf('spec.securityContext.privileged')).toBe(4);
    expect(value.locator!.lineOf('spec.missing.deeper')).toBe(8);
  });

  test('YAML 1.1 values resolve as kubectl reads them: yes is true, 0644 is octal, dates stay strings', () => {
    const [value] = decodeManifests('apiVersion: v1\nkind: ConfigMap\na: yes\nb: 0644\nc: 2027-03-31\nd: on\ne: 0o17620\nf: 0X1F90\n', 'x.yaml').objects;
    expect(value.value).toEqual({ apiVersion: 'v1', kind: 'ConfigMap', a: true, b: 420, c: '2027-03-31', d: true, e: 8080, f: 8080 });
  });
});

describe('scan: suppressions', () => {
  test('honours cdk8s-hardened.io/suppress.<ruleId> annotations and reports unused ones', () => {
    const result = scanHere([`${FIXTURES}/corpus/suppressed.yaml`]);
    const suppressed = result.report.findings.filter(f => f.suppressed);
    expect(suppressed.length).toBe(result.report.summary.suppressed);
    for (const f of suppressed) expect(f.suppression?.reason).toBe('node debugging pod, approved in OPS-123');
    expect(result.report.unusedSuppressions.map(u => u.ruleId)).toContain('no-such-rule');
  });
});

describe('scan: bad input is reported with its file and line, never a crash', () => {
  const problemOf = (file: string) => {
    const result = scanHere([`${FIXTURES}/bad/${file}`]);
    expect(result.problems).toHaveLength(1);
    expect(exitCodeOf(result)).toBe(2);
    return result.problems[0];
  };

  test('malformed YAML names the line and column', () => {
    expect(problemOf('malformed.yaml')).toMatchObject({ file: 'test/cli/fixtures/bad/malformed.yaml', line: 6, message: expect.stringMatching(/^malformed YAML: did not find expected ',' or ']'/) });
  });

  test('duplicate keys are refused: kubectl and the scanner could read different values', () => {
    expect(problemOf('duplicate-key.yaml')).toMatchObject({ line: 5, message: expect.stringContaining('appears twice in one mapping') });
  });

  test('an alias bomb is refused without expanding it', () => {
    const started = Date.now();
    expect(problemOf('alias-bomb.yaml').message).toMatch(/alias/);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  test('a binary file is refused with the line of its first NUL byte', () => {
    expect(problemOf('binary.yaml')).toMatchObject({ line: 6, message: expect.stringContaining('binary') });
  });

  test('a non-UTF-8 file is refused with the line of the first invalid byte', () => {
    expect(problemOf('latin1.yaml')).toMatchObject({ line: 7, message: expect.stringContaining('not valid UTF-8') });
  });

  test('a UTF-16 file is refused as such', () => {
    const dir = tempDir({ 'utf16.yaml': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a: 1\n', 'utf16le')]) });
    expect(scan([dir]).problems[0].message).toContain('UTF-16LE');
  });

  test('deep nesting is refused, however deep', () => {
    expect(problemOf('deep-nesting.yaml').message).toContain('nests deeper');
    for (const depth of [129, 5000, 100000]) {
      const flow = `x: ${'['.repeat(depth)}${']'.repeat(depth)}\n`;
      const result = scan(['-'], { stdin: flow });
      expect(result.problems[0]?.message).toContain('nests deeper');
    }
    const block = Array.from({ length: 200 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + ' 1\n';
    expect(scan(['-'], { stdin: block }).problems[0]?.message).toContain('nests deeper');
  });

  test('a file larger than the limit is refused before it is parsed', () => {
    const dir = tempDir({ 'big.yaml': POD('big') });
    expect(scan([dir], { maxFileBytes: 10 }).problems[0].message).toMatch(/larger than/);
    expect(scan(['-'], { stdin: POD('big'), maxFileBytes: 10 }).problems[0].message).toMatch(/larger than/);
  });

  test('a missing path is a problem, not an exception', () => {
    expect(scanHere(['no/such/file.yaml']).problems).toEqual([{ file: 'no/such/file.yaml', message: 'the path does not exist' }]);
  });

  test('one bad file does not hide the findings of the others', () => {
    const result = scanHere([FIXTURES]);
    expect(result.problems.map(p => path.basename(p.file)).sort()).toEqual(
      ['alias-bomb.yaml', 'binary.yaml', 'deep-nesting.yaml', 'duplicate-key.yaml', 'latin1.yaml', 'malformed.yaml']);
    expect(result.report.summary.objects).toBeGreaterThan(10);
    expect(exitCodeOf(result, FailOn.NEVER)).toBe(2);
  });

  test('bad options throw a clear error', () => {
    expect(() => scan([], { packs: ['nope'] })).toThrow(/Unknown rule pack "nope"/);
    expect(() => scan([], { kubernetesVersion: 'latest' })).toThrow(/Kubernetes version "latest" is invalid/);
    expect(() => scan([], { kubernetesVersion: '1.99' })).toThrow(/Kubernetes version "1.99" is newer than the rule packs know: they know 1.0 to 1.\d+/);
  });
});

describe('scan: exit codes', () => {
  const report = (findings: Array<{ severity: string; suppressed?: boolean }>) => ({
    problems: [],
    report: new GuardrailReport({
      objects: 1,
      rules: [],
      findings: findings.map(f => ({ ruleId: 'r', severity: f.severity as Severity, message: 'm', resource: { apiVersion: 'v1', kind: 'Pod', name: 'p' }, remediation: 'x', equivalents: {}, suppressed: !!f.suppressed })),
    }),
  });

  test('0 when nothing is at or above --fail-on, 1 otherwise', () => {
    expect(exitCodeOf(report([]))).toBe(0);
    expect(exitCodeOf(report([{ severity: 'warning' }]))).toBe(0);
    expect(exitCodeOf(report([{ severity: 'warning' }]), FailOn.WARNING)).toBe(1);
    expect(exitCodeOf(report([{ severity: 'error' }]))).toBe(1);
    expect(exitCodeOf(report([{ severity: 'error', suppressed: true }]))).toBe(0);
    expect(exitCodeOf(report([{ severity: 'error' }]), FailOn.NEVER)).toBe(0);
    expect(exitCodeOf(report([{ severity: 'info' }]), FailOn.WARNING)).toBe(0);
  });
});

describe('understood objects', () => {
  test.each([
    [{ apiVersion: 'v1', kind: 'Pod', metadata: {} }, true],
    [{ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: {} }, true],
    [{ apiVersion: 'external-secrets.io/v1', kind: 'ExternalSecret', metadata: {} }, true],
    [{ apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', metadata: {} }, false],
    [{ apiVersion: 'example.com/v1', kind: 'Widget', metadata: {} }, false],
    [{ apiVersion: 'v1', kind: 'Pod' }, false],
    [{ kind: 'Pod', metadata: {} }, false],
    [{ apiVersion: 'v1', kind: 7, metadata: {} }, false],
    ['a string', false],
    [['a', 'list'], false],
  ])('%j understood: %s', (value, expected) => {
    expect(isUnderstood(value)).toBe(expected);
  });
});
