import { FieldLineIndex } from './field-lines';
import { parseFieldPath, PathStep } from '../cli/field-path';
import { IFieldLocator } from '../engine/manifest-object';
import { boundedMemo } from '../private/bounded-memo';

/**
 * Finds the line of a field of an object from the lines the composer recorded for its document: a walk down the
 * composed value, key by key, that re-reads nothing. Merged keys are found where the merged mapping wrote them, and
 * an alias where its anchor did. A field that does not exist (the rule reports a missing setting) resolves to its
 * closest ancestor that does.
 */
export class RecordedFieldLocator implements IFieldLocator {
  /**
   * @param root the composed value of the document
   * @param prefix where the object sits in the document: [] for the document itself, ['items', 2] for a list item
   * @param firstLine the 1-based line of the document in its file
   * @param rootLine the 0-based line of the document's root node within the document
   * @param lines what the reader recorded
   */
  constructor(
    public readonly root: unknown,
    public readonly prefix: Array<string | number>,
    public readonly firstLine: number,
    public readonly rootLine: number,
    public readonly lines: FieldLineIndex,
  ) {}

  public lineOf(path: string): number | undefined {
    const parsed = parsedPath(path);
    const steps: readonly PathStep[] = this.prefix.length === 0 ? parsed : [
      ...this.prefix.map(step => (typeof step === 'number' ? { index: step } : { key: step })),
      ...parsed,
    ];
    let node: unknown = this.root;
    let line = this.rootLine;
    let position = 0;
    for (let i = 0; i < steps.length; i++) {
      const step = steps[i];
      if ('index' in step) {
        const item = Array.isArray(node) ? this.lines.itemStep(node, position, step.index) : undefined;
        if (item === undefined) break;
        line = item.line;
        position = item.position;
        node = (node as unknown[])[step.index];
        continue;
      }
      if (typeof node !== 'object' || node === null || Array.isArray(node)) break;
      // A key with dots (`example.com/x`) was split by the path syntax: join the following key steps back.
      let key = '';
      let found = false;
      for (let j = i; j < steps.length; j++) {
        const next = steps[j];
        if (!('key' in next)) break;
        key = j === i ? next.key : `${key}.${next.key}`;
        const keyFound = this.lines.keyStep(node, position, key);
        if (keyFound !== undefined) {
          line = keyFound.line;
          position = keyFound.position;
          node = (node as { [key: string]: unknown })[key];
          i = j;
          found = true;
          break;
        }
      }
      if (!found) break;
    }
    return this.firstLine + line;
  }
}

/** Rules point at the same few paths on every object: each is parsed once. */
const parsedPath: (path: string) => readonly PathStep[] = boundedMemo(path => parseFieldPath(path) ?? [], 5000);
