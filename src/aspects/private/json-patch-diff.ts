import { JsonPatch } from 'cdk8s';
import { isObject } from '../../private/json';

/**
 * The JSON patches that turn `before` into `after` at `pointer`, where `after` is `before` with fields added or
 * replaced (never removed): a missing key is added whole, nested objects are patched field by field, and an
 * array grows by its new items, so the patches touch only what changed.
 */
export function patchesBetween(before: unknown, after: unknown, pointer: string[]): JsonPatch[] {
  const patches: JsonPatch[] = [];
  diff(before, after, pointer, patches);
  return patches;
}

function diff(before: unknown, after: unknown, pointer: string[], patches: JsonPatch[]): void {
  if (isObject(before) && isObject(after)) {
    for (const key of Object.keys(after)) {
      if (!(key in before)) patches.push(JsonPatch.add(toPointer([...pointer, key]), after[key]));
      else diff(before[key], after[key], [...pointer, key], patches);
    }
    return;
  }
  if (Array.isArray(before) && Array.isArray(after) && after.length >= before.length
    && before.every((item, i) => isObject(item) ? isObject(after[i]) : sameJson(item, after[i]))) {
    before.forEach((item, i) => diff(item, after[i], [...pointer, String(i)], patches));
    for (let i = before.length; i < after.length; i++) patches.push(JsonPatch.add(toPointer([...pointer, String(i)]), after[i]));
    return;
  }
  if (!sameJson(before, after)) patches.push(JsonPatch.replace(toPointer(pointer), after));
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** An RFC 6901 pointer: `~` and `/` in keys escaped. */
function toPointer(segments: string[]): string {
  return '/' + segments.map(s => s.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');
}
