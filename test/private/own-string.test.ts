import * as fc from 'fast-check';
import { flatCopy } from '../../src/private/own-string';

describe('flatCopy', () => {
  test('gives the same characters for any string: NFC or not, lone surrogates, astral characters', () => {
    for (const s of ['', 'a', 'Deployment shop/web: runs as root', 'e\u0301', '\u00e9', '\ufb01', '\u212b', '\ud800', 'x\udc00y', '\u{1f600}', '\u0000']) {
      expect(flatCopy(s)).toBe(s);
    }
    fc.assert(fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme-composite' }), fc.string()), s => flatCopy(s) === s),
      { numRuns: 3000, seed: 20261202 });
  });
});
