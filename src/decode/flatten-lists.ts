import { typedMetadataError } from './typed-metadata';
import { isObject } from '../private/json';

/** One object of a document after kubectl's list flattening. */
export interface FlattenedObject {
  readonly value: { [key: string]: unknown };
  /** The object as the document holds it (the value is a copy where kubectl changes it). */
  readonly source: object;
  /** Where the object sits inside its document: [] for the document itself, ['items', 2] for a list item. */
  readonly path: Array<string | number>;
}

/** The objects kubectl sends for one document, and why it refuses the rest (a whole document, or list items). */
export interface FlattenResult {
  readonly objects: FlattenedObject[];
  readonly refusals: string[];
  /** Set when readers may disagree about the document: the whole file is then refused. */
  readonly ambiguous?: string;
}

/**
 * Turns one decoded document into the objects kubectl sends, the way its resource builder does:
 * - apimachinery's unstructured decoder treats ANY object with an `items` key as a list (not only `kind: List`):
 *   the list object itself is never sent, so a ConfigMap that carries `items: [<Pod>]` is applied as that Pod;
 * - items that have neither `kind` nor `apiVersion` get the list's apiVersion and its kind without `List`;
 * - the builder's FlattenListVisitor refuses the whole list when an item is itself a list (an `items` array), and
 *   refuses single items without kind or apiVersion while applying the others;
 * - documents whose kind, apiVersion or metadata do not decode into their Go types are refused;
 * - a namespace that is not a non-empty string is dropped (the object goes to the default namespace).
 * The input is not modified: changed objects are copies.
 */
export function flattenLikeKubectl(document: unknown): FlattenResult {
  if (!isObject(document)) return refused(`kubectl refuses a document that is ${describe(document)}, not a mapping`);
  const typeError = typedMetadataError(document);
  if (typeError) return refused(typeError);
  if (stringField(document, 'kind') === '') return refused('kubectl refuses an object without a kind ("Object \'Kind\' is missing")');
  if (!('items' in document) && stringField(document, 'apiVersion') === '') {
    // kubectl maps a kind without a version to the server's preferred version and applies the object: we cannot know
    // which version (and so which API group) that is, so the object cannot be checked as the cluster will see it.
    return {
      objects: [],
      refusals: [],
      ambiguous: `an object of kind ${JSON.stringify(document.kind)} without apiVersion: kubectl applies it at the server's preferred version, which this file does not say; write its apiVersion`,
    };
  }
  if (!('items' in document)) return { objects: [sent(document, document, [])], refusals: [] };

  // unstructuredJSONScheme.decodeToList: `items` must decode as a list of objects (null is an empty list).
  const items = document.items;
  if (items !== null && !Array.isArray(items)) return refused(`kubectl refuses an object whose items field is ${describe(items)} (it reads any object with items as a list)`);
  // A null item decodes into an empty map, which then gets the list's kind and apiVersion like any bare item.
  const list = ((items ?? []) as unknown[]).map(item => (item === null ? {} : item));
  const notObject = list.findIndex(item => !isObject(item));
  if (notObject >= 0) return refused(`kubectl refuses a list whose item items[${notObject}] is ${describe(list[notObject])}, not an object`);
  const nested = list.findIndex(item => Array.isArray((item as { items?: unknown }).items));
  if (nested >= 0) return refused(`kubectl refuses a list whose item items[${nested}] is itself a list ("is not a list: no Items field"): put the items in the outer list`);

  const listKind = stringField(document, 'kind');
  const itemKind = listKind.endsWith('List') ? listKind.slice(0, -'List'.length) : listKind;
  const listApiVersion = stringField(document, 'apiVersion');
  const result: FlattenResult = { objects: [], refusals: [] };
  list.forEach((item, index) => {
    const source = item as { [key: string]: unknown };
    const value = stringField(source, 'kind') === '' && stringField(source, 'apiVersion') === ''
      ? { ...source, kind: itemKind, apiVersion: listApiVersion }
      : source;
    if (stringField(value, 'kind') === '') result.refusals.push(`kubectl refuses the list item items[${index}]: it has no kind ("Object 'Kind' is missing")`);
    else if (stringField(value, 'apiVersion') === '') result.refusals.push(`kubectl refuses the list item items[${index}]: it has no apiVersion ("Object 'apiVersion' is missing")`);
    else result.objects.push(sent(value, source, ['items', index]));
  });
  return result;
}

function sent(value: { [key: string]: unknown }, source: object, path: Array<string | number>): FlattenedObject {
  const metadata = value.metadata;
  if (isObject(metadata) && 'namespace' in metadata && (typeof metadata.namespace !== 'string' || metadata.namespace === '')) {
    const { namespace: _dropped, ...rest } = metadata;
    return { value: { ...value, metadata: rest }, source, path };
  }
  return { value, source, path };
}

function refused(reason: string): FlattenResult {
  return { objects: [], refusals: [reason] };
}

/** apimachinery's GetKind/GetAPIVersion: the field when it is a string, else "". */
function stringField(object: { [key: string]: unknown }, field: string): string {
  const value = object[field];
  return typeof value === 'string' ? value : '';
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a sequence';
  if (typeof value === 'object') return 'a mapping';
  return `a ${typeof value} (${JSON.stringify(value)?.slice(0, 40)})`;
}
