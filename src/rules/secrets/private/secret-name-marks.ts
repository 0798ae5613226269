/**
 * Letter runs of which every secret-looking name holds at least one, once its separators are removed and its letters
 * upper-cased (as `looksLikeSecretName` reads it):
 * - each of SECRET_NAME_WORDS contains PASS, SECRET, TOKEN, KEY, CREDENTIAL, BEARER or CONN;
 * - each of SECRET_NAME_TOKENS contains PASS or PW;
 * - a name that holds a key by its last words has the word KEY.
 * Dropping ACCIDENTAL_WORDS can join two words into a secret word that the name itself does not contain, but each
 * accidental word contains TOKEN, SECRET or PASS, so such a name holds a mark anyway.
 */
const SECRET_NAME_MARKS = /PASS|SECRET|TOKEN|KEY|CREDENTIAL|BEARER|CONN|PW/i;

/**
 * False when no name inside `text` can look like a secret: none of its runs of ASCII letters and digits, joined and
 * upper-cased, holds a mark. A name's letters and digits are a contiguous run of the text's, so a name inside a
 * longer text (a key of a configuration file) is covered too. True means "maybe": ask `looksLikeSecretName`.
 */
export function mayHoldSecretName(text: string): boolean {
  // Non-ASCII characters go first: upper-casing some of them (`ſ`, `ı`) would make ASCII letters. What is left is
  // ASCII letters and digits, which the case-insensitive marks match as they would match its upper case.
  return SECRET_NAME_MARKS.test(text.replace(/[^A-Za-z0-9]+/g, ''));
}
