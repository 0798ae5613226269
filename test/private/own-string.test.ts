import * as v8 from 'v8';
import * as vm from 'vm';
import * as fc from 'fast-check';
import { flatCopy, flattenConcatenation } from '../../src/private/own-string';

/**
 * Keeps 200 strings, each made by `keep` from its own 100 KB text (index `i`, the text), and gives them with the heap
 * they leave in use once the texts are garbage.
 */
function keptFromTexts(keep: (i: number, text: string) => string): { kept: string[]; heapBytes: number } {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  gc();
  const before = process.memoryUsage().heapUsed;
  const kept: string[] = [];
  for (let i = 0; i < 200; i++) kept.push(keep(i, `${'y'.repeat(100_000)}${i}registry.example.com/web:1.0.0`));
  gc();
  return { kept, heapBytes: process.memoryUsage().heapUsed - before };
}

describe('flatCopy', () => {
  test('gives the same characters for any string: NFC or not, lone surrogates, astral characters', () => {
    for (const s of ['', 'a', 'Deployment shop/web: runs as root', 'e\u0301', '\u00e9', '\ufb01', '\u212b', '\ud800', 'x\udc00y', '\u{1f600}', '\u0000']) {
      expect(flatCopy(s)).toBe(s);
    }
    fc.assert(fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme-composite' }), fc.string()), s => flatCopy(s) === s),
      { numRuns: 3000, seed: 20261202 });
  });

  test('gives a copy that does not keep the text it was cut from alive', () => {
    // A substring of 13 characters or more is a view of its whole text in V8: 200 of them cut from 100 KB texts keep
    // 20 MB alive. Copies keep only their own characters.
    const { kept, heapBytes } = keptFromTexts((_i, text) => flatCopy(text.slice(100_000, 100_030)));
    expect(heapBytes).toBeLessThan(5 * 1024 * 1024);
    expect(kept[7]).toBe('7registry.example.com/web:1.0.');
  });
});

describe('flattenConcatenation', () => {
  test('gives back the same characters', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), fc.string(), (a, b) => flattenConcatenation(`${a}: ${b}`) === `${a}: ${b}`),
      { numRuns: 1000, seed: 20261203 });
  });

  test('leaves no piece of the concatenation alive: a substring in it no longer keeps its text', () => {
    // A finding's message joins the object's name and the rule's message, which may quote a value cut from a
    // document. Unflattened, each of these 200 messages would keep its 100 KB text alive: 20 MB.
    const { kept, heapBytes } = keptFromTexts((i, text) => flattenConcatenation(`Deployment shop/web${i}: image "${text.slice(100_000, 100_030)}" has no digest`));
    expect(heapBytes).toBeLessThan(5 * 1024 * 1024);
    expect(kept[7]).toBe('Deployment shop/web7: image "7registry.example.com/web:1.0." has no digest');
  });
});
