import { FieldLineIndex, FieldStep } from './field-lines';

/**
 * The lines of a document's fields in one small array, for a document whose value is a tree written in document
 * order (no aliases, no merges, no key a JavaScript object reorders): for every mapping key and sequence item in
 * pre-order (a key, then the fields inside its value, then the next key), its line and how many fields its value
 * holds, so that a lookup steps over a sibling's value at once. Four bytes per field for most documents, against an
 * object per mapping for `FieldLines`.
 */
export class PreorderFieldLines implements FieldLineIndex {
  /** An empty record, to be filled in pre-order with `enter` and `leave`. */
  public static recorder(): PreorderRecorder {
    return new PreorderRecorder();
  }

  /** @param fields line, then field count of the value, for each field in pre-order */
  constructor(public readonly fields: Uint16Array | Uint32Array) {}

  public keyStep(mapping: object, position: number, key: string): FieldStep | undefined {
    if (!Object.prototype.hasOwnProperty.call(mapping, key)) return undefined;
    let at = position;
    // for-in walks the same own keys, in the same order, as Object.keys (decoded mappings are plain objects with
    // nothing enumerable on their prototype), without making an array of them on every step.
    for (const name in mapping) {
      if (name === key) return this.step(at);
      at = this.next(at);
    }
    return undefined;
  }

  public itemStep(sequence: unknown[], position: number, index: number): FieldStep | undefined {
    if (index < 0 || index >= sequence.length) return undefined;
    let at = position;
    for (let i = 0; i < index; i++) at = this.next(at);
    return this.step(at);
  }

  /** The field after the one at `at` and everything inside its value. */
  private next(at: number): number {
    return at + 1 + this.fields[2 * at + 1];
  }

  private step(at: number): FieldStep | undefined {
    return 2 * at < this.fields.length ? { line: this.fields[2 * at], position: at + 1 } : undefined;
  }
}

/** Records fields in pre-order as a reader meets them. */
export class PreorderRecorder {
  private readonly fields: number[] = [];
  private max = 0;

  /** Records a key or item on `line`; returns its handle for `leave`. */
  public enter(line: number): number {
    const handle = this.fields.length;
    this.fields.push(line, 0);
    if (line > this.max) this.max = line;
    return handle;
  }

  /** Ends the value of the field `handle`: every field recorded since is inside it. */
  public leave(handle: number): void {
    const inside = (this.fields.length - handle) / 2 - 1;
    this.fields[handle + 1] = inside;
    if (inside > this.max) this.max = inside;
  }

  /** The record, in the narrowest array that holds it. */
  public finish(): PreorderFieldLines {
    return new PreorderFieldLines(this.max < 0x10000 ? Uint16Array.from(this.fields) : Uint32Array.from(this.fields));
  }
}
