import { parseFirstDocument, NodeKind, YamlNode } from './goyaml/compose';
import { ScalarStyle } from './goyaml/events';
import { resolveScalar } from './goyaml/resolve';
import { jsonKeyOf } from './json-key';
import { DocumentChunk } from './split-documents';
import { parseFieldPath, PathStep } from '../cli/field-path';
import { IFieldLocator } from '../engine/manifest-object';

// The node tree of the last chunk a finding asked about. Findings come object by object, in document order, and
// the objects of one chunk (the items of a List) are consecutive: one tree at a time is enough, and a scan of
// thousands of documents never holds the trees of all of them.
let lastChunk: DocumentChunk | undefined;
let lastTree: YamlNode | null = null;

/**
 * Finds the line of a field of an object decoded from a YAML document. Decoding builds no syntax tree, so clean
 * objects cost nothing here: the first finding that asks for a line re-reads its document with go-yaml's parser and
 * walks the nodes (merge keys and aliases included). A field that does not exist (the rule reports a missing setting)
 * resolves to its closest ancestor that does.
 */
export class ChunkFieldLocator implements IFieldLocator {
  /**
   * @param chunk the document the object came from
   * @param prefix where the object sits in the document: [] for the document itself, ['items', 2] for a list item
   */
  constructor(public readonly chunk: DocumentChunk, public readonly prefix: Array<string | number>) {}

  public lineOf(path: string): number | undefined {
    const root = this.tree();
    if (!root) return undefined;
    const steps: PathStep[] = [
      ...this.prefix.map(step => (typeof step === 'number' ? { index: step } : { key: step })),
      ...(parseFieldPath(path) ?? []),
    ];
    let node: YamlNode | undefined = root;
    let line = root.line;
    for (let i = 0; i < steps.length && node; i++) {
      node = deref(node);
      const step = steps[i];
      if ('index' in step) {
        const item: YamlNode | undefined = node.kind === NodeKind.SEQUENCE ? node.children[step.index] : undefined;
        if (!item) break;
        node = item;
        line = item.line;
      } else {
        if (node.kind !== NodeKind.MAPPING) break;
        const found = findKey(node, steps, i);
        if (!found) break;
        node = found.value;
        line = found.key.line;
        i += found.consumed - 1;
      }
    }
    return this.chunk.firstLine + line - 1;
  }

  private tree(): YamlNode | undefined {
    if (lastChunk !== this.chunk) {
      try {
        lastTree = parseFirstDocument(this.chunk.text).root?.children[0] ?? null;
      } catch {
        lastTree = null; // the document decoded, so this cannot happen; lines are a convenience, never a failure
      }
      lastChunk = this.chunk;
    }
    return lastTree ?? undefined;
  }
}

/**
 * The key/value pair for the key at `steps[start]`. A key containing dots (`example.com/x`) was split by the path
 * syntax: it is matched by joining the following key steps back together.
 */
function findKey(mapping: YamlNode, steps: PathStep[], start: number): { key: YamlNode; value: YamlNode; consumed: number } | undefined {
  let key = '';
  for (let j = start; j < steps.length; j++) {
    const step = steps[j];
    if (!('key' in step)) break;
    key = j === start ? step.key : `${key}.${step.key}`;
    const pair = pairNamed(mapping, key, 0);
    if (pair) return { ...pair, consumed: j - start + 1 };
  }
  return undefined;
}

function pairNamed(mapping: YamlNode, key: string, depth: number): { key: YamlNode; value: YamlNode } | undefined {
  const children = mapping.children;
  // Explicit keys win over merged ones (a merge that would override an explicit key is refused when decoding).
  for (let i = 0; i + 1 < children.length; i += 2) {
    if (!isMerge(children[i]) && jsonKeyOfNode(deref(children[i])) === key) return { key: children[i], value: children[i + 1] };
  }
  if (depth > 8) return undefined;
  for (let i = 0; i + 1 < children.length; i += 2) {
    if (!isMerge(children[i])) continue;
    const value = deref(children[i + 1]);
    const sources = value.kind === NodeKind.SEQUENCE ? value.children : [value];
    for (const source of sources) {
      const target = deref(source);
      if (target.kind !== NodeKind.MAPPING) continue;
      const found = pairNamed(target, key, depth + 1);
      if (found) return found;
    }
  }
  return undefined;
}

function isMerge(node: YamlNode): boolean {
  return node.kind === NodeKind.SCALAR && node.value === '<<' && node.style === ScalarStyle.PLAIN && node.tag === '';
}

/** The JSON key kubectl makes of a key node (`yes` -> "true", `0x1` -> "1"), or undefined for keys it cannot. */
function jsonKeyOfNode(node: YamlNode): string | undefined {
  if (node.kind !== NodeKind.SCALAR) return undefined;
  if (node.style !== ScalarStyle.PLAIN) return node.value;
  try {
    const converted = jsonKeyOf(resolveScalar('', node.value, ScalarStyle.PLAIN), node.value);
    return converted.refusal === undefined ? converted.key : undefined;
  } catch {
    return undefined;
  }
}

function deref(node: YamlNode): YamlNode {
  let current = node;
  for (let i = 0; i < 16 && current.kind === NodeKind.ALIAS && current.alias; i++) current = current.alias;
  return current;
}
