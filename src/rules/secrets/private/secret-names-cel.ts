import {
  ACCIDENTAL_WORDS, DESCRIPTIVE_SUFFIXES, KEY_CONTENT_WORDS, NOT_SECRET_KEY_QUALIFIERS, NOT_SECRET_NAMES, SECRET_NAME_TOKENS, SECRET_NAME_WORDS,
} from './secret-names';
import { celString, celStrings } from '../../../private/cel-form';

/**
 * The words of a name as nameWords splits it: runs of ASCII letters and digits, broken before an upper-case letter
 * that follows a lower-case letter or a digit. Each word is upper case letters then lower case letters and digits.
 */
const WORD = '[A-Z]+[a-z0-9]*|[a-z0-9]+';

/** CEL: looksLikeSecretName(`name`), with `name` a CEL string expression evaluated once. */
export function celLooksLikeSecretName(name: string): string {
  const words = `${name}.findAll(${celString(WORD)}).map(w, w.upperAscii())`;
  return `[${words}].all(sn_words, size(sn_words) > 0`
    + ` && !(sn_words.join('') in ${celStrings(NOT_SECRET_NAMES)})`
    + ` && !(sn_words[size(sn_words) - 1] in ${celStrings(DESCRIPTIVE_SUFFIXES)})`
    + ` && ([sn_words.filter(w, !(w in ${celStrings(ACCIDENTAL_WORDS)})).join('')].all(sn_meaningful, ${celStrings(SECRET_NAME_WORDS)}.exists(s, sn_meaningful.contains(s)))`
    + ` || sn_words.exists(w, w in ${celStrings(SECRET_NAME_TOKENS)})`
    // namesAKey: a last word KEY not qualified as a non-secret key, or KEY and a word for its content.
    + ` || (size(sn_words) > 1 && ((sn_words[size(sn_words) - 1] == 'KEY' && !(sn_words[size(sn_words) - 2] in ${celStrings(NOT_SECRET_KEY_QUALIFIERS)}))`
    + ` || (sn_words[size(sn_words) - 2] == 'KEY' && sn_words[size(sn_words) - 1] in ${celStrings(KEY_CONTENT_WORDS)})))))`;
}

/**
 * JavaScript's whitespace (what String.prototype.trim removes and \s matches) as an RE2 class body: RE2's \s and
 * CEL's trim() draw the line elsewhere (no U+000B or U+FEFF, or U+0085 too), so the form spells it out.
 */
const JS_SPACE = '\\t\\n\\x0B\\f\\r \\x{00A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}';
const WS = `[${JS_SPACE}]*`;

/** A regex on the trimmed value, as one on the whole value: `body` between optional whitespace. */
const trimmed = (body: string) => `^${WS}(?:${body})${WS}$`;

/** Each letter of a word as a two-case class: RE2's (?i) would also fold ſ into s, which JavaScript's /i does not. */
const anyCase = (word: string) => word.split('').map(ch => `[${ch}${ch.toUpperCase()}]`).join('');

const BOOLEAN_WORDS = ['true', 'false', 'yes', 'no', 'on', 'off', 'enabled', 'disabled', 'none', 'null'];

/** The values isLiteralSecretCandidate lets pass, on the untrimmed value: empty, a boolean word, a reference, a file path. */
const NOT_A_CANDIDATE = [
  `^${WS}$`,
  trimmed(BOOLEAN_WORDS.map(anyCase).join('|')),
  trimmed('\\$\\([A-Za-z_][A-Za-z0-9_]*\\)'),
  trimmed('\\$\\{[^}]+\\}'),
  // JavaScript's . stops at every line terminator, RE2's only at \n.
  trimmed('\\{\\{[^\\n\\r\\x{2028}\\x{2029}]*\\}\\}'),
  trimmed(`/[^${JS_SPACE}]*`),
];

/** CEL: isLiteralSecretCandidate(`value`) for a string value (the API server holds env values as strings). */
export function celIsLiteralSecretCandidate(value: string): string {
  return `!(${NOT_A_CANDIDATE.map(re => `${value}.matches(${celString(re)})`).join(' || ')})`;
}
