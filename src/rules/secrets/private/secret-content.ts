import { boundedMemo } from '../../../private/bounded-memo';

/** A pattern that recognizes a credential by its content, whatever it is called. */
export interface SecretPattern {
  /** What the value looks like, completing "looks like ...": `an AWS access key ID`. */
  readonly description: string;
  readonly pattern: RegExp;
}

/** Credential formats recognized by content. Data, not logic: add an entry to recognize another format. */
export const SECRET_PATTERNS: SecretPattern[] = [
  { description: 'a private key', pattern: /-----BEGIN[A-Z0-9 ]*PRIVATE KEY[A-Z ]*-----/ },
  { description: 'an AWS access key ID', pattern: /\b(AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA)[A-Z0-9]{16}\b/ },
  { description: 'a JSON Web Token', pattern: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/ },
  { description: 'a GitHub token', pattern: /\b(ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36,}\b|\bgithub_pat_[A-Za-z0-9_]{22,}/ },
  { description: 'a GitLab token', pattern: /\bglpat-[A-Za-z0-9_-]{20,}/ },
  { description: 'a Slack token', pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,}/ },
  { description: 'a Slack webhook URL', pattern: /https:\/\/hooks\.slack\.com\/services\/T[A-Za-z0-9]+\/B[A-Za-z0-9]+\/[A-Za-z0-9]+/ },
  { description: 'a Google API key', pattern: /\bAIza[0-9A-Za-z_-]{35}\b/ },
  { description: 'a Stripe secret key', pattern: /\b[rs]k_live_[0-9A-Za-z]{24,}\b/ },
  { description: 'an npm token', pattern: /\bnpm_[A-Za-z0-9]{36}\b/ },
  // A password in a URL's user info: scheme://user:password@host. `$(VAR)`/`${VAR}` placeholders are not secrets.
  { description: 'a URL with an embedded password', pattern: /\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@]+:(?!\$\(|\$\{)[^\s/@]+@/i },
];

/**
 * High-entropy strings: a whitespace- or delimiter-separated token of at least this many characters...
 */
export const HIGH_ENTROPY_MIN_LENGTH = 20;
/**
 * ...whose Shannon entropy is above this many bits per character. Random base64 scores 4.5-6, English words and
 * identifiers stay below 4, so 4.2 separates them with margin on both sides.
 */
export const HIGH_ENTROPY_THRESHOLD = 4.2;

/** Shannon entropy of a string, in bits per character. */
export function shannonEntropy(value: string): number {
  if (value.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let entropy = 0;
  for (const count of counts.values()) {
    const p = count / value.length;
    entropy -= p * Math.log2(p);
  }
  return entropy;
}

/**
 * True for a token that looks like a random key: long enough, only base64/base64url characters, mixing lower-case,
 * upper-case and digits, and above the entropy threshold. Pure hex (commit SHAs, digests), UUIDs, paths, URLs,
 * dotted names and words never qualify: they lack one of the character classes or contain `.`, `:` or spaces.
 */
export function isHighEntropyToken(token: string): boolean {
  if (token.length < HIGH_ENTROPY_MIN_LENGTH) return false;
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(token)) return false;
  if (token.startsWith('/')) return false;
  if (!/[a-z]/.test(token) || !/[A-Z]/.test(token) || !/[0-9]/.test(token)) return false;
  return shannonEntropy(token) > HIGH_ENTROPY_THRESHOLD;
}

/**
 * What a value looks like when it holds a credential ("an AWS access key ID", "a high-entropy string"), or
 * undefined. The value itself is never returned, so callers cannot leak it into a message by accident.
 */
export function secretContentKind(value: unknown): string | undefined {
  return typeof value === 'string' ? contentKindOfString(value) : undefined;
}

// ConfigMaps and env vars repeat the same values across manifests: each is judged once while it is remembered.
const contentKindOfString = boundedMemo(contentKindByDetectors, 2048, 256);

function contentKindByDetectors(value: string): string | undefined {
  if (value.trim() === '') return undefined;
  for (const p of SECRET_PATTERNS) {
    if (p.pattern.test(value)) return p.description;
  }
  // Stripping public material never lengthens the value, so a shorter value has no token long enough.
  if (value.length < HIGH_ENTROPY_MIN_LENGTH) return undefined;
  const tokens = stripPublicMaterial(value).split(/[\s"'`,;=&|<>()[\]{}]+/);
  if (tokens.some(isHighEntropyToken)) return 'a high-entropy string (a random key or password)';
  return undefined;
}

/**
 * Public material that is random-looking by nature and safe to publish: certificates and public keys (PEM), SSH
 * public keys and subresource-integrity hashes. Removed before the entropy check so CA bundles do not fire.
 */
const PUBLIC_MATERIAL = [
  /-----BEGIN (?![A-Z0-9 ]*PRIVATE)[A-Z0-9 ]+-----[\s\S]*?-----END [A-Z0-9 ]+-----/g,
  /\b(ssh-(rsa|dss|ed25519)|ecdsa-sha2-nistp\d+|sk-ssh-ed25519@openssh\.com)\s+[A-Za-z0-9+/=]+/g,
  /\bsha(256|384|512)-[A-Za-z0-9+/=]+/g,
];

function stripPublicMaterial(value: string): string {
  return PUBLIC_MATERIAL.reduce((v, pattern) => v.replace(pattern, ' '), value);
}
