/**
 * Where the fields of one composed document sit: the 0-based line of every mapping key and of every sequence
 * item, by the container the composer built. Recorded while composing (the composer knows every key's line
 * anyway), so finding the line a finding points at re-reads nothing.
 */
export class FieldLines {
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

  /** The recorded lines of a mapping's keys (for a merge, which brings them into another mapping). */
  public keysOf(mapping: object): { [key: string]: number } | undefined {
    return this.keys.get(mapping);
  }
}
