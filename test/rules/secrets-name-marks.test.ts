/**
 * The shortcuts `looksLikeSecretName` and the ConfigMap key rule take must never change an answer: a name (or a
 * configuration file) without a mark holds no secret-looking name, and the memo answers as the definition does.
 */
import * as fc from 'fast-check';
import { configLines } from '../../src/rules/secrets/private/config-map';
import { mayHoldSecretName } from '../../src/rules/secrets/private/secret-name-marks';
import {
  ACCIDENTAL_WORDS, DESCRIPTIVE_SUFFIXES, looksLikeSecretName, looksLikeSecretNameByWords, NOT_SECRET_NAMES, SECRET_NAME_TOKENS, SECRET_NAME_WORDS,
} from '../../src/rules/secrets/private/secret-names';

/** Pieces that names are made of: every listed word, parts of them, words the lists treat specially, noise. */
const LISTED = [...SECRET_NAME_WORDS, ...SECRET_NAME_TOKENS, ...NOT_SECRET_NAMES, ...ACCIDENTAL_WORDS, ...DESCRIPTIVE_SUFFIXES];
const PIECES = [
  ...LISTED,
  ...LISTED.flatMap(w => [w.slice(0, Math.ceil(w.length / 2)), w.slice(Math.ceil(w.length / 2))]),
  'KEY', 'PUBLIC', 'CACHE', 'CONTENT', 'PEM', 'DB', 'AWS', 'API', 'ACCESS', 'ID', 'LOG', 'LEVEL', 'CONN', 'STR', 'P', 'W', 'D',
];
/** Separators, including characters whose upper case is an ASCII letter (`ſ` is S, `ı` is I, `ﬀ` is FF). */
const SEPARATORS = ['', '', '_', '.', '-', ' ', '/', '__', 'ſ', 'ı', 'ﬀ', 'K', 'é', '0', '1'];

const piece = fc.oneof(
  fc.constantFrom(...PIECES).chain(w => fc.constantFrom(w, w.toLowerCase(), w[0] + w.slice(1).toLowerCase())),
  fc.string({ maxLength: 4 }),
);
const separator = fc.constantFrom(...SEPARATORS);
const name = fc.array(fc.tuple(separator, piece), { maxLength: 6 })
  .chain(parts => separator.map(last => parts.map(([s, p]) => s + p).join('') + last));

describe('secret-looking names: the shortcuts agree with the definition', () => {
  test('every word, token and accidental word of the lists, and KEY, holds a mark', () => {
    for (const word of [...SECRET_NAME_WORDS, ...SECRET_NAME_TOKENS, ...ACCIDENTAL_WORDS, 'KEY']) {
      expect([word, mayHoldSecretName(word)]).toEqual([word, true]);
    }
  });

  test('a name without a mark never looks like a secret', () => {
    fc.assert(fc.property(name, n => mayHoldSecretName(n) || !looksLikeSecretNameByWords(n)), { numRuns: 20000 });
  });

  test('looksLikeSecretName answers as the definition does, asked once or again', () => {
    fc.assert(fc.property(name, n => {
      const expected = looksLikeSecretNameByWords(n);
      return looksLikeSecretName(n) === expected && looksLikeSecretName(n) === expected;
    }), { numRuns: 20000 });
  });

  test('names that dropping an accidental word joins into a secret word still hold a mark', () => {
    // PAS + SWORD is PASSWORD once TOKENIZER is dropped: the definition matches a word the name does not contain.
    expect(looksLikeSecretNameByWords('PAS_TOKENIZER_SWORD')).toBe(true);
    expect(looksLikeSecretName('PAS_TOKENIZER_SWORD')).toBe(true);
  });

  test('a configuration file without a mark has no line whose key looks like a secret', () => {
    const line = fc.tuple(
      fc.constantFrom('', '  ', 'export ', '"', "'"), name, fc.constantFrom('=', ': ', ' = ', '":'), fc.string({ maxLength: 12 }));
    const file = fc.array(fc.oneof(line.map(parts => parts.join('')), fc.string({ maxLength: 20 })), { minLength: 1, maxLength: 5 })
      .map(lines => lines.join('\n') + '\n');
    fc.assert(fc.property(file, text => mayHoldSecretName(text) || configLines(text).every(l => !looksLikeSecretNameByWords(l.key))),
      { numRuns: 10000 });
  });
});
