/**
 * Replays the decoder differential test (conformance/decoder/run.ts) without Go: every case of the committed corpus
 * holds a file and what kubectl 1.37.2 reads from it (conformance/yaml-oracle); our decoder, through the same
 * adapter (conformance/decoder/ours.ts) and the same verdict rule, must agree with kubectl or refuse the file.
 * The cases where it does neither today are listed in KNOWN_DISAGREEMENTS, which must shrink to empty.
 */
import * as fs from 'fs';
import * as path from 'path';
import { KNOWN_DISAGREEMENTS } from './known-disagreements';
import { HAND_PICKED } from '../../conformance/decoder/hand-picked';
import { decodeWithOurs, judge, OracleAnswer, sameJson } from '../../conformance/decoder/verdict';

interface CorpusCase {
  readonly id: string;
  readonly text: string;
  readonly oracle: OracleAnswer;
}

const corpus: { readonly cases: readonly CorpusCase[] } = JSON.parse(
  fs.readFileSync(path.join(__dirname, 'fixtures', 'oracle-corpus.json'), 'utf-8'));

describe('decoder differential replay: our decoder against kubectl 1.37.2 on the committed corpus', () => {
  // The yaml library warns about collection keys (the corpus has many); the verdicts are what this suite checks.
  beforeAll(() => { jest.spyOn(process, 'emitWarning').mockImplementation(() => undefined); });
  afterAll(() => { jest.restoreAllMocks(); });

  test('the corpus holds every hand-picked case, with the same text, and thousands of generated ones', () => {
    const byId = new Map(corpus.cases.map(c => [c.id, c]));
    const missing = HAND_PICKED.filter(h => byId.get(h.id)?.text !== h.text).map(h => h.id);
    expect(missing).toEqual([]);
    expect(corpus.cases.filter(c => c.id.startsWith('g')).length).toBeGreaterThanOrEqual(2000);
    expect(byId.size).toBe(corpus.cases.length);
  });

  test('every KNOWN_DISAGREEMENTS id is a corpus case', () => {
    const ids = new Set(corpus.cases.map(c => c.id));
    expect([...KNOWN_DISAGREEMENTS].filter(id => !ids.has(id))).toEqual([]);
  });

  test('our decoder agrees with kubectl or refuses, except on exactly the known disagreements', () => {
    const disagreements = corpus.cases
      .filter(c => judge(c.oracle, decodeWithOurs(c.text, `${c.id}.yaml`)).verdict === 'disagree')
      .map(c => c.id);
    const found = new Set(disagreements);
    // Fixed: remove these from known-disagreements.ts. New: a regression, or a corpus regenerated without --write-known.
    const fixed = [...KNOWN_DISAGREEMENTS].filter(id => !found.has(id));
    const fresh = disagreements.filter(id => !KNOWN_DISAGREEMENTS.has(id));
    expect({ fixed, new: fresh }).toEqual({ fixed: [], new: [] });
  }, 120_000);
});

describe('decoder differential verdict rule', () => {
  const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' } };

  test('agree: the same objects, keys in any order, numbers compared as numbers', () => {
    const ours = { objects: [{ metadata: { name: 'p' }, kind: 'Pod', apiVersion: 'v1', n: 10n }], refusedDocuments: 0 };
    expect(judge({ objects: [{ ...pod, n: 10 }] }, ours).verdict).toBe('agree');
  });

  test('disagree on another value, a missing key, an extra object or another order of objects', () => {
    const other = { ...pod, metadata: { name: 'q' } };
    expect(judge({ objects: [pod] }, { objects: [other], refusedDocuments: 0 })).toMatchObject({ verdict: 'disagree', why: 'values' });
    expect(judge({ objects: [pod] }, { objects: [{ apiVersion: 'v1', kind: 'Pod' }], refusedDocuments: 0 }).verdict).toBe('disagree');
    expect(judge({ objects: [pod] }, { objects: [pod, pod], refusedDocuments: 0 }).verdict).toBe('disagree');
    expect(judge({ objects: [pod, other] }, { objects: [other, pod], refusedDocuments: 0 }).verdict).toBe('disagree');
  });

  test('disagree when we accept a file kubectl rejects, or when our decoder crashes', () => {
    expect(judge({ error: 'error parsing x.yaml' }, { objects: [pod], refusedDocuments: 0 })).toMatchObject({ verdict: 'disagree', why: 'accepted' });
    expect(judge({ objects: [pod] }, { crashed: 'TypeError: x' })).toMatchObject({ verdict: 'disagree', why: 'crashed' });
  });

  test('when kubectl fails on some documents: agree only if we name a refused document and check exactly what it still sends', () => {
    const failing = { error: 'unable to decode', partial: [pod] };
    expect(judge(failing, { objects: [pod], refusedDocuments: 1 }).verdict).toBe('agree');
    expect(judge(failing, { objects: [pod], refusedDocuments: 0 })).toMatchObject({ verdict: 'disagree', why: 'accepted' });
    expect(judge(failing, { objects: [], refusedDocuments: 1 })).toMatchObject({ verdict: 'disagree', why: 'values' });
    expect(judge({ objects: [pod] }, { objects: [], refusedDocuments: 1 })).toMatchObject({ verdict: 'disagree', why: 'values' });
  });

  test('refused: an InputError is fine whatever kubectl says', () => {
    const refused = decodeWithOurs('a: [', 'broken.yaml');
    expect(refused).toHaveProperty('refused');
    expect(judge({ objects: [pod] }, refused).verdict).toBe('refused');
    expect(judge({ error: 'error parsing broken.yaml' }, refused).verdict).toBe('refused');
  });

  test('values that JSON cannot carry equal nothing kubectl sends', () => {
    expect(sameJson(new Uint8Array([104, 105]), 'aGk=')).toBe(false);
    expect(sameJson(new Date(0), '1970-01-01T00:00:00Z')).toBe(false);
    expect(sameJson(Number.NaN, Number.NaN)).toBe(false);
    expect(sameJson({ a: undefined }, {})).toBe(false);
    expect(sameJson(1, '1')).toBe(false);
    expect(sameJson(true, 'true')).toBe(false);
    expect(sameJson(null, {})).toBe(false);
    expect(sameJson([1], { 0: 1 })).toBe(false);
  });
});
