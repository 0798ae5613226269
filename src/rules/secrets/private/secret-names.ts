import { mayHoldSecretName } from './secret-name-marks';
import { boundedMemo } from '../../../private/bounded-memo';

/**
 * Words that mark a name (an env var, a ConfigMap key) as holding a secret, matched anywhere in the name once
 * separators are removed, so `DB_PASSWORD`, `dbPassword`, `db.password` and `DBPASSWORD` all match.
 */
export const SECRET_NAME_WORDS = [
  'PASSWORD', 'PASSWD', 'PASSPHRASE', 'SECRET', 'TOKEN', 'APIKEY', 'ACCESSKEY', 'PRIVATEKEY', 'SECRETKEY',
  'CREDENTIAL', 'BEARER', 'AUTHKEY', 'SIGNINGKEY', 'ENCRYPTIONKEY', 'MASTERKEY', 'SESSIONKEY', 'CLIENTKEY',
  'CONNECTIONSTRING', 'CONNSTR',
];

/** Short words that mark a secret only as a whole word (`DB_PASS`, `DB_PWD`), never inside another word. */
export const SECRET_NAME_TOKENS = ['PASS', 'PWD', 'PW'];

/** Names that contain a secret word but are not secrets. */
export const NOT_SECRET_NAMES = ['PWD', 'OLDPWD'];
/** Words that contain a secret word by accident. */
export const ACCIDENTAL_WORDS = ['TOKENIZER', 'SECRETARY', 'PASSWORDLESS'];

/**
 * Last words that make a secret-looking name describe a secret rather than hold one: `PASSWORD_FILE`,
 * `TOKEN_PATH`, `SECRET_NAME`, `TOKEN_TTL`, `AWS_ACCESS_KEY_ID`, `OIDC_TOKEN_URL`...
 */
export const DESCRIPTIVE_SUFFIXES = [
  'FILE', 'PATH', 'DIR', 'NAME', 'REF', 'KEYREF', 'ID', 'TTL', 'EXPIRY', 'EXPIRES', 'EXPIRATION', 'LIFETIME',
  'TIMEOUT', 'LENGTH', 'LEN', 'SIZE', 'URL', 'URI', 'ENDPOINT', 'HOST', 'PORT', 'HEADER', 'TYPE', 'MODE',
  'ENABLED', 'DISABLED', 'ENABLE', 'REQUIRED', 'AUDIENCE', 'ISSUER', 'REGION', 'VERSION', 'FORMAT', 'ALGORITHM',
  'NAMESPACE', 'LOCATION', 'MOUNT', 'STORE', 'PROVIDER', 'ROTATION', 'POLICY',
];

/**
 * A name whose last word is KEY holds a key (`AZURE_BATCH_KEY`, `STRIPE_KEY`), unless the word before it says what
 * kind of non-secret key it is: a public key, or a key that names a record or a field (`CACHE_KEY`, `SORT_KEY`).
 */
export const NOT_SECRET_KEY_QUALIFIERS = [
  'PUBLIC', 'PRIMARY', 'FOREIGN', 'SORT', 'PARTITION', 'RANGE', 'HASH', 'ROUTING', 'SHARD', 'CACHE', 'LOOKUP', 'INDEX',
  'GROUP', 'LABEL', 'TAG', 'FIELD', 'COLUMN', 'QUERY', 'PARAM', 'MAP', 'JSON', 'YAML', 'HOT', 'SHORTCUT', 'IDEMPOTENCY',
  'DEDUP', 'DEDUPLICATION', 'METRIC', 'OBJECT', 'BUCKET', 'PREFIX', 'SUFFIX', 'LOCK', 'QUEUE', 'TOPIC',
];

/** Last words that, after KEY, make the name hold the key itself: `OCI_CLI_KEY_CONTENT`, `SIGNING_KEY_PEM`. */
export const KEY_CONTENT_WORDS = ['CONTENT', 'CONTENTS', 'DATA', 'MATERIAL', 'VALUE', 'PEM', 'B64', 'BASE64'];

/** True for a name that holds a key by its last words (see NOT_SECRET_KEY_QUALIFIERS and KEY_CONTENT_WORDS). */
function namesAKey(words: string[]): boolean {
  const last = words.length - 1;
  if (words[last] === 'KEY') return last > 0 && !NOT_SECRET_KEY_QUALIFIERS.includes(words[last - 1]);
  return last > 0 && words[last - 1] === 'KEY' && KEY_CONTENT_WORDS.includes(words[last]);
}

/** Splits a name into upper-case words at separators and camelCase boundaries: `dbPassword_file` → DB, PASSWORD, FILE. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(w => w !== '')
    .map(w => w.toUpperCase());
}

/**
 * True when the name looks like it holds a secret value. Most names hold none of the marks every secret-looking name
 * holds, and names repeat across manifests: both are answered without splitting the name into words.
 */
export const looksLikeSecretName: (name: string) => boolean = boundedMemo(
  name => mayHoldSecretName(name) && looksLikeSecretNameByWords(name), 4096, 256);

/** The definition `looksLikeSecretName` answers by: the name's words against the lists above. */
export function looksLikeSecretNameByWords(name: string): boolean {
  const words = nameWords(name);
  if (words.length === 0) return false;
  const compact = words.join('');
  if (NOT_SECRET_NAMES.includes(compact)) return false;
  if (DESCRIPTIVE_SUFFIXES.includes(words[words.length - 1])) return false;
  const meaningful = words.filter(w => !ACCIDENTAL_WORDS.includes(w)).join('');
  return SECRET_NAME_WORDS.some(w => meaningful.includes(w)) || words.some(w => SECRET_NAME_TOKENS.includes(w)) || namesAKey(words);
}

/**
 * True when a literal value could hold a secret: not empty, not a boolean, not a reference to another variable
 * (`$(DB_PASSWORD)`, `${DB_PASSWORD}`, a `{{ template }}`), not an absolute file path.
 */
export function isLiteralSecretCandidate(value: unknown): boolean {
  if (typeof value === 'number') return true;
  if (typeof value !== 'string') return false;
  const v = value.trim();
  if (v === '') return false;
  if (/^(true|false|yes|no|on|off|enabled|disabled|none|null)$/i.test(v)) return false;
  if (/^\$\([A-Za-z_][A-Za-z0-9_]*\)$/.test(v) || /^\$\{[^}]+\}$/.test(v) || /^\{\{.*\}\}$/.test(v)) return false;
  if (/^\/[^\s]*$/.test(v)) return false;
  return true;
}
