/**
 * A decoded file that crosses to another thread in its portable form is the file decoded there: equal values (key
 * order and -0 included), the same documents, refusals and object lines, and the same line for every field a
 * finding can point at. Checked on every file of the kubectl decoder corpus, every manifest in the repository and
 * generated documents with anchors, aliases, merge keys and flow collections, each sent through a real
 * MessagePort.
 */
import * as fs from 'fs';
import * as path from 'path';
import { MessageChannel, receiveMessageOnPort } from 'worker_threads';
import * as fc from 'fast-check';
import { InputError } from '../../src/cli/input-error';
import { decodeManifests } from '../../src/decode/decode-manifests';
import { DecodeResult } from '../../src/decode/decoded-object';
import { FieldLines } from '../../src/decode/field-lines';
import { fromPortable, PortableDecodeResult, toPortable } from '../../src/decode/portable-decode';
import { RecordedFieldLocator } from '../../src/decode/recorded-field-locator';

/** Values equal as the rules read them: the same types, key order, array lengths and numbers (Object.is). */
function sameValue(a: unknown, b: unknown, at = '$'): string | undefined {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) {
    return Object.is(a, b) ? undefined : `${at}: ${String(a)} against ${String(b)}`;
  }
  if (Array.isArray(a) !== Array.isArray(b)) return `${at}: a sequence against a mapping`;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return `${at}: another prototype`;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.join('\u0000') !== keysB.join('\u0000')) return `${at}: keys ${keysA} against ${keysB}`;
  for (const key of keysA) {
    const wrong = sameValue((a as any)[key], (b as any)[key], `${at}.${key}`);
    if (wrong) return wrong;
  }
  return undefined;
}

/** Field paths as rules write them, for every field of a value, and a missing field under each mapping. */
function fieldPaths(value: unknown, at = '', out: string[] = []): string[] {
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      out.push(`${at}[${i}]`);
      fieldPaths(item, `${at}[${i}]`, out);
    });
    out.push(`${at}[${value.length}]`);
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, member] of Object.entries(value)) {
      const step = /[.[\]]/.test(key) ? `["${key}"]` : `${at ? '.' : ''}${key}`;
      out.push(`${at}${step}`);
      fieldPaths(member, `${at}${step}`, out);
    }
    out.push(`${at}${at ? '.' : ''}notAField`);
  }
  return out;
}

/** What differs between a file decoded here and the same file received in its portable form. */
function differences(direct: DecodeResult, received: DecodeResult): string[] {
  const wrong: string[] = [];
  if (JSON.stringify(direct.refused) !== JSON.stringify(received.refused)) wrong.push('refused documents differ');
  if (direct.objects.length !== received.objects.length) return [...wrong, `${direct.objects.length} objects against ${received.objects.length}`];
  direct.objects.forEach((object, i) => {
    const other = received.objects[i];
    const valueWrong = sameValue(object.value, other.value);
    if (valueWrong) wrong.push(`object ${i}: ${valueWrong}`);
    if (object.documentIndex !== other.documentIndex || object.line !== other.line) wrong.push(`object ${i}: document or line differs`);
    if ((object.locator === undefined) !== (other.locator === undefined)) wrong.push(`object ${i}: a locator on one side only`);
    if (!object.locator || !other.locator) return;
    for (const p of fieldPaths(object.value)) {
      const [l1, l2] = [object.locator.lineOf(p), other.locator.lineOf(p)];
      if (l1 !== l2) wrong.push(`object ${i}: ${p} at line ${l1} against ${l2}`);
    }
  });
  return wrong;
}

/** The portable form sent through a MessagePort, as the helper thread sends it. */
function sent(portable: PortableDecodeResult): PortableDecodeResult {
  const { port1, port2 } = new MessageChannel();
  try {
    port1.postMessage(portable);
    return receiveMessageOnPort(port2)!.message as PortableDecodeResult;
  } finally {
    port1.close();
  }
}

interface Tally {
  portable: number;
  /** Portable files whose lines the composer recorded (not the plain block reader). */
  composed: number;
  declined: number;
}

/** Decodes a file both ways and throws with the differences; counts the files with and without a portable form. */
function check(text: string, tally: Tally): void {
  let direct: DecodeResult;
  try {
    direct = decodeManifests(text, 'f.yaml');
  } catch (e) {
    if (e instanceof InputError) return;
    throw e;
  }
  const portable = toPortable(direct);
  if (!portable) {
    tally.declined++;
    return;
  }
  tally.portable++;
  if (direct.objects.some(o => o.locator instanceof RecordedFieldLocator && o.locator.lines instanceof FieldLines)) tally.composed++;
  const wrong = differences(direct, fromPortable(sent(portable)));
  if (wrong.length) throw new Error(`the portable form differs on:\n${text}\n${wrong.slice(0, 5).join('\n')}`);
}

function repositoryManifests(): string[] {
  const texts: string[] = [];
  const walk = (dir: string): void => {
    for (const name of fs.readdirSync(dir)) {
      const p = path.join(dir, name);
      if (name === 'node_modules') continue;
      if (fs.statSync(p).isDirectory()) walk(p);
      else if (/\.(ya?ml|json)$/.test(name) && fs.statSync(p).size < 2_000_000) texts.push(fs.readFileSync(p, 'utf-8'));
    }
  };
  for (const dir of ['examples', 'conformance/corpus', 'test/cli', 'test/fixtures']) {
    const full = path.join(__dirname, '..', '..', dir);
    if (fs.existsSync(full)) walk(full);
  }
  return texts;
}

// Documents the plain block reader leaves to the composer: anchors and aliases (of scalars and of collections),
// merge keys, flow collections and comments, in a Pod-like shape so that lists and kinds are exercised too.
const name = fc.constantFrom('web', 'api', 'a.b', 'x y', 'on', '0', '__proto__', 'example.com/team', 'k[0]');
const scalar = fc.oneof(fc.constantFrom('1', '-0', '0o17', '.5', 'yes', '~', '"q"', "'s'", '[]', '{}', 'web # note', '-0.0', '1e3'), name);
const flowMap = fc.dictionary(name, scalar, { maxKeys: 3 }).map(d => `{${Object.entries(d).map(([k, v]) => `${k}: ${v}`).join(', ')}}`);
const container = fc.record({ image: scalar, flow: fc.option(flowMap), alias: fc.boolean(), merge: fc.boolean() });
const generatedDocument = fc.record({
  labels: fc.dictionary(name, scalar, { maxKeys: 4 }),
  anchorLabels: fc.boolean(),
  containers: fc.array(container, { minLength: 1, maxLength: 3 }),
  asList: fc.boolean(),
}).map(({ labels, anchorLabels, containers, asList }) => {
  const lines = ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', `  labels: ${anchorLabels ? '&labels' : ''}`];
  for (const [k, v] of Object.entries(labels)) lines.push(`    ${k}: ${v}`);
  if (Object.keys(labels).length === 0) lines[lines.length - 1] += ' {}';
  lines.push('spec:', '  containers:');
  containers.forEach((c, i) => {
    lines.push(`  - name: c${i} &n${i}`.replace(/ &n\d+$/, ''), `    image: ${c.image}`);
    if (c.flow) lines.push(`    env: ${c.flow}`);
    if (c.alias && anchorLabels) lines.push('    resources: *labels');
    if (c.merge && anchorLabels) lines.push('    securityContext:', '      <<: *labels', '      runAsUser: 1000');
  });
  const pod = `${lines.join('\n')}\n`;
  if (!asList) return pod;
  return `apiVersion: v1\nkind: List\nitems:\n${pod.split('\n').filter(l => l).map((l, i) => (i === 0 ? `- ${l}` : `  ${l}`)).join('\n')}\n`;
});

describe('the portable form of a decoded file', () => {
  test('is the file decoded: on the kubectl decoder corpus and every manifest in the repository', () => {
    const corpus = JSON.parse(fs.readFileSync(path.join(__dirname, 'fixtures', 'oracle-corpus.json'), 'utf-8'));
    const tally: Tally = { portable: 0, composed: 0, declined: 0 };
    for (const c of corpus.cases) check(c.text, tally);
    for (const text of repositoryManifests()) check(text, tally);
    // The property must not pass by declining: most files cross, those the composer read among them.
    expect(tally.portable).toBeGreaterThan(700);
    expect(tally.composed).toBeGreaterThan(100);
  });

  test('is the file decoded: generated documents with anchors, aliases, merge keys and flow collections', () => {
    const tally: Tally = { portable: 0, composed: 0, declined: 0 };
    fc.assert(fc.property(generatedDocument, text => check(text, tally)), { numRuns: 3000, seed: 20261202 });
    // Both sides of the property are exercised: files that cross, those the composer read, those declined.
    expect(tally.portable).toBeGreaterThan(1000);
    expect(tally.composed).toBeGreaterThan(500);
    expect(tally.declined).toBeGreaterThan(100);
  });

  test('holds a list item once, inside its list, and a copy kubectl changes by itself', () => {
    const decoded = decodeManifests('apiVersion: v1\nkind: PodList\nitems:\n- apiVersion: v1\n  kind: Pod\n  metadata: {name: a}\n- metadata: {name: b}\n', 'f.yaml');
    const portable = toPortable(decoded)!;
    expect(portable.objects.map(o => o.path)).toEqual([['items', 0], undefined]);
    const received = fromPortable(sent(portable));
    expect(received.objects.map(o => [o.value.kind, o.value.metadata.name, o.locator!.lineOf('metadata.name')])).toEqual([['Pod', 'a', 6], ['Pod', 'b', 7]]);
  });

  test('is declined for a document whose value is not a tree', () => {
    const decoded = decodeManifests('apiVersion: v1\nkind: ConfigMap\nmetadata: &m {name: a}\ndata:\n  copy: *m\n', 'f.yaml');
    expect(toPortable(decoded)).toBeUndefined();
  });
});
