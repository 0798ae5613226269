import { Document, isMap, isPair, isScalar, isSeq, LineCounter, Node, parseAllDocuments, YAMLError } from 'yaml';
import { InputError } from './input-error';
import { YamlFieldLocator } from './yaml-field-locator';
import { MAX_ALIAS_COUNT, MAX_DEPTH, YAML_PARSE_OPTIONS, YAML_TOJS_OPTIONS } from './yaml-options';
import { IFieldLocator } from '../engine/manifest-object';
import { isObject } from '../private/json';

/** One top-level value read from a file: a document, or an item of a `List` document. */
export interface ParsedValue {
  /** The plain value (any JSON type). */
  readonly value: unknown;
  /** 1-based line where the value starts. */
  readonly line?: number;
  /** Finds the lines of fields inside the value. */
  readonly locator?: IFieldLocator;
}

/**
 * Parses the text of a file (YAML, one or many documents, or JSON) into its top-level values, with `List`
 * objects expanded into their items. Empty documents (a lone `---`, comments only) are dropped.
 *
 * Throws an InputError with the line for malformed YAML, alias bombs and nesting deeper than MAX_DEPTH: a file
 * with any such problem is refused as a whole, since what follows a syntax error cannot be trusted.
 */
export function parseManifests(text: string, file: string): ParsedValue[] {
  const lineCounter = new LineCounter();
  const lineOf = (offset: number | undefined) => (offset === undefined ? undefined : lineCounter.linePos(offset).line);
  let documents: Document.Parsed[];
  try {
    documents = parseAllDocuments(text, { ...YAML_PARSE_OPTIONS, lineCounter }) as Document.Parsed[];
  } catch (e) {
    throw new InputError({ file, message: `the file cannot be parsed: ${describe(e)}` });
  }
  if (!Array.isArray(documents)) documents = []; // an empty stream

  const values: ParsedValue[] = [];
  for (const document of documents) {
    const error = document.errors[0];
    if (error) throw yamlError(error, file);
    const contents = document.contents as Node | null;
    if (contents === null || (isScalar(contents) && contents.value === null)) continue;
    const line = lineOf(contents.range?.[0]);

    let value: unknown;
    try {
      value = document.toJS(YAML_TOJS_OPTIONS);
    } catch (e) {
      if (e instanceof ReferenceError && /alias/i.test(e.message)) {
        throw new InputError({ file, line, message: `the document expands YAML aliases more than ${MAX_ALIAS_COUNT} times (an alias bomb?); refusing to expand it` });
      }
      if (e instanceof RangeError) throw tooDeep(file, line);
      throw new InputError({ file, line, message: `the document cannot be read: ${describe(e)}` });
    }
    if (exceedsDepth(value, MAX_DEPTH)) throw tooDeep(file, line);
    expandLists(value, contents, document, lineCounter, values, 0);
  }
  return values;
}

/**
 * Adds a value, or the items of a list object (`kind: List`, or a typed list such as `DeploymentList` from the API)
 * in their place. Items of a typed list lack `apiVersion` and `kind`: they get the list's.
 */
function expandLists(value: unknown, node: Node | undefined, document: Document, lineCounter: LineCounter, out: ParsedValue[], depth: number): void {
  const itemsNode = node && isMap(node) ? pairValue(node, 'items') : undefined;
  if (isListObject(value) && depth < 8) {
    const itemKind = value.kind === 'List' ? undefined : value.kind.slice(0, -'List'.length);
    value.items.forEach((item: unknown, index: number) => {
      const itemNode = itemsNode && isSeq(itemsNode) ? (itemsNode.items[index] as Node | undefined) : undefined;
      const filled = itemKind && isObject(item) && item.kind === undefined && item.apiVersion === undefined
        ? { apiVersion: value.apiVersion, kind: itemKind, ...item }
        : item;
      expandLists(filled, itemNode, document, lineCounter, out, depth + 1);
    });
    return;
  }
  const start = node?.range?.[0];
  out.push({
    value,
    line: start === undefined ? undefined : lineCounter.linePos(start).line,
    locator: node ? new YamlFieldLocator(document, node, lineCounter) : undefined,
  });
}

function isListObject(value: unknown): value is { apiVersion: unknown; kind: string; items: unknown[] } {
  return isObject(value) && typeof value.kind === 'string' && value.kind.endsWith('List') && Array.isArray(value.items);
}

function pairValue(map: Node, key: string): Node | undefined {
  if (!isMap(map)) return undefined;
  for (const pair of map.items) {
    if (isPair(pair) && isScalar(pair.key) && pair.key.value === key) return pair.value as Node | undefined;
  }
  return undefined;
}

/** True when the value nests deeper than `max` (checked without recursion, so the check itself cannot overflow). */
function exceedsDepth(value: unknown, max: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length) {
    const [current, depth] = stack.pop()!;
    if (typeof current !== 'object' || current === null) continue;
    if (depth >= max) return true;
    const children = Array.isArray(current) ? current : Object.values(current);
    for (const child of children) {
      if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
    }
  }
  return false;
}

function yamlError(error: YAMLError, file: string): InputError {
  const position = error.linePos?.[0];
  const text = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  if (/call stack/i.test(text)) return tooDeep(file, position?.line);
  return new InputError({
    file,
    line: position?.line,
    column: position?.col,
    message: `malformed YAML: ${text}${error.code ? ` (${error.code})` : ''}`,
  });
}

function tooDeep(file: string, line: number | undefined): InputError {
  return new InputError({ file, line, message: `the document nests deeper than ${MAX_DEPTH} levels; no Kubernetes manifest does, refusing to read it` });
}

function describe(e: unknown): string {
  return e instanceof Error ? e.message.split('\n')[0] : String(e);
}
