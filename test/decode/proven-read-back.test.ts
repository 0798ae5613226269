/**
 * The proof that lets the guardrails skip parsing a document cdk8s wrote: whenever `provenReadBack` accepts a value,
 * parsing cdk8s's YAML of it with our go-yaml decoder gives exactly the proven copy. Generated values lean on what
 * YAML readers read differently: YAML 1.1 words, Go number literals, timestamps, indicators and spaces.
 */
import { Yaml } from 'cdk8s';
import * as fc from 'fast-check';
import { decodeManifests } from '../../src/decode';
import { isProvenString, provenReadBack } from '../../src/decode/proven-read-back';

const TRICKY = [
  'yes', 'No', 'ON', 'off', 'y', 'N', 'true', 'False', 'null', 'Null', '~', '', ' ', '<<', '=', '-', '.inf', '.NaN',
  '0x10', '0o17620', '0b101', '1_000', '1e3', '5E', '+1', '-0', '010', '8080', '2001-12-14', '2001-12-14T21:59:43Z',
  '1:20', '512Mi', '500m', '1.5Gi', '25%', 'a: b', 'a:', 'a:b', 'a #b', 'a#b', '#x', '&a', '*a', '!x', '@x', '%x',
  '"q"', "'q'", '[a]', '{a}', 'a,b', '? x', 'a  b', 'a b ', ' a', 'line\nbreak', 'tab\tx', 'ünï', 'web', 'app.kubernetes.io/name',
  'ghcr.io/acme/web:1.4.2@sha256:0123', 'http://x:80/a', 'Managed by Helm', 'a (b); c', '__proto__', 'constructor', 'toString',
];
const SAFE = ['web', 'app', 'api', '512Mi', '500m', '25%', 'registry.example.com/web:1.0.0', 'Managed by Helm', 'a:b', 'team-a', 'x1'];
const text = fc.oneof(
  { arbitrary: fc.constantFrom(...SAFE), weight: 6 },
  { arbitrary: fc.constantFrom(...TRICKY), weight: 1 },
  { arbitrary: fc.stringMatching(/^[A-Za-z0-9 ._/:@=+%,();#'"!&*?-]{0,12}$/), weight: 1 },
);
const scalar = fc.oneof(
  { arbitrary: text, weight: 8 },
  { arbitrary: fc.integer(), weight: 2 },
  { arbitrary: fc.oneof(fc.boolean(), fc.constant(null)), weight: 2 },
  { arbitrary: fc.oneof(fc.double(), fc.constant(-0), fc.constant(2 ** 53 + 2), fc.constant(undefined)), weight: 1 },
);
const value = fc.letrec(tie => ({
  node: fc.oneof({ depthSize: 'small' }, scalar, fc.array(tie('node'), { maxLength: 4 }), fc.dictionary(text, tie('node'), { maxKeys: 4 })),
})).node;
const manifest = fc.record({
  apiVersion: fc.constantFrom('v1', 'apps/v1'),
  kind: fc.constantFrom('ConfigMap', 'Deployment'),
  metadata: fc.record({ name: text, labels: fc.dictionary(text, text, { maxKeys: 3 }) }, { requiredKeys: ['name'] }),
  data: fc.dictionary(text, value, { maxKeys: 5 }),
}, { requiredKeys: ['apiVersion', 'kind', 'metadata'] });

describe('provenReadBack', () => {
  test('accepted values read back, through cdk8s\'s YAML and our go-yaml decoder, as exactly the proven copy', () => {
    let proven = 0;
    fc.assert(fc.property(manifest, doc => {
      const copy = provenReadBack(doc);
      if (copy === undefined) return;
      proven++;
      const decoded = decodeManifests(Yaml.stringify(doc), 'doc.yaml', { fieldLines: false });
      expect(decoded.objects.map(o => o.value)).toEqual([copy]);
      expect(copy).toEqual(JSON.parse(JSON.stringify(doc)));
      expect(copy).not.toBe(doc);
    }), { numRuns: 3000, seed: 20261202 });
    // The property must not pass by accepting nothing.
    expect(proven).toBeGreaterThan(100);
  });

  test('a document decoded with writtenFrom is the same as one parsed, for proven and unproven documents alike', () => {
    const list = manifest.map(m => ({ ...m, kind: 'List', items: [{ ...m, kind: 'ConfigMap' }, null, {}] }));
    fc.assert(fc.property(fc.array(fc.oneof(manifest, list), { minLength: 1, maxLength: 4 }), docs => {
      const written = Yaml.stringify(...docs);
      let parsed;
      try {
        parsed = decodeManifests(written, 'out.yaml', { fieldLines: false });
      } catch (e) {
        // A document the decoder refuses must still be refused: the proof never accepts such a value.
        expect(() => decodeManifests(written, 'out.yaml', { fieldLines: false, writtenFrom: docs })).toThrow();
        return;
      }
      const fast = decodeManifests(written, 'out.yaml', { fieldLines: false, writtenFrom: docs });
      expect(fast.objects.map(o => [o.value, o.documentIndex, o.line])).toEqual(parsed.objects.map(o => [o.value, o.documentIndex, o.line]));
      expect(fast.refused).toEqual(parsed.refused);
    }), { numRuns: 1500, seed: 20261203 });
  });

  test.each([
    ['yes'], ['on'], ['Null'], ['~'], ['0x10'], ['1_000'], ['1e3'], ['2001-12-14'], ['8080'], ['a: b'], ['a:'], ['a #b'],
    [' a'], ['a '], ['a  b'], ['line\nbreak'], [''], ['ünï'], ['<<'], ['-a'], ['.inf'],
  ])('refuses to vouch for %p: go-yaml may read it as something else, or the emitter must escape it', s => {
    expect(isProvenString(s)).toBe(false);
    expect(provenReadBack({ kind: 'ConfigMap', data: { k: s } })).toBeUndefined();
    expect(provenReadBack({ kind: 'ConfigMap', data: { [s]: 'v' } })).toBeUndefined();
  });

  test.each([['web'], ['512Mi'], ['25%'], ['ghcr.io/acme/web:1.4.2@sha256:0123'], ['Managed by Helm'], ['http://x:80/a']])('vouches for %p', s => {
    expect(isProvenString(s)).toBe(true);
  });

  test('refuses values JSON and YAML carry differently: undefined, -0, floats, unsafe integers, holes, class instances', () => {
    for (const v of [undefined, -0, 0.5, 2 ** 53 + 2, NaN, Infinity, [1, , 2], new Date(0), () => 1, Symbol('s')]) {
      expect(provenReadBack({ kind: 'ConfigMap', data: { k: v } })).toBeUndefined();
    }
    const plain = { kind: 'ConfigMap', data: { one: 1, none: null, yes_flag: true, list: [], map: {} } };
    expect(provenReadBack(plain)).toEqual(plain);
    // A key YAML 1.1 reads as a boolean (`n`) is not vouched for either.
    expect(provenReadBack({ kind: 'ConfigMap', data: { n: 1 } })).toBeUndefined();
  });
});
