import { isObject } from '../private/json';

/** One object of a document after kubectl's list flattening. */
export interface FlattenedObject {
  readonly value: { [key: string]: unknown };
  /** The object as the document holds it (the value is a copy when kubectl filled in its kind). */
  readonly source: object;
  /** Where the object sits inside its document: [] for the document itself, ['items', 2] for an item, ... */
  readonly path: Array<string | number>;
}

/** The objects of one document, or why kubectl refuses the document. */
export type FlattenResult = { readonly objects: FlattenedObject[]; readonly refusal?: undefined } | { readonly objects?: undefined; readonly refusal: string };

/** Lists inside lists are flattened to this depth; kubectl has no limit, but no real file comes near it. */
const MAX_LIST_DEPTH = 16;

/**
 * Turns one decoded document into the objects kubectl sends, the way its resource builder does: apimachinery's
 * unstructured decoder treats ANY object with an `items` key as a list (not only `kind: List`), gives items that
 * have neither `kind` nor `apiVersion` the list's apiVersion and its kind without the `List` suffix, and the
 * builder's FlattenListVisitor then expands every item that has an `items` array, at any depth. The list object
 * itself is never sent: a ConfigMap that carries `items: [<Pod>]` is applied as that Pod.
 *
 * A document kubectl refuses (not a mapping, no `kind`, an item that is not a mapping) gives a refusal instead.
 * The input is not modified: items that get a kind are copies.
 */
export function flattenLikeKubectl(document: unknown): FlattenResult {
  if (!isObject(document)) return { refusal: `kubectl refuses a document that is ${describe(document)}, not a mapping` };
  if (!('items' in document)) return leaf(document, document, []);

  // unstructuredJSONScheme.decodeToList: `items` must decode as a list of objects (null is an empty list).
  const items = document.items;
  if (items !== null && !Array.isArray(items)) return { refusal: `kubectl refuses an object whose items field is ${describe(items)} (it reads any object with items as a list)` };
  const listKind = stringField(document, 'kind');
  if (listKind === '') return { refusal: 'kubectl refuses an object without a kind ("Object \'Kind\' is missing")' };
  const itemKind = listKind.endsWith('List') ? listKind.slice(0, -'List'.length) : listKind;
  const listApiVersion = stringField(document, 'apiVersion');
  const objects: FlattenedObject[] = [];
  const pending: Array<{ value: unknown; source: unknown; path: Array<string | number>; depth: number }> = [];
  (items ?? []).forEach((item: unknown, index: number) => {
    const filled = isObject(item) && stringField(item, 'kind') === '' && stringField(item, 'apiVersion') === ''
      ? { ...item, kind: itemKind, apiVersion: listApiVersion }
      : item;
    pending.push({ value: filled, source: item, path: ['items', index], depth: 1 });
  });
  for (let i = 0; i < pending.length; i++) {
    const { value, source, path, depth } = pending[i];
    if (!isObject(value)) return { refusal: `kubectl refuses a list whose item ${pathText(path)} is ${describe(value)}, not an object` };
    if (Array.isArray(value.items)) {
      if (depth >= MAX_LIST_DEPTH) return { refusal: `lists nest deeper than ${MAX_LIST_DEPTH} levels at ${pathText(path)}` };
      value.items.forEach((item: unknown, index: number) => pending.push({ value: item, source: item, path: [...path, 'items', index], depth: depth + 1 }));
      continue;
    }
    const result = leaf(value, source as object, path);
    if (result.refusal) return result;
    objects.push(...result.objects!);
  }
  return { objects };
}

function leaf(value: { [key: string]: unknown }, source: object, path: Array<string | number>): FlattenResult {
  const where = path.length ? `the list item ${pathText(path)}` : 'an object';
  if (stringField(value, 'kind') === '') return { refusal: `kubectl refuses ${where} without a kind ("Object 'Kind' is missing")` };
  if (stringField(value, 'apiVersion') === '') return { refusal: `kubectl refuses ${where} without an apiVersion` };
  return { objects: [{ value, source, path }] };
}

/** apimachinery's GetKind/GetAPIVersion: the field when it is a string, else "". */
function stringField(object: { [key: string]: unknown }, field: string): string {
  const value = object[field];
  return typeof value === 'string' ? value : '';
}

function pathText(path: Array<string | number>): string {
  return path.map(step => (typeof step === 'number' ? `[${step}]` : `.${step}`)).join('').replace(/^\./, '');
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a sequence';
  if (typeof value === 'object') return 'a mapping';
  return `a ${typeof value} (${JSON.stringify(value)?.slice(0, 40)})`;
}
