/**
 * The verdict rule of the differential test, shared by conformance/decoder/run.ts and the replay test
 * (test/decode/differential-replay.test.ts):
 *   agree     our decoder returns the oracle's objects (same list, deep-equal JSON values, numbers as numbers);
 *   refused   our decoder throws an InputError (fine whatever the oracle says: refusing is always safe);
 *   disagree  anything else: we accept what kubectl rejects, we return other values, or we crash.
 */
import { decodeOurs } from './ours';
import { InputError } from '../../src/cli/input-error';

/** One answer of conformance/yaml-oracle: the objects kubectl sends, or its error (and what it still sends). */
export interface OracleAnswer {
  readonly objects?: unknown[];
  readonly error?: string;
  readonly partial?: unknown[];
}

export type Verdict = 'agree' | 'refused' | 'disagree';

export type OurAnswer =
  | { readonly objects: unknown[]; readonly refusedDocuments: number }
  | { readonly refused: string }
  | { readonly crashed: string };

export interface Judgement {
  readonly verdict: Verdict;
  readonly ours: OurAnswer;
  /** Why it is a disagreement: `values` (both accept, other objects), `accepted` (kubectl fails), `crashed`. */
  readonly why?: 'values' | 'accepted' | 'crashed';
}

export function decodeWithOurs(text: string, file: string): OurAnswer {
  try {
    return decodeOurs(text, file);
  } catch (e) {
    if (e instanceof InputError) return { refused: e.message };
    return { crashed: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
  }
}

export function judge(oracle: OracleAnswer, ours: OurAnswer): Judgement {
  if ('refused' in ours) return { verdict: 'refused', ours };
  if ('crashed' in ours) return { verdict: 'disagree', ours, why: 'crashed' };
  if (oracle.error !== undefined || oracle.objects === undefined) {
    // kubectl fails on the file but still applies what it could read: we must name at least one document it refuses,
    // and check exactly the objects it still sends.
    if (ours.refusedDocuments === 0) return { verdict: 'disagree', ours, why: 'accepted' };
    return sameJson(ours.objects, oracle.partial ?? []) ? { verdict: 'agree', ours } : { verdict: 'disagree', ours, why: 'values' };
  }
  if (ours.refusedDocuments > 0) return { verdict: 'disagree', ours, why: 'values' };
  return sameJson(ours.objects, oracle.objects) ? { verdict: 'agree', ours } : { verdict: 'disagree', ours, why: 'values' };
}

/**
 * Deep equality of JSON values. Numbers compare as numbers (a bigint by its value); object keys in any order;
 * anything that is not a JSON value (undefined, Date, Uint8Array, Map, NaN...) equals nothing from the oracle.
 */
export function sameJson(ours: unknown, theirs: unknown): boolean {
  if (typeof ours === 'bigint') ours = Number(ours);
  if (typeof ours === 'number' || typeof theirs === 'number') return typeof ours === 'number' && ours === theirs;
  if (ours === null || theirs === null || typeof ours !== 'object' || typeof theirs !== 'object') {
    return (typeof ours === 'string' || typeof ours === 'boolean' || ours === null) && ours === theirs;
  }
  if (Array.isArray(ours) || Array.isArray(theirs)) {
    if (!Array.isArray(ours) || !Array.isArray(theirs) || ours.length !== theirs.length) return false;
    return ours.every((item, i) => sameJson(item, theirs[i]));
  }
  if (Object.getPrototypeOf(ours) !== Object.prototype && Object.getPrototypeOf(ours) !== null) return false;
  const a = ours as Record<string, unknown>;
  const b = theirs as Record<string, unknown>;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every(k => Object.prototype.hasOwnProperty.call(b, k) && sameJson(a[k], b[k]));
}

/** Where two JSON values first differ, as a path such as `[0].spec.containers[0].securityContext.privileged`. */
export function firstDifference(ours: unknown, theirs: unknown, at = ''): string | undefined {
  if (sameJson(ours, theirs)) return undefined;
  if (Array.isArray(ours) && Array.isArray(theirs)) {
    if (ours.length !== theirs.length) return `${at}.length`;
    for (let i = 0; i < ours.length; i++) {
      const d = firstDifference(ours[i], theirs[i], `${at}[${i}]`);
      if (d !== undefined) return d;
    }
  }
  if (ours && theirs && typeof ours === 'object' && typeof theirs === 'object' && !Array.isArray(ours) && !Array.isArray(theirs)) {
    const a = ours as Record<string, unknown>;
    const b = theirs as Record<string, unknown>;
    for (const k of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
      if (!(k in a) || !(k in b)) return `${at}.${k}`;
      const d = firstDifference(a[k], b[k], `${at}.${k}`);
      if (d !== undefined) return d;
    }
  }
  return at || '(top)';
}
