import { ComposedDocument, plainScalarValue, REFUSED_SCALAR } from './compose-value';
import { defineKey } from './json-stream';
import { PreorderFieldLines, PreorderRecorder } from './preorder-field-lines';
import { isProvenString } from './proven-read-back';
import { ownString } from '../private/own-string';

/** A document the plain block reader read: what the composer gives, with the lines of its fields when asked for. */
export interface PlainBlockDocument extends ComposedDocument {
  /** Undefined unless `recordLines` was set. */
  readonly lines?: PreorderFieldLines;
}

/**
 * Reads a document written in the plain block style most manifests use, line by line, without go-yaml's scanner and
 * parser, or declines (returns undefined) so that the caller composes it with them. It answers only where the
 * answer is the full composer's, value and field lines alike (a property test holds the two equal): the document is
 * printable text (ASCII, or Unicode go-yaml's reader takes as one printable character), its root is a block mapping,
 * and every line is blank, a comment, or
 *   [indent] ["- "...] key ":" [value]
 *   [indent] "- " value
 * where a key is a string of the conservative shape `isProvenString` accepts (or quoted without escapes), and a
 * value is a one-line plain scalar (typed by our port of go-yaml's resolver), a one-line quoted scalar without
 * escapes, `[]`, `{}`, or a literal block scalar (`|`, `|-`). Anything else declines: tabs, folded and keep-chomping
 * block scalars, flow collections with content, anchors, aliases, tags, merge keys, directives, comments after a
 * value, scalars that go on to the next line, duplicate keys, keys that are not strings or that JavaScript orders
 * first (array indexes), values the composer refuses, and any indentation YAML reads other than as nesting. Declining costs one pass over the text; the common manifest is read several times faster.
 */
export function readPlainBlockDocument(text: string, recordLines: boolean = false, ownStrings: boolean = true): PlainBlockDocument | undefined {
  // Printable characters and line feeds only: no tab, no character go-yaml's reader refuses or takes for a line
  // break (NEL, LS, PS), no byte-order mark, no astral character (whose UTF-16 pair would count as two columns).
  if (NOT_PLAIN_TEXT.test(text)) return undefined;
  const reader = new PlainBlockReader(text, recordLines, ownStrings);
  try {
    return reader.read();
  } catch (e) {
    if (e === DECLINE) return undefined;
    throw e;
  }
}

const NOT_PLAIN_TEXT = /[^\n\x20-\x7e\u00a0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd]/;
const DECLINE = Symbol('decline');
const sameString = (value: string) => value;
/** Deeper documents are composed: no manifest comes near it, and the reader recurses. */
const MAX_DEPTH = 100;
/** go-yaml refuses a simple key longer than 1024 characters; longer keys are left to it. */
const MAX_KEY_LENGTH = 1000;
// A plain scalar value starts with one of these (no indicator: `-?:,[]{}#&*!|>'"%@` and backquote), or with any
// printable character beyond ASCII.
const PLAIN_START = /[A-Za-z0-9._/~+=$(\u00a0-\ufffd-]/;
const ARRAY_INDEX = /^(?:0|[1-9][0-9]*)$/;

/** The content lines of a document: where each starts (after its indentation) and ends (before trailing spaces). */
interface ContentLines {
  readonly start: number[];
  readonly end: number[];
  /** Column of the content (the indentation), moved past `- ` for a mapping that starts on a sequence's line. */
  readonly column: number[];
  /** 0-based line number in the document. */
  readonly line: number[];
}

class PlainBlockReader {
  private readonly content: ContentLines = { start: [], end: [], column: [], line: [] };
  /** Index of the current content line. */
  private at = 0;
  private readonly itemLines = new WeakMap<object, number>();
  /** The key read by the last keyEnd() that found one. */
  private lastKey = '';
  /** The line keyEnd() last read, and what it found: a sequence asks before its item's mapping reads the key. */
  private keyedLine = -1;
  private keyedValueStart = -1;
  /** The line of every key and item, in pre-order (see PreorderFieldLines), when lines are recorded. */
  private readonly lines: PreorderRecorder | undefined;

  /** Makes a string value a copy of its own, or leaves it a view of the text when the value is serialized at once. */
  private readonly own: (value: string) => string;

  constructor(private readonly text: string, recordLines: boolean, ownStrings: boolean) {
    this.lines = recordLines ? PreorderFieldLines.recorder() : undefined;
    this.own = ownStrings ? ownString : sameString;
  }

  public read(): PlainBlockDocument | undefined {
    this.splitLines();
    const c = this.content;
    if (c.start.length === 0) return undefined; // empty or comments only: the composer says what that is
    // mapping() declines a first line that is not a key (a root sequence or scalar).
    const rootLine = c.line[0];
    const value = this.mapping(c.column[0], 0);
    if (this.at !== c.start.length) throw DECLINE;
    const lines = this.lines?.finish();
    return { value, line: rootLine, itemLines: this.itemLines, moreDocuments: false, lines };
  }

  private splitLines(): void {
    const text = this.text;
    const { start, end, column, line } = this.content;
    let from = 0;
    let lineNumber = 0;
    const length = text.length;
    while (from < length) {
      let to = text.indexOf('\n', from);
      if (to < 0) to = length;
      let s = from;
      while (s < to && text.charCodeAt(s) === 0x20) s++;
      let e = to;
      while (e > s && text.charCodeAt(e - 1) === 0x20) e--;
      // Blank lines and comment lines do not change a block document's structure.
      if (e > s && text.charCodeAt(s) !== 0x23) {
        start.push(s);
        end.push(e);
        column.push(s - from);
        line.push(lineNumber);
      }
      lineNumber++;
      from = to + 1;
    }
  }

  /** A block mapping whose keys are at `column`, from the current line. */
  private mapping(column: number, depth: number): { [key: string]: unknown } {
    if (depth > MAX_DEPTH) throw DECLINE;
    const c = this.content;
    const object: { [key: string]: unknown } = {};
    const count = c.start.length;
    while (this.at < count) {
      const i = this.at;
      const col = c.column[i];
      if (col < column) break;
      // Deeper than the keys: a plain scalar that goes on, or a key of no mapping. Every line indented past its
      // mapping or sequence ends up here, so no value is taken for whole when the next line continues it.
      if (col > column) throw DECLINE;
      const valueStart = this.keyEnd(i);
      if (valueStart < 0) throw DECLINE; // a sequence entry or a scalar where a key belongs
      const key = this.lastKey;
      if (Object.prototype.hasOwnProperty.call(object, key)) throw DECLINE; // the composer refuses duplicates
      const field = this.lines?.enter(c.line[i]);
      let value: unknown;
      if (valueStart < c.end[i]) {
        value = this.inlineValue(valueStart, c.end[i], i, column);
        this.at++;
      } else {
        this.at++;
        value = this.blockValue(column, key === 'items', depth);
      }
      if (field !== undefined) this.lines!.leave(field);
      defineKey(object, key, value);
    }
    return object;
  }

  /** The value of a key written alone on its line: the block node on the next lines, or null. */
  private blockValue(keyColumn: number, isItems: boolean, depth: number): unknown {
    const c = this.content;
    if (this.at >= c.start.length) return null;
    const i = this.at;
    const col = c.column[i];
    if (col > keyColumn) {
      if (this.isEntry(i)) return this.sequence(col, isItems, depth + 1);
      return this.mapping(col, depth + 1); // which declines a scalar on the next line
    }
    // A sequence may sit at its key's own column (an indentless sequence).
    if (col === keyColumn && this.isEntry(i)) return this.sequence(col, isItems, depth + 1);
    return null;
  }

  /** A block sequence whose `-` are at `column`, from the current line. */
  private sequence(column: number, isItems: boolean, depth: number): unknown[] {
    if (depth > MAX_DEPTH) throw DECLINE;
    const c = this.content;
    const text = this.text;
    const array: unknown[] = [];
    const count = c.start.length;
    while (this.at < count) {
      const i = this.at;
      const col = c.column[i];
      if (col < column) break;
      // A line that is not an entry ends the sequence; the mapping that holds it declines what is not its own key
      // (for a sequence deeper than its key, anything at the sequence's column).
      if (col > column || !this.isEntry(i)) break;
      let s = c.start[i] + 1;
      while (text.charCodeAt(s) === 0x20) s++;
      if (s >= c.end[i]) throw DECLINE; // `-` alone: the item is on the next lines
      const line = c.line[i];
      const field = this.lines?.enter(line);
      // The item's own content starts after the dashes: treat it as a line of its own at that column.
      const itemColumn = col + (s - c.start[i]);
      c.start[i] = s;
      c.column[i] = itemColumn;
      this.keyedLine = -1;
      let item: unknown;
      if (this.isEntry(i)) throw DECLINE; // `- - x`
      if (this.keyEnd(i) >= 0) {
        item = this.mapping(itemColumn, depth + 1);
        if (isItems) this.itemLines.set(item as object, line);
      } else {
        item = this.inlineValue(s, c.end[i], i, column);
        // `- {}` in a list's items is a list item too.
        if (isItems && typeof item === 'object' && item !== null && !Array.isArray(item)) this.itemLines.set(item, line);
        this.at++;
      }
      if (field !== undefined) this.lines!.leave(field);
      array.push(item);
    }
    return array;
  }

  private isEntry(i: number): boolean {
    return startsEntry(this.text, this.content.start[i], this.content.end[i]);
  }

  /**
   * When content line `i` starts with a key and its `:`, the offset where the value's text starts (past the
   * spaces), and the key in `lastKey`; -1 when the line does not start with a key this reader accepts (a line that
   * is a key of another kind declines).
   */
  private keyEnd(i: number): number {
    if (i !== this.keyedLine) {
      this.keyedValueStart = this.readKey(i);
      this.keyedLine = i;
    }
    return this.keyedValueStart;
  }

  private readKey(i: number): number {
    const text = this.text;
    const c = this.content;
    const s = c.start[i];
    const e = c.end[i];
    const first = text.charCodeAt(s);
    let colon: number;
    if (first === 0x22 || first === 0x27) {
      const close = indexWithin(text, first, s + 1, e);
      if (close < 0 || text.charCodeAt(close + 1) !== 0x3a) return -1;
      if (close + 2 < e && text.charCodeAt(close + 2) !== 0x20) return -1;
      const key = text.slice(s + 1, close);
      if (first === 0x22 && key.includes('\\')) throw DECLINE;
      if (key.length > MAX_KEY_LENGTH) throw DECLINE;
      // An array index as a key: JavaScript objects list such keys first, out of document order.
      if (ARRAY_INDEX.test(key)) throw DECLINE;
      this.lastKey = key;
      colon = close + 1;
    } else {
      colon = mappingColon(text, s, e);
      if (colon < 0) return -1;
      if (colon - s > MAX_KEY_LENGTH) throw DECLINE;
      const key = text.slice(s, colon);
      if (!isProvenString(key)) {
        // `- x` is an entry, not a key; anything else with a `:` is a key of a kind the composer reads.
        if (startsEntry(text, s, e)) return -1;
        throw DECLINE;
      }
      this.lastKey = key;
    }
    let v = colon + 1;
    while (v < e && text.charCodeAt(v) === 0x20) v++;
    return v;
  }

  /**
   * A value that starts on its key's or entry's line (content line `i`, whose mapping or sequence is at `column`),
   * from `v` to `e` (trailing spaces removed). A literal block scalar leaves the current line on its last line.
   */
  private inlineValue(v: number, e: number, i: number, column: number): unknown {
    const text = this.text;
    const first = text.charCodeAt(v);
    if (first === 0x7c) {
      if (e - v === 1) return this.literal(i, column, false);
      if (e - v === 2 && text.charCodeAt(v + 1) === 0x2d) return this.literal(i, column, true);
      throw DECLINE; // `|+`, an indentation indicator or a comment
    }
    if (first === 0x22 || first === 0x27) {
      // One quoted scalar, alone on the line, without escapes.
      if (e - v < 2 || text.charCodeAt(e - 1) !== first) throw DECLINE;
      const inner = text.slice(v + 1, e - 1);
      if (inner.includes(first === 0x22 ? '"' : '\'')) throw DECLINE;
      if (first === 0x22 && inner.includes('\\')) throw DECLINE;
      return this.own(inner);
    }
    if (first === 0x5b || first === 0x7b) {
      if (e - v !== 2 || text.charCodeAt(v + 1) !== (first === 0x5b ? 0x5d : 0x7d)) throw DECLINE;
      return first === 0x5b ? [] : {};
    }
    if (!PLAIN_START.test(text[v])) throw DECLINE;
    if (startsEntry(text, v, e)) throw DECLINE; // `key: - x` is no YAML
    const scalar = text.slice(v, e);
    // No mapping indicator, no comment, no trailing `:`: the line holds exactly this one plain scalar.
    if (scalar.includes(': ') || scalar.includes(' #') || scalar.charCodeAt(scalar.length - 1) === 0x3a) throw DECLINE;
    const value = plainScalarValue(scalar);
    if (value === REFUSED_SCALAR) throw DECLINE;
    return typeof value === 'string' ? this.own(value) : value;
  }

  /**
   * The literal block scalar (`|` clips the final line break to one, `|-` strips it) whose header ends content line
   * `i`: the lines after it indented past `column`, less the first line's indentation, which go-yaml takes as the
   * scalar's. Declines leading blank lines (go-yaml then takes the indentation from them) and an empty scalar.
   */
  private literal(i: number, column: number, strip: boolean): string {
    const text = this.text;
    const c = this.content;
    const length = text.length;
    let pos = text.indexOf('\n', c.end[i]) + 1;
    if (pos === 0) throw DECLINE;
    let indent = -1;
    const parts: string[] = [];
    let breaks = 0;
    let lastLine = -1;
    let lineNumber = c.line[i];
    while (pos < length) {
      lineNumber++;
      let end = text.indexOf('\n', pos);
      if (end < 0) end = length;
      let sp = pos;
      while (sp < end && text.charCodeAt(sp) === 0x20) sp++;
      const spaces = sp - pos;
      if (indent < 0) {
        if (sp === end || spaces <= column) throw DECLINE;
        indent = spaces;
      }
      if (sp === end && spaces <= indent) {
        breaks++; // an empty line: a line break of the scalar
      } else {
        if (spaces < indent) break;
        for (let b = 0; b < breaks; b++) parts.push('');
        parts.push(text.slice(pos + indent, end));
        breaks = 0;
        lastLine = lineNumber;
      }
      pos = end + 1;
    }
    if (lastLine < 0) throw DECLINE;
    // Move to the last content line inside the scalar (its lines that are not comments or blank are content lines).
    while (this.at + 1 < c.start.length && c.line[this.at + 1] <= lastLine) this.at++;
    // Joined at once: a string built line by line is a chain of pieces that holds the document's text.
    return parts.join('\n') + (strip ? '' : '\n');
  }
}

/** True when text[from, to) is a sequence entry: a `-` alone, or followed by a space. */
function startsEntry(text: string, from: number, to: number): boolean {
  return text.charCodeAt(from) === 0x2d && (from + 1 === to || text.charCodeAt(from + 1) === 0x20);
}

// Searches stay within the line: a search that ran on to the next match in the document would make a long
// document of lines without one (a list of 80,000 scalars) take quadratic time.

/** The first `code` in text[from, to), or -1. */
function indexWithin(text: string, code: number, from: number, to: number): number {
  for (let k = from; k < to; k++) if (text.charCodeAt(k) === code) return k;
  return -1;
}

/** The first `:` in text[from, to) followed by a space or by the end of the line's content, or -1. */
function mappingColon(text: string, from: number, to: number): number {
  for (let k = from; k < to; k++) {
    if (text.charCodeAt(k) === 0x3a && (k + 1 === to || text.charCodeAt(k + 1) === 0x20)) return k;
  }
  return -1;
}
