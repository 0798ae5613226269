import { checkSafeInteger } from './numbers';
import { InputError } from '../cli/input-error';

/** One top-level value of a JSON stream. */
export interface JsonStreamValue {
  readonly value: unknown;
  /** 1-based line where the value starts. */
  readonly line: number;
  /** The value's text. */
  readonly text: string;
  /** Set when the value is valid JSON that kubectl still refuses to decode (a number beyond float64). */
  readonly refusal?: string;
}

/** Why reading a JSON stream stopped early, as kubectl's JSON decoder would see it. */
export interface JsonStreamResult {
  readonly values: JsonStreamValue[];
  /** Set when a value could not be read: kubectl then counts the values it read and may switch to YAML. */
  readonly failure?: InputError;
}

/**
 * Reads a stream of JSON values (`{...}{...}` or one per line) as Go's `encoding/json` decoder reads them for
 * kubectl: integers that fit in int64 stay integers, other numbers are float64, invalid surrogate escapes become
 * U+FFFD. Two things Go accepts are refused, because other readers disagree about them: a key given twice in one
 * object, and an integer beyond 2^53 (JavaScript, jq and many tools round it).
 */
export function readJsonStream(text: string, file: string): JsonStreamResult {
  const reader = new JsonReader(text, file);
  const values: JsonStreamValue[] = [];
  for (;;) {
    reader.skipSpace();
    if (reader.atEnd()) return { values };
    const line = reader.line();
    const start = reader.position;
    try {
      reader.refusal = undefined;
      const value = reader.value(0);
      values.push({ value, line, text: text.slice(start, reader.position), refusal: reader.refusal });
    } catch (e) {
      if (e instanceof InputError) return { values, failure: e };
      throw e;
    }
  }
}

const MAX_DEPTH = 10_000; // Go's encoding/json limit

class JsonReader {
  /** Why kubectl refuses the value read last, although its syntax is valid. */
  public refusal?: string;
  private pos = 0;
  constructor(private readonly text: string, private readonly file: string) {}

  public get position(): number {
    return this.pos;
  }

  public atEnd(): boolean {
    return this.pos >= this.text.length;
  }

  public skipSpace(): void {
    const t = this.text;
    while (this.pos < t.length) {
      const c = t.charCodeAt(this.pos);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) this.pos++;
      else break;
    }
  }

  public line(at: number = this.pos): number {
    let line = 1;
    for (let i = this.text.indexOf('\n'); i >= 0 && i < at; i = this.text.indexOf('\n', i + 1)) line++;
    return line;
  }

  public value(depth: number): unknown {
    if (depth > MAX_DEPTH) this.fail(`the JSON nests deeper than ${MAX_DEPTH} levels`);
    this.skipSpace();
    const c = this.text.charCodeAt(this.pos);
    switch (c) {
      case 0x7b: return this.object(depth);
      case 0x5b: return this.array(depth);
      case 0x22: return this.string();
      case 0x74: return this.literal('true', true);
      case 0x66: return this.literal('false', false);
      case 0x6e: return this.literal('null', null);
      default:
        if (c === 0x2d || (c >= 0x30 && c <= 0x39)) return this.number();
        return this.fail(this.atEnd() ? 'unexpected end of JSON input' : `invalid character ${JSON.stringify(this.text[this.pos])} looking for beginning of value`);
    }
  }

  private object(depth: number): unknown {
    const start = this.pos;
    this.pos++;
    const result: { [key: string]: unknown } = {};
    const seen = new Set<string>();
    this.skipSpace();
    if (this.text.charCodeAt(this.pos) === 0x7d) {
      this.pos++;
      return result;
    }
    for (;;) {
      this.skipSpace();
      if (this.text.charCodeAt(this.pos) !== 0x22) this.fail('invalid character looking for beginning of object key string');
      const keyAt = this.pos;
      const key = this.string();
      if (seen.has(key)) {
        this.fail(`the key ${JSON.stringify(key)} appears twice in the object that starts on line ${this.line(start)}: Go keeps the last one and other tools may not; keep one`, keyAt);
      }
      seen.add(key);
      this.skipSpace();
      if (this.text.charCodeAt(this.pos) !== 0x3a) this.fail("invalid character after object key (expected ':')");
      this.pos++;
      const value = this.value(depth + 1);
      defineKey(result, key, value);
      this.skipSpace();
      const next = this.text.charCodeAt(this.pos);
      this.pos++;
      if (next === 0x2c) continue;
      if (next === 0x7d) return result;
      this.pos--;
      this.fail(this.atEnd() ? 'unexpected end of JSON input' : "invalid character after object key:value pair (expected ',' or '}')");
    }
  }

  private array(depth: number): unknown {
    this.pos++;
    const result: unknown[] = [];
    this.skipSpace();
    if (this.text.charCodeAt(this.pos) === 0x5d) {
      this.pos++;
      return result;
    }
    for (;;) {
      result.push(this.value(depth + 1));
      this.skipSpace();
      const next = this.text.charCodeAt(this.pos);
      this.pos++;
      if (next === 0x2c) continue;
      if (next === 0x5d) return result;
      this.pos--;
      this.fail(this.atEnd() ? 'unexpected end of JSON input' : "invalid character after array element (expected ',' or ']')");
    }
  }

  private string(): string {
    const t = this.text;
    const start = this.pos;
    let i = start + 1;
    let escaped = false;
    for (; i < t.length; i++) {
      const c = t.charCodeAt(i);
      if (c === 0x22) break;
      if (c === 0x5c) {
        escaped = true;
        i++;
      } else if (c < 0x20) {
        this.fail('invalid character in string literal (control characters must be escaped)', i);
      }
    }
    if (i >= t.length) this.fail('unexpected end of JSON input');
    this.pos = i + 1;
    if (!escaped) return t.slice(start + 1, i);
    let s: string;
    try {
      s = JSON.parse(t.slice(start, i + 1));
    } catch {
      return this.fail('invalid escape in string literal', start);
    }
    // Go's decoder turns an unpaired surrogate escape into U+FFFD.
    return s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
  }

  private number(): number {
    const t = this.text;
    const start = this.pos;
    const match = /-?(?:0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?/y;
    match.lastIndex = start;
    const m = match.exec(t);
    if (!m) return this.fail('invalid character in numeric literal');
    this.pos = start + m[0].length;
    const literal = m[0];
    if (m[1] === undefined && m[2] === undefined) {
      // An integer literal: Go keeps it as int64 when it fits, and reading it exactly matters.
      const big = BigInt(literal);
      if (big >= -(2n ** 63n) && big < 2n ** 63n) {
        checkSafeInteger(big, () => this.fail(`the integer ${literal} is beyond 2^53: Go reads it exactly, JavaScript and many tools round it; write it as a string if it is an identifier`, start));
        return Number(big);
      }
    }
    const value = Number(literal);
    // Valid JSON for kubectl's stream reader, refused when the document is decoded.
    if (!Number.isFinite(value)) this.refusal ??= `kubectl refuses it: the number ${literal} does not fit in a float64 ("json: cannot unmarshal number")`;
    return value === 0 ? 0 : value;
  }

  private literal(word: string, value: unknown): unknown {
    if (this.text.startsWith(word, this.pos)) {
      this.pos += word.length;
      return value;
    }
    return this.fail(`invalid character ${JSON.stringify(this.text[this.pos])} in literal ${word} (expecting ${JSON.stringify(word)})`);
  }

  private fail(message: string, at: number = this.pos): never {
    const line = this.line(at);
    const lineStart = this.text.lastIndexOf('\n', at - 1) + 1;
    throw new InputError({ file: this.file, line, column: at - lineStart + 1, message: `malformed JSON: ${message}` });
  }
}

/** Sets a key without letting `__proto__` change the object's prototype. */
export function defineKey(target: { [key: string]: unknown }, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    target[key] = value;
  }
}
