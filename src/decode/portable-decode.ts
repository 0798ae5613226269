import { DecodedObject, DecodeResult, RefusedDocument } from './decoded-object';
import { FieldLines } from './field-lines';
import { ChunkFieldLocator } from './locate-field';
import { PreorderFieldLines, PreorderRecorder } from './preorder-field-lines';
import { RecordedFieldLocator } from './recorded-field-locator';
import { DocumentChunk } from './split-documents';

/**
 * A file's DecodeResult in the form that crosses between threads cheaply: every value in one JSON text, and the
 * field lines as typed arrays. `postMessage` copies a string at memory speed and `JSON.parse` rebuilds plain
 * objects three times as fast as the structured clone of the same graph (measured on the 10k bench corpus: 66 ms
 * against 200 ms), so the thread that checks the objects spends little on receiving them.
 */
export interface PortableDecodeResult {
  /** JSON of the values: the document roots the locators walk, and the objects that are not inside one. */
  readonly json: string;
  readonly objects: PortableObject[];
  readonly refused: RefusedDocument[];
}

/** One DecodedObject, its value and locator given by position in the JSON's array of values. */
export interface PortableObject {
  readonly documentIndex: number;
  readonly line?: number;
  /** The value, or the root it sits in when `path` is set. */
  readonly value: number;
  /** Where the object sits in the value `value` (a list item in its list document). */
  readonly path?: Array<string | number>;
  readonly recorded?: PortableRecordedLocator;
  readonly chunk?: { readonly chunk: DocumentChunk; readonly prefix: Array<string | number> };
}

export interface PortableRecordedLocator {
  readonly root: number;
  readonly prefix: Array<string | number>;
  readonly firstLine: number;
  readonly rootLine: number;
  readonly fields: Uint16Array | Uint32Array;
}

/**
 * The portable form of a decoded file, or undefined when it has none: when a document's value is not a tree (a
 * YAML alias makes two fields hold one object, which JSON would copy), or its field lines are not all known. The
 * receiver then decodes the text itself; nothing is ever read differently for having crossed.
 */
export function toPortable(result: DecodeResult): PortableDecodeResult | undefined {
  const values: unknown[] = [];
  const positions = new Map<unknown, number>();
  const positionOf = (value: unknown) => {
    let position = positions.get(value);
    if (position === undefined) {
      position = values.push(value) - 1;
      positions.set(value, position);
    }
    return position;
  };
  const fieldsOf = new Map<unknown, Uint16Array | Uint32Array>();
  const objects: PortableObject[] = [];
  try {
    for (const object of result.objects) {
      const portable = portableObject(object, positionOf, fieldsOf);
      if (!portable) return undefined;
      objects.push(portable);
    }
    return { json: JSON.stringify(values), objects, refused: result.refused };
  } catch (e) {
    // A value nested deeper than the stack allows for a walk or JSON.stringify: the receiver decodes the text.
    if (e instanceof RangeError) return undefined;
    throw e;
  }
}

/** The DecodeResult a portable form was made from: equal values, the same lines for every field. */
export function fromPortable(portable: PortableDecodeResult): DecodeResult {
  const values = JSON.parse(portable.json) as unknown[];
  const objects = portable.objects.map((object): DecodedObject => {
    const root = values[object.value];
    const value = object.path ? valueAt(root, object.path) : root;
    const locator = object.recorded
      ? new RecordedFieldLocator(values[object.recorded.root], object.recorded.prefix, object.recorded.firstLine, object.recorded.rootLine,
        new PreorderFieldLines(object.recorded.fields))
      : object.chunk ? new ChunkFieldLocator(object.chunk.chunk, object.chunk.prefix) : undefined;
    const decoded: { -readonly [K in keyof DecodedObject]: DecodedObject[K] } = { value, documentIndex: object.documentIndex };
    if (object.line !== undefined) decoded.line = object.line;
    if (locator) decoded.locator = locator;
    return decoded;
  });
  return { objects, refused: portable.refused };
}

function portableObject(
  object: DecodedObject, positionOf: (value: unknown) => number, fieldsOf: Map<unknown, Uint16Array | Uint32Array>,
): PortableObject | undefined {
  const base = object.line === undefined
    ? { documentIndex: object.documentIndex }
    : { documentIndex: object.documentIndex, line: object.line };
  const locator = object.locator;
  if (locator === undefined) return { ...base, value: positionOf(object.value) };
  if (locator instanceof ChunkFieldLocator) {
    const chunk = { text: locator.chunk.text, firstLine: locator.chunk.firstLine };
    return { ...base, value: positionOf(object.value), chunk: { chunk, prefix: locator.prefix } };
  }
  if (!(locator instanceof RecordedFieldLocator)) return undefined;
  let fields = fieldsOf.get(locator.root);
  if (fields === undefined) {
    fields = preorderFields(locator.root, locator.lines);
    if (fields === undefined) return undefined;
    fieldsOf.set(locator.root, fields);
  }
  const root = positionOf(locator.root);
  const recorded = { root, prefix: locator.prefix, firstLine: locator.firstLine, rootLine: locator.rootLine, fields };
  // A list item that kubectl sends as written is the item inside its document: the JSON holds it once.
  if (valueAt(locator.root, locator.prefix) === object.value) return { ...base, value: root, path: locator.prefix, recorded };
  return { ...base, value: positionOf(object.value), recorded };
}

/** The pre-order field lines of a document, from either index; undefined when they cannot be given in that form. */
function preorderFields(root: unknown, lines: unknown): Uint16Array | Uint32Array | undefined {
  if (lines instanceof PreorderFieldLines) return lines.fields;
  if (!(lines instanceof FieldLines)) return undefined;
  const recorder = PreorderFieldLines.recorder();
  return recordComposed(root, lines, recorder, new Set()) ? recorder.finish().fields : undefined;
}

/**
 * Records a composed value's fields in pre-order, each at the line the composer gave it. Fails for a value that is
 * not a tree, for a key or item the composer gave no line, and for a mapping whose record names a key it lacks: a
 * lookup of that key would find a line in one index and not in the other.
 */
function recordComposed(value: unknown, lines: FieldLines, recorder: PreorderRecorder, seen: Set<object>): boolean {
  if (typeof value !== 'object' || value === null) return true;
  if (seen.has(value)) return false;
  seen.add(value);
  if (Array.isArray(value)) {
    const itemLines = lines.itemsOf(value) ?? [];
    if (itemLines.length !== value.length) return false;
    for (let i = 0; i < value.length; i++) {
      const handle = recorder.enter(itemLines[i]);
      if (!recordComposed(value[i], lines, recorder, seen)) return false;
      recorder.leave(handle);
    }
    return true;
  }
  const keyLines = lines.keysOf(value) ?? {};
  const keys = Object.keys(value);
  if (Object.keys(keyLines).length !== keys.length) return false;
  for (const key of keys) {
    if (!Object.prototype.hasOwnProperty.call(keyLines, key)) return false;
    const handle = recorder.enter(keyLines[key]);
    if (!recordComposed((value as { [key: string]: unknown })[key], lines, recorder, seen)) return false;
    recorder.leave(handle);
  }
  return true;
}

function valueAt(root: unknown, path: Array<string | number>): unknown {
  let node: any = root;
  for (const step of path) node = node === null || typeof node !== 'object' ? undefined : node[step];
  return node;
}
