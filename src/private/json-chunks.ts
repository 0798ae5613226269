/**
 * `JSON.stringify(value, null, 2)`, in pieces: the same characters, produced a part at a time, so that a report
 * of hundreds of thousands of findings is written without ever being one string (V8 caps strings at 512 MiB, and
 * one string that size is memory the scan does not need). The top levels and every large array are taken apart;
 * anything smaller is stringified whole and re-indented.
 */
export function* jsonChunks(value: unknown): Generator<string> {
  yield* chunksOf(value, '', 0, '');
}

/** Arrays longer than this are written element by element at any depth. */
const LARGE_ARRAY = 32;
/**
 * Containers above this depth are written member by member. Below it, an object is taken apart only when one of its
 * members is a large array (a SARIF run and its results): the many small objects of a report (a finding) are
 * stringified whole, since a generator step per member costs more than the member's text.
 */
const STREAMED_DEPTH = 2;
const INDENT = '  ';

function* chunksOf(raw: unknown, indent: string, depth: number, key: string): Generator<string> {
  const value = raw !== null && typeof raw === 'object' && typeof (raw as any).toJSON === 'function' ? (raw as any).toJSON(key) : raw;
  if (!takenApart(value, depth)) {
    yield indented(value, indent);
    return;
  }
  const inner = indent + INDENT;
  if (Array.isArray(value)) {
    if (value.length === 0) {
      yield '[]';
      return;
    }
    // Elements that are written whole go to the native stringify a run at a time: one call per run, not per
    // element, for the same text (a report's findings are most of its characters).
    let run: unknown[] = [];
    const runText = () => {
      const text = indented(run, indent);
      run = [];
      return text.slice(1 + 1 + inner.length, text.length - 1 - 1 - indent.length);
    };
    for (let i = 0; i < value.length; i++) {
      const element = value[i];
      if (!writtenWhole(element, depth + 1)) {
        if (run.length) yield runText();
        yield i === 0 ? `[\n${inner}` : `,\n${inner}`;
        yield* chunksOf(element, inner, depth + 1, String(i));
        continue;
      }
      if (run.length === 0) yield i === 0 ? `[\n${inner}` : `,\n${inner}`;
      run.push(element);
      if (run.length >= RUN_LENGTH) yield runText();
    }
    if (run.length) yield runText();
    yield `\n${indent}]`;
    return;
  }
  let first = true;
  for (const k of Object.keys(value)) {
    const member = (value as { [key: string]: unknown })[k];
    if (member === undefined || typeof member === 'function' || typeof member === 'symbol') continue;
    yield `${first ? '{' : ','}\n${inner}${JSON.stringify(k)}: `;
    first = false;
    yield* chunksOf(member, inner, depth + 1, k);
  }
  yield first ? '{}' : `\n${indent}}`;
}

/**
 * `JSON.stringify(value, null, 2)` with every line after the first indented by `indent`: the value is stringified
 * inside as many arrays as indent levels, so the native stringify writes the indentation, and the arrays' own
 * lines are cut off (no pass over the text to re-indent it). Undefined, functions and symbols give `null`, as they
 * do inside an array; callers place them as JSON.stringify does.
 */
function indented(value: unknown, indent: string): string {
  const levels = indent.length / INDENT.length;
  let wrapped: unknown = value;
  for (let i = 0; i < levels; i++) wrapped = [wrapped];
  const text = JSON.stringify(wrapped, null, 2);
  if (text === undefined) return 'null';
  if (levels === 0) return text;
  return text.slice(openingOf(levels).length, text.length - closingOf(levels).length);
}

const OPENINGS: string[] = [];
const CLOSINGS: string[] = [];
/** `[\n  [\n    ` for two levels: what the wrapping arrays write before the value. */
function openingOf(levels: number): string {
  return OPENINGS[levels] ??= Array.from({ length: levels }, (_, i) => `[\n${INDENT.repeat(i + 1)}`).join('');
}
/** `\n  ]\n]` for two levels: what they write after it. */
function closingOf(levels: number): string {
  return CLOSINGS[levels] ??= Array.from({ length: levels }, (_, i) => `\n${INDENT.repeat(levels - 1 - i)}]`).join('');
}

/** Elements of a large array stringified together, at most. */
const RUN_LENGTH = 256;

/**
 * Whether an array element at `depth` is written by one native stringify, as chunksOf would write it, and reads the
 * same inside a run: not a container chunksOf takes apart, and without a toJSON (the native stringify would call it
 * with the element's index in the run, not in the array).
 */
function writtenWhole(element: unknown, depth: number): boolean {
  if (element !== null && typeof element === 'object' && typeof (element as any).toJSON === 'function') return false;
  return !takenApart(element, depth);
}

/** Whether chunksOf writes a value (toJSON already applied) at `depth` member by member, not in one native stringify. */
function takenApart(value: unknown, depth: number): boolean {
  return value !== null && typeof value === 'object'
    && (depth < STREAMED_DEPTH || isLargeArray(value) || (!Array.isArray(value) && hasLargeArrayMember(value)));
}

function isLargeArray(value: unknown): boolean {
  return Array.isArray(value) && value.length > LARGE_ARRAY;
}

function hasLargeArrayMember(value: object): boolean {
  for (const k in value) {
    if (Object.prototype.hasOwnProperty.call(value, k) && isLargeArray((value as { [key: string]: unknown })[k])) return true;
  }
  return false;
}

/** Joins small chunks into pieces of about `size` characters, to write them with few calls. */
export function* batched(chunks: Iterable<string>, size = 65_536): Generator<string> {
  let pending: string[] = [];
  let length = 0;
  for (const chunk of chunks) {
    pending.push(chunk);
    length += chunk.length;
    if (length >= size) {
      yield pending.join('');
      pending = [];
      length = 0;
    }
  }
  if (length > 0) yield pending.join('');
}
