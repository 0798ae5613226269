/**
 * Property: whatever it is given, the scanner returns a result (findings and input problems) and never throws or
 * hangs. Inputs are random text, random JSON-like values rendered as YAML, and mutations of the conformance
 * corpus's real manifests (values replaced by random ones, keys deleted, types swapped, documents duplicated).
 */
import * as fs from 'fs';
import * as path from 'path';
import * as fc from 'fast-check';
import { parseAllDocuments, stringify } from 'yaml';
import { scan } from '../../src/cli/scan';

const CORPUS = path.join(__dirname, '..', '..', 'conformance', 'corpus');
const SEEDS: any[] = fs.readdirSync(CORPUS).filter(f => f.endsWith('.yaml')).sort()
  .flatMap(f => parseAllDocuments(fs.readFileSync(path.join(CORPUS, f), 'utf-8')).map(d => d.toJS()))
  .filter(v => v && typeof v === 'object');

/** Scans text given on standard input and checks that the call returns quickly with a well-formed result. */
function scanText(text: string, kubernetesVersion = '1.37'): void {
  const started = Date.now();
  const result = scan(['-'], { stdin: text, kubernetesVersion });
  const elapsed = Date.now() - started;
  expect(Array.isArray(result.report.findings)).toBe(true);
  expect(Array.isArray(result.problems)).toBe(true);
  for (const f of result.report.findings) {
    expect(typeof f.ruleId).toBe('string');
    expect(typeof f.message).toBe('string');
  }
  expect(elapsed).toBeLessThan(5_000);
}

/** All paths to values inside a JSON-like value. */
function paths(value: any, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (value && typeof value === 'object') {
    for (const k of Object.keys(value)) {
      const p = [...prefix, Array.isArray(value) ? Number(k) : k];
      out.push(p);
      paths(value[k], p, out);
    }
  }
  return out;
}

type Mutation = { kind: 'set'; at: number; value: unknown } | { kind: 'delete'; at: number } | { kind: 'wrap'; at: number } | { kind: 'null'; at: number };

function mutate(seed: any, mutations: Mutation[]): any {
  const doc = JSON.parse(JSON.stringify(seed));
  for (const m of mutations) {
    const all = paths(doc);
    if (all.length === 0) break;
    const p = all[m.at % all.length];
    let parent = doc;
    for (const k of p.slice(0, -1)) parent = parent[k];
    const last = p[p.length - 1];
    if (m.kind === 'set') parent[last] = m.value;
    else if (m.kind === 'null') parent[last] = null;
    else if (m.kind === 'wrap') parent[last] = [parent[last]];
    else if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  }
  return doc;
}

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), at: fc.nat(), value: fc.jsonValue({ maxDepth: 3 }) }),
  fc.record({ kind: fc.constant('set' as const), at: fc.nat(), value: fc.constantFrom<unknown>(true, false, 0, -1, 1e308, '', 'ALL', 'Unmasked', 'Unconfined', 'localhost/x', [], {}, 'spc_t', 65536) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('wrap' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('null' as const), at: fc.nat() }),
);

describe('scanner robustness (property-based)', () => {
  test('the corpus seeds were loaded', () => {
    expect(SEEDS.length).toBeGreaterThanOrEqual(150);
  });

  test('random text never makes scan throw', () => {
    fc.assert(fc.property(fc.oneof(fc.string({ maxLength: 300 }), fc.fullUnicodeString({ maxLength: 200 }),
      fc.array(fc.constantFrom('---\n', 'kind: Pod\n', 'apiVersion: v1\n', 'spec:\n', '  containers:\n', '  - name: c\n', '    securityContext: {privileged: true}\n', '&a [*a]\n', '*x\n', ': :\n', '\t', '- - -\n', '{', '}', '[', '"', "'", '!!binary AAAA\n', '%YAML 1.1\n', '? complex\n'), { maxLength: 40 }).map(a => a.join(''))),
    text => scanText(text)), { numRuns: 200 });
  });

  test('random JSON-like values rendered as YAML never make scan throw', () => {
    const manifestish = fc.record({
      apiVersion: fc.constantFrom('v1', 'apps/v1', 'batch/v1', 'x/y', ''),
      kind: fc.constantFrom(
        'Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job', 'CronJob', 'List',
        'Service', 'Namespace', 'NetworkPolicy', 'ConfigMap', 'Secret', 'Unknown',
      ),
      metadata: fc.oneof(
        fc.jsonValue({ maxDepth: 2 }),
        fc.record({ name: fc.string(), namespace: fc.string(), annotations: fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 1 })) }),
      ),
      spec: fc.jsonValue({ maxDepth: 4 }),
      items: fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 3 }),
      data: fc.jsonValue({ maxDepth: 2 }),
    }, { requiredKeys: ['kind'] });
    fc.assert(fc.property(fc.array(fc.oneof(manifestish, fc.jsonValue({ maxDepth: 3 })), { minLength: 1, maxLength: 4 }), values => {
      scanText(values.map(v => stringify(v)).join('---\n'));
      scanText(JSON.stringify(values[0]));
    }), { numRuns: 150 });
  });

  test('mutated corpus manifests never make scan throw, at any supported version', () => {
    fc.assert(fc.property(
      fc.nat({ max: SEEDS.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 6 }), fc.constantFrom('1.28', '1.31', '1.34', '1.35', '1.37'), fc.boolean(),
      (seed, mutations, version, asList) => {
        const doc = mutate(SEEDS[seed], mutations);
        const text = asList ? stringify({ apiVersion: 'v1', kind: 'List', items: [doc, SEEDS[(seed + 1) % SEEDS.length]] }) : stringify(doc);
        scanText(text, version);
      }), { numRuns: 300 });
  });

  test('YAML alias bombs and deep nesting end quickly', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 12; i++) bomb.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    scanText(`apiVersion: v1\nkind: ConfigMap\nmetadata: {name: bomb}\ndata:\n${bomb.map(l => `  ${l}`).join('\n')}\n`);
    scanText(`${'['.repeat(5000)}${']'.repeat(5000)}`);
    scanText(`kind: Pod\nspec: ${'{a: '.repeat(2000)}1${'}'.repeat(2000)}\n`);
  });
});
