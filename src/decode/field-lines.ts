/** The line of a key or item, and the position its value's own fields start at (for the index that has positions). */
export interface FieldStep {
  readonly line: number;
  readonly position: number;
}

/**
 * Where the fields of one decoded document sit, read step by step down the decoded value: each step names the
 * mapping or sequence (the value itself) and the position the index gave for it (0 for the root).
 */
export interface FieldLineIndex {
  /** The line of a key of a decoded mapping; undefined when the mapping has no such key or is unknown. */
  keyStep(mapping: object, position: number, key: string): FieldStep | undefined;
  /** The line of an item of a decoded sequence; undefined when unknown. */
  itemStep(sequence: unknown[], position: number, index: number): FieldStep | undefined;
}

/**
 * Where the fields of one composed document sit: the 0-based line of every mapping key and of every sequence
 * item, by the container the composer built. Recorded while composing (the composer knows every key's line
 * anyway), so finding the line a finding points at re-reads nothing.
 */
export class FieldLines implements FieldLineIndex {
  private readonly keys = new Map<object, { [key: string]: number }>();
  private readonly items = new Map<unknown[], number[]>();

  /** Records the lines of a mapping's keys (as kubectl's JSON keys). */
  public setKeys(mapping: object, lines: { [key: string]: number }): void {
    this.keys.set(mapping, lines);
  }

  /** Records the lines of a sequence's items, in order. */
  public setItems(sequence: unknown[], lines: number[]): void {
    this.items.set(sequence, lines);
  }

  /** The line of a key of a composed mapping; undefined when the key or the mapping is unknown. */
  public keyLine(mapping: object, key: string): number | undefined {
    const lines = this.keys.get(mapping);
    return lines !== undefined && Object.prototype.hasOwnProperty.call(lines, key) ? lines[key] : undefined;
  }

  /** The line of an item of a composed sequence; undefined when unknown. */
  public itemLine(sequence: unknown[], index: number): number | undefined {
    const lines = this.items.get(sequence);
    return lines !== undefined && index >= 0 && index < lines.length ? lines[index] : undefined;
  }

  public keyStep(mapping: object, _position: number, key: string): FieldStep | undefined {
    const line = this.keyLine(mapping, key);
    return line === undefined ? undefined : { line, position: 0 };
  }

  public itemStep(sequence: unknown[], _position: number, index: number): FieldStep | undefined {
    const line = this.itemLine(sequence, index);
    return line === undefined ? undefined : { line, position: 0 };
  }

  /** The recorded lines of a sequence's items. */
  public itemsOf(sequence: unknown[]): readonly number[] | undefined {
    return this.items.get(sequence);
  }

  /** The recorded lines of a mapping's keys (for a merge, which brings them into another mapping). */
  public keysOf(mapping: object): { [key: string]: number } | undefined {
    return this.keys.get(mapping);
  }
}
