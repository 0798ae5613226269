import { Document, isAlias, isMap, isPair, isScalar, isSeq, LineCounter, Node, Pair } from 'yaml';
import { parseFieldPath, PathStep } from './field-path';
import { IFieldLocator } from '../engine/manifest-object';

/**
 * Finds the line of a field in the YAML it was read from, by walking the parsed document's nodes.
 *
 * The walk runs only when a finding asks for a line, so clean objects cost nothing. A field that does not exist
 * (the rule reports a missing setting) resolves to its closest ancestor that does.
 */
export class YamlFieldLocator implements IFieldLocator {
  constructor(
    private readonly document: Document,
    private readonly root: Node,
    private readonly lineCounter: LineCounter,
  ) {}

  public lineOf(path: string): number | undefined {
    const steps = parseFieldPath(path);
    let offset = this.root.range?.[0];
    if (!steps) return this.line(offset);
    let node: unknown = this.root;
    for (let i = 0; i < steps.length; i++) {
      node = this.deref(node);
      const step = steps[i];
      if ('index' in step) {
        if (!isSeq(node)) break;
        const item = node.items[step.index];
        if (item === undefined) break;
        node = item;
        offset = rangeStart(item) ?? offset;
      } else {
        if (!isMap(node)) break;
        const found = this.findKey(node.items as Pair[], steps, i);
        if (!found) break;
        node = found.pair.value;
        offset = rangeStart(found.pair.key) ?? rangeStart(found.pair.value) ?? offset;
        i += found.consumed - 1;
      }
    }
    return this.line(offset);
  }

  /**
   * The pair for the key at `steps[start]`. A key containing dots (`example.com/x`) was split by the path syntax:
   * it is matched by joining the following key steps back together.
   */
  private findKey(pairs: Pair[], steps: PathStep[], start: number): { pair: Pair; consumed: number } | undefined {
    let key = '';
    for (let j = start; j < steps.length; j++) {
      const step = steps[j];
      if (!('key' in step)) break;
      key = j === start ? step.key : `${key}.${step.key}`;
      const pair = this.pairNamed(pairs, key, 0);
      if (pair) return { pair, consumed: j - start + 1 };
    }
    return undefined;
  }

  private pairNamed(pairs: Pair[], key: string, depth: number): Pair | undefined {
    for (const pair of pairs) {
      if (isPair(pair) && isScalar(pair.key) && typeof pair.key.value !== 'symbol' && String(pair.key.value) === key) return pair;
    }
    // Merge keys (`<<: *defaults`) bring their fields in from the anchored map.
    if (depth > 8) return undefined;
    for (const pair of pairs) {
      if (!isPair(pair) || !isMergeKey(pair.key)) continue;
      const sources = isSeq(this.deref(pair.value)) ? (this.deref(pair.value) as any).items : [pair.value];
      for (const source of sources) {
        const target = this.deref(source);
        if (isMap(target)) {
          const found = this.pairNamed(target.items as Pair[], key, depth + 1);
          if (found) return found;
        }
      }
    }
    return undefined;
  }

  private deref(node: unknown): unknown {
    return isAlias(node) ? node.resolve(this.document) : node;
  }

  private line(offset: number | undefined): number | undefined {
    return offset === undefined ? undefined : this.lineCounter.linePos(offset).line;
  }
}

/** `<<` resolves to a symbol when merge keys are enabled, and stays a string otherwise. */
function isMergeKey(key: unknown): boolean {
  if (!isScalar(key)) return false;
  const value = key.value;
  return value === '<<' || (typeof value === 'symbol' && value.description === '<<');
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as Node | undefined)?.range;
  return range ? range[0] : undefined;
}
