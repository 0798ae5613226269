/* eslint-disable no-bitwise -- bit operations mirror the Go source: UTF-8 octets, base64 quanta, NUL at the end */
/**
 * Port of go-yaml v2's scannerc.go (go.yaml.in/yaml/v2 v2.4.4, itself a port of libyaml), with the parts of
 * readerc.go that can be seen from a string input (BOM, refused characters). Function names follow the Go
 * source (yaml_parser_fetch_value -> fetchValue) so the two can be read side by side.
 *
 * Differences that cannot be seen through the event API: the input is a JS string read by charCodeAt, token
 * values are built from slices, and marks are kept as numbers on the tokens.
 */
import { asHex, C, isAlpha, isAllowedUnit, isBlank, isBlankZ, isBreak, isBreakZ, isDigit, isHex } from './chars';
import { ScalarStyle, YamlSyntaxError } from './events';

export const enum TokenType {
  NO_TOKEN = 0,
  STREAM_START,
  STREAM_END,
  VERSION_DIRECTIVE,
  TAG_DIRECTIVE,
  DOCUMENT_START,
  DOCUMENT_END,
  BLOCK_SEQUENCE_START,
  BLOCK_MAPPING_START,
  BLOCK_END,
  FLOW_SEQUENCE_START,
  FLOW_SEQUENCE_END,
  FLOW_MAPPING_START,
  FLOW_MAPPING_END,
  BLOCK_ENTRY,
  FLOW_ENTRY,
  KEY,
  VALUE,
  ALIAS,
  ANCHOR,
  TAG,
  SCALAR,
}

/** A mark: 0-based line and column, character index, JS string offset. */
export class Mark {
  constructor(public index: number, public line: number, public column: number, public offset: number) {}
}

export class Token {
  public value = '';
  /** TAG: suffix; TAG_DIRECTIVE: prefix (value is the handle) */
  public suffix = '';
  public style: ScalarStyle = ScalarStyle.ANY;
  public major = 0;
  public minor = 0;
  constructor(public type: TokenType, public start: Mark, public end: Mark) {}
}

interface SimpleKey {
  possible: boolean;
  required: boolean;
  tokenNumber: number;
  mark: Mark;
}

const MAX_FLOW_LEVEL = 10000;
const MAX_INDENTS = 10000;
/** yamlprivateh.go: the reader decodes its input in raw chunks of this many bytes. */
const RAW_CHUNK = 512;

/** go-yaml's error state: which libyaml error kind, for its line arithmetic. */
export const enum ErrorKind { READER, SCANNER, PARSER }

export function makeError(kind: ErrorKind, problem: string, problemMark: Mark,
  context: string | undefined, contextMark: Mark | undefined): YamlSyntaxError {
  // decode.go (*parser).fail: the problem line (0-based; +1 for scanner errors), else the context line.
  let goLine = 0;
  if (kind !== ErrorKind.READER) {
    if (problemMark.line !== 0) {
      goLine = problemMark.line + (kind === ErrorKind.SCANNER ? 1 : 0);
    } else if (contextMark !== undefined && contextMark.line !== 0) {
      goLine = contextMark.line;
    }
  }
  return new YamlSyntaxError(problem, problemMark.line + 1, problemMark.column + 1, problemMark.offset, goLine, context || undefined);
}

export class Scanner {
  private readonly s: string;
  private readonly n: number;
  /** JS offset of the current character */
  private pos: number;
  private line = 0;
  private col = 0;
  /** astral characters passed (each is two code units but one libyaml character) */
  private astral = 0;
  /** code units before libyaml's character 0 (a leading BOM) */
  private readonly base: number;

  // The reader (readerc.go): characters are decoded, and checked, one 512-byte raw chunk at a time, when the
  // scanner asks for more than is decoded. `avail` and the scanner's request are counted in characters, as
  // (JS offset - astral characters before it).
  private avail: number;
  private decOff: number;
  private decBytes: number;
  private decAstral = 0;
  private passes = 0;
  /** offset of the character at the start of go-yaml's internal buffer (moved there at each refill) */
  private bufferStart: number;

  private readonly tokens: Token[] = [];
  private head = 0;
  private tail = 0;
  public tokensParsed = 0;
  private tokenAvailable = false;
  private streamStartProduced = false;
  public streamEndProduced = false;

  private indent = -1;
  private readonly indents: number[] = [];
  private simpleKeyAllowed = false;
  private readonly simpleKeys: SimpleKey[] = [];
  private readonly simpleKeysByTok = new Map<number, number>();
  private flowLevel = 0;

  constructor(text: string) {
    this.s = text;
    this.n = text.length;
    this.base = text.charCodeAt(0) === C.BOM ? 1 : 0;
    this.pos = this.base;
    this.avail = this.base;
    this.decOff = this.base;
    this.decBytes = this.base ? 3 : 0;
    this.bufferStart = this.base;
  }

  // -------------------------------------------------------------------------------------------------------
  // Reader

  /** cache(parser, length): the scanner needs `length` characters from the current one. */
  private need(length: number): void {
    if (this.pos - this.astral + length > this.avail) this.fill(length);
  }

  /** yaml_parser_update_buffer: moves the unread characters to the buffer's start, decodes more. */
  private fill(length: number): void {
    this.bufferStart = this.pos;
    while (this.pos - this.astral + length > this.avail) {
      if (this.decOff < this.n) {
        this.decodeChunk();
      } else {
        // At the end, each call adds one NUL.
        this.avail++;
        break;
      }
    }
  }

  /** Decodes the characters that end within the next raw chunk, refusing those the reader refuses. */
  private decodeChunk(): void {
    const s = this.s;
    const n = this.n;
    this.passes++;
    const boundary = this.passes * RAW_CHUNK;
    let off = this.decOff;
    let bytes = this.decBytes;
    let astral = this.decAstral;
    while (off < n) {
      // Fast path: a run of printable ASCII (one byte each) up to the chunk boundary.
      const stop = Math.min(n, off + (boundary - bytes));
      let i = off;
      while (i < stop) {
        const a = s.charCodeAt(i);
        if ((a >= 0x20 && a <= 0x7e) || a === C.LF) i++;
        else break;
      }
      bytes += i - off;
      off = i;
      if (off >= stop) {
        if (off >= n || bytes >= boundary) break;
      }
      const c = s.charCodeAt(off);
      let w: number;
      let units = 1;
      let problem = '';
      if (c < 0x80) {
        w = 1;
        if (!((c >= 0x20 && c <= 0x7e) || c === C.LF || c === C.CR || c === C.TAB)) problem = 'control characters are not allowed';
      } else if (c >= 0xd800 && c <= 0xdbff) {
        const d = s.charCodeAt(off + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          w = 4;
          units = 2;
        } else {
          w = 3;
          problem = 'invalid Unicode character';
        }
      } else {
        w = c < 0x800 ? 2 : 3;
        if (c >= 0xdc00 && c <= 0xdfff) problem = 'invalid Unicode character';
        else if (!isAllowedUnit(c)) problem = 'control characters are not allowed';
      }
      if (bytes + w > boundary) break;
      if (problem) this.readerError(off, problem);
      bytes += w;
      off += units;
      if (units === 2) astral++;
    }
    this.decOff = off;
    this.decBytes = bytes;
    this.decAstral = astral;
    this.avail = off - astral;
  }

  /** A reader error: go-yaml reports no line for it; line and column here are the bad character's. */
  private readerError(at: number, problem: string): never {
    const s = this.s;
    let line = 0;
    let col = 0;
    let astral = 0;
    for (let k = this.base; k < at; k++) {
      const c = s.charCodeAt(k);
      if (c === C.LF || (c === C.CR && s.charCodeAt(k + 1) !== C.LF) || c === C.NEL || c === C.LS || c === C.PS) {
        line++;
        col = 0;
      } else {
        if (c >= 0xd800 && c <= 0xdbff) {
          k++;
          astral++;
        }
        col++;
      }
    }
    throw makeError(ErrorKind.READER, problem, new Mark(at - this.base - astral, line, col, at), undefined, undefined);
  }

  // -------------------------------------------------------------------------------------------------------
  // Marks and movement

  private ch(i: number): number {
    return this.s.charCodeAt(i) | 0;
  }

  private get index(): number {
    return this.pos - this.base - this.astral;
  }

  private mark(): Mark {
    return new Mark(this.pos - this.base - this.astral, this.line, this.col, this.pos);
  }

  private skip(): void {
    const c = this.s.charCodeAt(this.pos);
    this.col++;
    if (c >= 0xd800 && c <= 0xdbff) {
      this.pos += 2;
      this.astral++;
    } else {
      this.pos++;
    }
  }

  private skipLine(): void {
    const c = this.ch(this.pos);
    if (c === C.CR && this.ch(this.pos + 1) === C.LF) {
      this.pos += 2;
      this.col = 0;
      this.line++;
    } else if (isBreak(c)) {
      this.pos++;
      this.col = 0;
      this.line++;
    }
  }

  /** read_line: consumes a line break and returns what it adds to a scalar ('\n', or LS/PS as they are). */
  private readLine(): string {
    const c = this.ch(this.pos);
    if (c === C.CR && this.ch(this.pos + 1) === C.LF) {
      this.pos += 2;
    } else if (c === C.CR || c === C.LF || c === C.NEL) {
      this.pos++;
    } else if (c === C.LS || c === C.PS) {
      this.pos++;
      this.col = 0;
      this.line++;
      return c === C.LS ? '\u2028' : '\u2029';
    } else {
      return '';
    }
    this.col = 0;
    this.line++;
    return '\n';
  }

  // -------------------------------------------------------------------------------------------------------
  // Errors

  private scannerError(context: string, contextMark: Mark, problem: string): never {
    throw makeError(ErrorKind.SCANNER, problem, this.mark(), context, contextMark);
  }

  // -------------------------------------------------------------------------------------------------------
  // Token queue (the parser's side of it: peek_token / skip_token)

  /** peek_token */
  public peekToken(): Token {
    if (!this.tokenAvailable) this.fetchMoreTokens();
    return this.tokens[this.head];
  }

  /** skip_token */
  public skipToken(): void {
    this.tokenAvailable = false;
    this.tokensParsed++;
    const t = this.tokens[this.head];
    this.streamEndProduced = t.type === TokenType.STREAM_END;
    this.head++;
    if (this.head === this.tail) {
      this.head = 0;
      this.tail = 0;
    }
  }

  /** yaml_insert_token: at `pos` from the queue's head, or at its end for -1. */
  private insertToken(pos: number, token: Token): void {
    const tokens = this.tokens;
    if (pos < 0) {
      tokens[this.tail++] = token;
      return;
    }
    const at = this.head + pos;
    for (let i = this.tail; i > at; i--) tokens[i] = tokens[i - 1];
    tokens[at] = token;
    this.tail++;
  }

  private fetchMoreTokens(): void {
    for (;;) {
      if (this.head !== this.tail) {
        const idx = this.simpleKeysByTok.get(this.tokensParsed);
        if (idx === undefined) break;
        if (!this.simpleKeyIsValid(this.simpleKeys[idx])) break;
      }
      this.fetchNextToken();
    }
    this.tokenAvailable = true;
  }

  private fetchNextToken(): void {
    this.need(1);
    if (!this.streamStartProduced) {
      this.fetchStreamStart();
      return;
    }
    this.scanToNextToken();
    this.unrollIndent(this.col);
    this.need(4);
    const pos = this.pos;
    const c = this.ch(pos);
    if (pos >= this.n) {
      this.fetchStreamEnd();
      return;
    }
    if (this.col === 0) {
      if (c === C.PERCENT) {
        this.fetchDirective();
        return;
      }
      if (c === C.MINUS && this.ch(pos + 1) === C.MINUS && this.ch(pos + 2) === C.MINUS && isBlankZ(this.ch(pos + 3))) {
        this.fetchDocumentIndicator(TokenType.DOCUMENT_START);
        return;
      }
      if (c === C.DOT && this.ch(pos + 1) === C.DOT && this.ch(pos + 2) === C.DOT && isBlankZ(this.ch(pos + 3))) {
        this.fetchDocumentIndicator(TokenType.DOCUMENT_END);
        return;
      }
    }
    const c1 = this.ch(pos + 1);
    switch (c) {
      case C.LBRACKET:
        this.fetchFlowCollectionStart(TokenType.FLOW_SEQUENCE_START);
        return;
      case C.LBRACE:
        this.fetchFlowCollectionStart(TokenType.FLOW_MAPPING_START);
        return;
      case C.RBRACKET:
        this.fetchFlowCollectionEnd(TokenType.FLOW_SEQUENCE_END);
        return;
      case C.RBRACE:
        this.fetchFlowCollectionEnd(TokenType.FLOW_MAPPING_END);
        return;
      case C.COMMA:
        this.fetchFlowEntry();
        return;
    }
    if (c === C.MINUS && isBlankZ(c1)) {
      this.fetchBlockEntry();
      return;
    }
    if (c === C.QUESTION && (this.flowLevel > 0 || isBlankZ(c1))) {
      this.fetchKey();
      return;
    }
    if (c === C.COLON && (this.flowLevel > 0 || isBlankZ(c1))) {
      this.fetchValue();
      return;
    }
    switch (c) {
      case C.STAR:
        this.fetchAnchor(TokenType.ALIAS);
        return;
      case C.AMP:
        this.fetchAnchor(TokenType.ANCHOR);
        return;
      case C.BANG:
        this.fetchTag();
        return;
      case C.PIPE:
        if (this.flowLevel === 0) {
          this.fetchBlockScalar(true);
          return;
        }
        break;
      case C.GT:
        if (this.flowLevel === 0) {
          this.fetchBlockScalar(false);
          return;
        }
        break;
      case C.SQUOTE:
        this.fetchFlowScalar(true);
        return;
      case C.DQUOTE:
        this.fetchFlowScalar(false);
        return;
    }
    if (!(isBlankZ(c) || c === C.MINUS || c === C.QUESTION || c === C.COLON || c === C.COMMA || c === C.LBRACKET
      || c === C.RBRACKET || c === C.LBRACE || c === C.RBRACE || c === C.HASH || c === C.AMP || c === C.STAR
      || c === C.BANG || c === C.PIPE || c === C.GT || c === C.SQUOTE || c === C.DQUOTE || c === C.PERCENT
      || c === C.AT || c === C.BACKTICK)
      || (c === C.MINUS && !isBlank(c1))
      || (this.flowLevel === 0 && (c === C.QUESTION || c === C.COLON) && !isBlankZ(c1))) {
      this.fetchPlainScalar();
      return;
    }
    this.scannerError('while scanning for the next token', this.mark(), 'found character that cannot start any token');
  }

  // -------------------------------------------------------------------------------------------------------
  // Simple keys

  private simpleKeyIsValid(key: SimpleKey): boolean {
    if (!key.possible) return false;
    if (key.mark.line < this.line || key.mark.index + 1024 < this.index) {
      if (key.required) {
        this.scannerError('while scanning a simple key', key.mark, "could not find expected ':'");
      }
      key.possible = false;
      return false;
    }
    return true;
  }

  private saveSimpleKey(): void {
    const required = this.flowLevel === 0 && this.indent === this.col;
    if (this.simpleKeyAllowed) {
      const tokenNumber = this.tokensParsed + (this.tail - this.head);
      const mark = this.mark();
      this.removeSimpleKey();
      // simple_keys[len-1] = simple_key (Go copies the struct into the slot)
      const key = this.simpleKeys[this.simpleKeys.length - 1];
      key.possible = true;
      key.required = required;
      key.tokenNumber = tokenNumber;
      key.mark = mark;
      this.simpleKeysByTok.set(tokenNumber, this.simpleKeys.length - 1);
    }
  }

  private removeSimpleKey(): void {
    const key = this.simpleKeys[this.simpleKeys.length - 1];
    if (key.possible) {
      if (key.required) {
        this.scannerError('while scanning a simple key', key.mark, "could not find expected ':'");
      }
      key.possible = false;
      this.simpleKeysByTok.delete(key.tokenNumber);
    }
  }

  private increaseFlowLevel(): void {
    this.simpleKeys.push({
      possible: false,
      required: false,
      tokenNumber: this.tokensParsed + (this.tail - this.head),
      mark: this.mark(),
    });
    this.flowLevel++;
    if (this.flowLevel > MAX_FLOW_LEVEL) {
      this.scannerError('while increasing flow level', this.simpleKeys[this.simpleKeys.length - 1].mark, `exceeded max depth of ${MAX_FLOW_LEVEL}`);
    }
  }

  private decreaseFlowLevel(): void {
    if (this.flowLevel > 0) {
      this.flowLevel--;
      const last = this.simpleKeys.pop()!;
      this.simpleKeysByTok.delete(last.tokenNumber);
    }
  }

  private rollIndent(column: number, number: number, type: TokenType, mark: Mark): void {
    if (this.flowLevel > 0) return;
    if (this.indent < column) {
      this.indents.push(this.indent);
      this.indent = column;
      if (this.indents.length > MAX_INDENTS) {
        this.scannerError('while increasing indent level', this.simpleKeys[this.simpleKeys.length - 1].mark, `exceeded max depth of ${MAX_INDENTS}`);
      }
      const token = new Token(type, mark, mark);
      if (number > -1) number -= this.tokensParsed;
      this.insertToken(number, token);
    }
  }

  private unrollIndent(column: number): void {
    if (this.flowLevel > 0) return;
    while (this.indent > column) {
      const m = this.mark();
      this.insertToken(-1, new Token(TokenType.BLOCK_END, m, m));
      this.indent = this.indents.pop()!;
    }
  }

  // -------------------------------------------------------------------------------------------------------
  // Fetchers

  private fetchStreamStart(): void {
    this.indent = -1;
    this.simpleKeys.push({ possible: false, required: false, tokenNumber: 0, mark: new Mark(0, 0, 0, 0) });
    this.simpleKeyAllowed = true;
    this.streamStartProduced = true;
    const m = this.mark();
    this.insertToken(-1, new Token(TokenType.STREAM_START, m, m));
  }

  private fetchStreamEnd(): void {
    if (this.col !== 0) {
      this.col = 0;
      this.line++;
    }
    this.unrollIndent(-1);
    this.removeSimpleKey();
    this.simpleKeyAllowed = false;
    const m = this.mark();
    this.insertToken(-1, new Token(TokenType.STREAM_END, m, m));
  }

  private fetchDirective(): void {
    this.unrollIndent(-1);
    this.removeSimpleKey();
    this.simpleKeyAllowed = false;
    this.insertToken(-1, this.scanDirective());
  }

  private fetchDocumentIndicator(type: TokenType): void {
    this.unrollIndent(-1);
    this.removeSimpleKey();
    this.simpleKeyAllowed = false;
    const start = this.mark();
    this.skip();
    this.skip();
    this.skip();
    this.insertToken(-1, new Token(type, start, this.mark()));
  }

  private fetchFlowCollectionStart(type: TokenType): void {
    this.saveSimpleKey();
    this.increaseFlowLevel();
    this.simpleKeyAllowed = true;
    const start = this.mark();
    this.skip();
    this.insertToken(-1, new Token(type, start, this.mark()));
  }

  private fetchFlowCollectionEnd(type: TokenType): void {
    this.removeSimpleKey();
    this.decreaseFlowLevel();
    this.simpleKeyAllowed = false;
    const start = this.mark();
    this.skip();
    this.insertToken(-1, new Token(type, start, this.mark()));
  }

  private fetchFlowEntry(): void {
    this.removeSimpleKey();
    this.simpleKeyAllowed = true;
    const start = this.mark();
    this.skip();
    this.insertToken(-1, new Token(TokenType.FLOW_ENTRY, start, this.mark()));
  }

  private fetchBlockEntry(): void {
    if (this.flowLevel === 0) {
      if (!this.simpleKeyAllowed) {
        this.scannerError('', this.mark(), 'block sequence entries are not allowed in this context');
      }
      this.rollIndent(this.col, -1, TokenType.BLOCK_SEQUENCE_START, this.mark());
    }
    this.removeSimpleKey();
    this.simpleKeyAllowed = true;
    const start = this.mark();
    this.skip();
    this.insertToken(-1, new Token(TokenType.BLOCK_ENTRY, start, this.mark()));
  }

  private fetchKey(): void {
    if (this.flowLevel === 0) {
      if (!this.simpleKeyAllowed) {
        this.scannerError('', this.mark(), 'mapping keys are not allowed in this context');
      }
      this.rollIndent(this.col, -1, TokenType.BLOCK_MAPPING_START, this.mark());
    }
    this.removeSimpleKey();
    this.simpleKeyAllowed = this.flowLevel === 0;
    const start = this.mark();
    this.skip();
    this.insertToken(-1, new Token(TokenType.KEY, start, this.mark()));
  }

  private fetchValue(): void {
    const key = this.simpleKeys[this.simpleKeys.length - 1];
    if (this.simpleKeyIsValid(key)) {
      this.insertToken(key.tokenNumber - this.tokensParsed, new Token(TokenType.KEY, key.mark, key.mark));
      this.rollIndent(key.mark.column, key.tokenNumber, TokenType.BLOCK_MAPPING_START, key.mark);
      key.possible = false;
      this.simpleKeysByTok.delete(key.tokenNumber);
      this.simpleKeyAllowed = false;
    } else {
      if (this.flowLevel === 0) {
        if (!this.simpleKeyAllowed) {
          this.scannerError('', this.mark(), 'mapping values are not allowed in this context');
        }
        this.rollIndent(this.col, -1, TokenType.BLOCK_MAPPING_START, this.mark());
      }
      this.simpleKeyAllowed = this.flowLevel === 0;
    }
    const start = this.mark();
    this.skip();
    this.insertToken(-1, new Token(TokenType.VALUE, start, this.mark()));
  }

  private fetchAnchor(type: TokenType): void {
    this.saveSimpleKey();
    this.simpleKeyAllowed = false;
    this.insertToken(-1, this.scanAnchor(type));
  }

  private fetchTag(): void {
    this.saveSimpleKey();
    this.simpleKeyAllowed = false;
    this.insertToken(-1, this.scanTag());
  }

  private fetchBlockScalar(literal: boolean): void {
    this.removeSimpleKey();
    this.simpleKeyAllowed = true;
    this.insertToken(-1, this.scanBlockScalar(literal));
  }

  private fetchFlowScalar(single: boolean): void {
    this.saveSimpleKey();
    this.simpleKeyAllowed = false;
    this.insertToken(-1, this.scanFlowScalar(single));
  }

  private fetchPlainScalar(): void {
    this.saveSimpleKey();
    this.simpleKeyAllowed = false;
    this.insertToken(-1, this.scanPlainScalar());
  }

  // -------------------------------------------------------------------------------------------------------
  // Scanners

  private scanToNextToken(): void {
    for (;;) {
      this.need(1);
      // go-yaml's is_bom looks at the start of its internal buffer, not at the current character: at the start
      // of a line it skips one character when the buffer was last refilled at a U+FEFF.
      if (this.col === 0 && this.s.charCodeAt(this.bufferStart) === C.BOM) this.skip();
      this.need(1);
      let c = this.ch(this.pos);
      while (c === C.SPACE || ((this.flowLevel > 0 || !this.simpleKeyAllowed) && c === C.TAB)) {
        this.skip();
        this.need(1);
        c = this.ch(this.pos);
      }
      if (c === C.HASH) {
        while (!isBreakZ(c)) {
          this.skip();
          this.need(1);
          c = this.ch(this.pos);
        }
      }
      if (isBreak(c)) {
        this.need(2);
        this.skipLine();
        if (this.flowLevel === 0) this.simpleKeyAllowed = true;
      } else {
        break;
      }
    }
  }

  private skipBlanksAndComment(): void {
    this.need(1);
    while (isBlank(this.ch(this.pos))) {
      this.skip();
      this.need(1);
    }
    if (this.ch(this.pos) === C.HASH) {
      while (!isBreakZ(this.ch(this.pos))) {
        this.skip();
        this.need(1);
      }
    }
  }

  private scanDirective(): Token {
    const start = this.mark();
    this.skip();
    const name = this.scanDirectiveName(start);
    let token: Token;
    if (name === 'YAML') {
      const [major, minor] = this.scanVersionDirectiveValue(start);
      token = new Token(TokenType.VERSION_DIRECTIVE, start, this.mark());
      token.major = major;
      token.minor = minor;
    } else if (name === 'TAG') {
      const [handle, prefix] = this.scanTagDirectiveValue(start);
      token = new Token(TokenType.TAG_DIRECTIVE, start, this.mark());
      token.value = handle;
      token.suffix = prefix;
    } else {
      this.scannerError('while scanning a directive', start, 'found unknown directive name');
    }
    this.skipBlanksAndComment();
    if (!isBreakZ(this.ch(this.pos))) {
      this.scannerError('while scanning a directive', start, 'did not find expected comment or line break');
    }
    if (isBreak(this.ch(this.pos))) {
      this.need(2);
      this.skipLine();
    }
    return token;
  }

  private scanDirectiveName(start: Mark): string {
    this.need(1);
    const from = this.pos;
    while (isAlpha(this.ch(this.pos))) {
      this.skip();
      this.need(1);
    }
    if (this.pos === from) {
      this.scannerError('while scanning a directive', start, 'could not find expected directive name');
    }
    if (!isBlankZ(this.ch(this.pos))) {
      this.scannerError('while scanning a directive', start, 'found unexpected non-alphabetical character');
    }
    return this.s.slice(from, this.pos);
  }

  private scanVersionDirectiveValue(start: Mark): [number, number] {
    this.need(1);
    while (isBlank(this.ch(this.pos))) {
      this.skip();
      this.need(1);
    }
    const major = this.scanVersionDirectiveNumber(start);
    if (this.ch(this.pos) !== C.DOT) {
      this.scannerError('while scanning a %YAML directive', start, "did not find expected digit or '.' character");
    }
    this.skip();
    const minor = this.scanVersionDirectiveNumber(start);
    return [major, minor];
  }

  private scanVersionDirectiveNumber(start: Mark): number {
    this.need(1);
    let value = 0;
    let length = 0;
    while (isDigit(this.ch(this.pos))) {
      length++;
      if (length > 2) {
        this.scannerError('while scanning a %YAML directive', start, 'found extremely long version number');
      }
      value = value * 10 + (this.ch(this.pos) - C.ZERO);
      this.skip();
      this.need(1);
    }
    if (length === 0) {
      this.scannerError('while scanning a %YAML directive', start, 'did not find expected version number');
    }
    return value;
  }

  private scanTagDirectiveValue(start: Mark): [string, string] {
    this.need(1);
    while (isBlank(this.ch(this.pos))) {
      this.skip();
      this.need(1);
    }
    const handle = this.scanTagHandle(true, start);
    this.need(1);
    if (!isBlank(this.ch(this.pos))) {
      this.scannerError('while scanning a %TAG directive', start, 'did not find expected whitespace');
    }
    while (isBlank(this.ch(this.pos))) {
      this.skip();
      this.need(1);
    }
    const prefix = this.scanTagUri(true, '', start);
    this.need(1);
    if (!isBlankZ(this.ch(this.pos))) {
      this.scannerError('while scanning a %TAG directive', start, 'did not find expected whitespace or line break');
    }
    return [handle, prefix];
  }

  private scanAnchor(type: TokenType): Token {
    const start = this.mark();
    this.skip();
    this.need(1);
    const from = this.pos;
    while (isAlpha(this.ch(this.pos))) {
      this.skip();
      this.need(1);
    }
    const end = this.mark();
    const c = this.ch(this.pos);
    if (this.pos === from || !(isBlankZ(c) || c === C.QUESTION || c === C.COLON || c === C.COMMA || c === C.RBRACKET
      || c === C.RBRACE || c === C.PERCENT || c === C.AT || c === C.BACKTICK)) {
      this.scannerError(type === TokenType.ANCHOR ? 'while scanning an anchor' : 'while scanning an alias', start,
        'did not find expected alphabetic or numeric character');
    }
    const token = new Token(type, start, end);
    token.value = this.s.slice(from, this.pos);
    return token;
  }

  private scanTag(): Token {
    const start = this.mark();
    let handle: string;
    let suffix: string;
    this.need(2);
    if (this.ch(this.pos + 1) === C.LT) {
      handle = '';
      this.skip();
      this.skip();
      suffix = this.scanTagUri(false, '', start);
      if (this.ch(this.pos) !== C.GT) {
        this.scannerError('while scanning a tag', start, "did not find the expected '>'");
      }
      this.skip();
    } else {
      handle = this.scanTagHandle(false, start);
      if (handle.charCodeAt(0) === C.BANG && handle.length > 1 && handle.charCodeAt(handle.length - 1) === C.BANG) {
        suffix = this.scanTagUri(false, '', start);
      } else {
        suffix = this.scanTagUri(false, handle, start);
        handle = '!';
        if (suffix.length === 0) {
          handle = '';
          suffix = '!';
        }
      }
    }
    this.need(1);
    if (!isBlankZ(this.ch(this.pos))) {
      this.scannerError('while scanning a tag', start, 'did not find expected whitespace or line break');
    }
    const token = new Token(TokenType.TAG, start, this.mark());
    token.value = handle;
    token.suffix = suffix;
    return token;
  }

  private tagError(directive: boolean, start: Mark, problem: string): never {
    this.scannerError(directive ? 'while parsing a %TAG directive' : 'while parsing a tag', start, problem);
  }

  private scanTagHandle(directive: boolean, start: Mark): string {
    this.need(1);
    if (this.ch(this.pos) !== C.BANG) {
      this.tagError(directive, start, "did not find expected '!'");
    }
    const from = this.pos;
    this.skip();
    this.need(1);
    while (isAlpha(this.ch(this.pos))) {
      this.skip();
      this.need(1);
    }
    if (this.ch(this.pos) === C.BANG) {
      this.skip();
    } else if (directive && this.pos - from !== 1) {
      this.tagError(directive, start, "did not find expected '!'");
    }
    return this.s.slice(from, this.pos);
  }

  private scanTagUri(directive: boolean, head: string, start: Mark): string {
    let s = head.length > 1 ? head.slice(1) : '';
    let hasTag = head.length > 0;
    this.need(1);
    let from = this.pos;
    for (;;) {
      const c = this.ch(this.pos);
      if (!(isAlpha(c) || c === C.SEMI || c === C.SLASH || c === C.QUESTION || c === C.COLON || c === C.AT
        || c === C.AMP || c === C.EQ || c === C.PLUS || c === C.DOLLAR || c === C.COMMA || c === C.DOT
        || c === C.BANG || c === C.TILDE || c === C.STAR || c === C.SQUOTE || c === C.LPAREN || c === C.RPAREN
        || c === C.LBRACKET || c === C.RBRACKET || c === C.PERCENT)) break;
      if (c === C.PERCENT) {
        s += this.s.slice(from, this.pos);
        s += this.scanUriEscapes(directive, start);
        from = this.pos;
      } else {
        this.skip();
      }
      this.need(1);
      hasTag = true;
    }
    s += this.s.slice(from, this.pos);
    if (!hasTag) {
      this.tagError(directive, start, 'did not find expected tag URI');
    }
    return s;
  }

  /** %XX escapes: one UTF-8 character, decoded (go-yaml appends the octets to a byte string). */
  private scanUriEscapes(directive: boolean, start: Mark): string {
    let w = 1024;
    const octets: number[] = [];
    while (w > 0) {
      this.need(3);
      const p = this.pos;
      if (!(this.ch(p) === C.PERCENT && isHex(this.ch(p + 1)) && isHex(this.ch(p + 2)))) {
        this.tagError(directive, start, 'did not find URI escaped octet');
      }
      const octet = (asHex(this.ch(p + 1)) << 4) + asHex(this.ch(p + 2));
      if (w === 1024) {
        w = (octet & 0x80) === 0 ? 1 : (octet & 0xe0) === 0xc0 ? 2 : (octet & 0xf0) === 0xe0 ? 3 : (octet & 0xf8) === 0xf0 ? 4 : 0;
        if (w === 0) this.tagError(directive, start, 'found an incorrect leading UTF-8 octet');
      } else if ((octet & 0xc0) !== 0x80) {
        this.tagError(directive, start, 'found an incorrect trailing UTF-8 octet');
      }
      octets.push(octet);
      this.skip();
      this.skip();
      this.skip();
      w--;
    }
    return decodeOctets(octets);
  }

  private scanBlockScalar(literal: boolean): Token {
    const start = this.mark();
    this.skip();
    this.need(1);
    let chomping = 0;
    let increment = 0;
    let c = this.ch(this.pos);
    if (c === C.PLUS || c === C.MINUS) {
      chomping = c === C.PLUS ? 1 : -1;
      this.skip();
      this.need(1);
      c = this.ch(this.pos);
      if (isDigit(c)) {
        if (c === C.ZERO) {
          this.scannerError('while scanning a block scalar', start, 'found an indentation indicator equal to 0');
        }
        increment = c - C.ZERO;
        this.skip();
      }
    } else if (isDigit(c)) {
      if (c === C.ZERO) {
        this.scannerError('while scanning a block scalar', start, 'found an indentation indicator equal to 0');
      }
      increment = c - C.ZERO;
      this.skip();
      this.need(1);
      c = this.ch(this.pos);
      if (c === C.PLUS || c === C.MINUS) {
        chomping = c === C.PLUS ? 1 : -1;
        this.skip();
      }
    }
    this.skipBlanksAndComment();
    if (!isBreakZ(this.ch(this.pos))) {
      this.scannerError('while scanning a block scalar', start, 'did not find expected comment or line break');
    }
    if (isBreak(this.ch(this.pos))) {
      this.need(2);
      this.skipLine();
    }
    const endRef = { mark: this.mark() };
    let indent = 0;
    if (increment > 0) {
      indent = this.indent >= 0 ? this.indent + increment : increment;
    }
    let s = '';
    let leadingBreak = '';
    const breaks = { text: '' };
    indent = this.scanBlockScalarBreaks(indent, breaks, start, endRef);
    this.need(1);
    let leadingBlank = false;
    let trailingBlank = false;
    while (this.col === indent && this.pos < this.n) {
      trailingBlank = isBlank(this.ch(this.pos));
      if (!literal && !leadingBlank && !trailingBlank && leadingBreak.length > 0 && leadingBreak.charCodeAt(0) === C.LF) {
        if (breaks.text.length === 0) s += ' ';
      } else {
        s += leadingBreak;
      }
      leadingBreak = '';
      s += breaks.text;
      breaks.text = '';
      leadingBlank = isBlank(this.ch(this.pos));
      const from = this.pos;
      while (!isBreakZ(this.ch(this.pos))) {
        this.skip();
        this.need(1);
      }
      s += this.s.slice(from, this.pos);
      this.need(2);
      leadingBreak = this.readLine();
      indent = this.scanBlockScalarBreaks(indent, breaks, start, endRef);
    }
    if (chomping !== -1) s += leadingBreak;
    if (chomping === 1) s += breaks.text;
    const token = new Token(TokenType.SCALAR, start, endRef.mark);
    token.value = s;
    token.style = literal ? ScalarStyle.LITERAL : ScalarStyle.FOLDED;
    return token;
  }

  private scanBlockScalarBreaks(indent: number, breaks: { text: string }, start: Mark, endRef: { mark: Mark }): number {
    endRef.mark = this.mark();
    let maxIndent = 0;
    for (;;) {
      this.need(1);
      while ((indent === 0 || this.col < indent) && this.ch(this.pos) === C.SPACE) {
        this.skip();
        this.need(1);
      }
      if (this.col > maxIndent) maxIndent = this.col;
      const c = this.ch(this.pos);
      if ((indent === 0 || this.col < indent) && c === C.TAB) {
        this.scannerError('while scanning a block scalar', start, 'found a tab character where an indentation space is expected');
      }
      if (!isBreak(c)) break;
      this.need(2);
      breaks.text += this.readLine();
      endRef.mark = this.mark();
    }
    if (indent === 0) {
      indent = maxIndent;
      if (indent < this.indent + 1) indent = this.indent + 1;
      if (indent < 1) indent = 1;
    }
    return indent;
  }

  private scanFlowScalar(single: boolean): Token {
    const start = this.mark();
    this.skip();
    let s = '';
    let leadingBreak = '';
    let trailingBreaks = '';
    let whitespaces = '';
    const src = this.s;
    for (;;) {
      this.need(4);
      const p = this.pos;
      if (this.col === 0 && ((this.ch(p) === C.MINUS && this.ch(p + 1) === C.MINUS && this.ch(p + 2) === C.MINUS)
        || (this.ch(p) === C.DOT && this.ch(p + 1) === C.DOT && this.ch(p + 2) === C.DOT)) && isBlankZ(this.ch(p + 3))) {
        this.scannerError('while scanning a quoted scalar', start, 'found unexpected document indicator');
      }
      if (p >= this.n) {
        this.scannerError('while scanning a quoted scalar', start, 'found unexpected end of stream');
      }
      let leadingBlanks = false;
      let from = this.pos;
      let c = this.ch(this.pos);
      while (!isBlankZ(c)) {
        if (single && c === C.SQUOTE && this.ch(this.pos + 1) === C.SQUOTE) {
          s += src.slice(from, this.pos) + "'";
          this.skip();
          this.skip();
          from = this.pos;
        } else if (single && c === C.SQUOTE) {
          break;
        } else if (!single && c === C.DQUOTE) {
          break;
        } else if (!single && c === C.BACKSLASH && isBreak(this.ch(this.pos + 1))) {
          s += src.slice(from, this.pos);
          this.need(3);
          this.skip();
          this.skipLine();
          from = this.pos;
          leadingBlanks = true;
          break;
        } else if (!single && c === C.BACKSLASH) {
          s += src.slice(from, this.pos);
          let codeLength = 0;
          switch (this.ch(this.pos + 1)) {
            case 0x30: s += '\0'; break;
            case 0x61: s += '\x07'; break;
            case 0x62: s += '\b'; break;
            case 0x74: case C.TAB: s += '\t'; break;
            case 0x6e: s += '\n'; break;
            case 0x76: s += '\v'; break;
            case 0x66: s += '\f'; break;
            case 0x72: s += '\r'; break;
            case 0x65: s += '\x1b'; break;
            case C.SPACE: s += ' '; break;
            case C.DQUOTE: s += '"'; break;
            case C.SQUOTE: s += "'"; break;
            case C.BACKSLASH: s += '\\'; break;
            case 0x4e: s += '\x85'; break;
            case C.UNDERSCORE: s += '\xa0'; break;
            case 0x4c: s += '\u2028'; break;
            case 0x50: s += '\u2029'; break;
            case 0x78: codeLength = 2; break;
            case 0x75: codeLength = 4; break;
            case 0x55: codeLength = 8; break;
            default:
              this.scannerError('while parsing a quoted scalar', start, 'found unknown escape character');
          }
          this.skip();
          this.skip();
          if (codeLength > 0) {
            this.need(codeLength);
            let value = 0;
            for (let k = 0; k < codeLength; k++) {
              const h = this.ch(this.pos + k);
              if (!isHex(h)) {
                this.scannerError('while parsing a quoted scalar', start, 'did not find expected hexdecimal number');
              }
              value = value * 16 + asHex(h);
            }
            if ((value >= 0xd800 && value <= 0xdfff) || value > 0x10ffff) {
              this.scannerError('while parsing a quoted scalar', start, 'found invalid Unicode character escape code');
            }
            s += String.fromCodePoint(value);
            for (let k = 0; k < codeLength; k++) this.skip();
          }
          from = this.pos;
        } else {
          this.skip();
        }
        this.need(2);
        c = this.ch(this.pos);
      }
      s += src.slice(from, this.pos);
      this.need(1);
      c = this.ch(this.pos);
      if (single ? c === C.SQUOTE : c === C.DQUOTE) break;
      while (isBlank(c) || isBreak(c)) {
        if (isBlank(c)) {
          if (!leadingBlanks) {
            whitespaces += c === C.SPACE ? ' ' : '\t';
          }
          this.skip();
        } else {
          this.need(2);
          if (!leadingBlanks) {
            whitespaces = '';
            leadingBreak = this.readLine();
            leadingBlanks = true;
          } else {
            trailingBreaks += this.readLine();
          }
        }
        this.need(1);
        c = this.ch(this.pos);
      }
      if (leadingBlanks) {
        if (leadingBreak.length > 0 && leadingBreak.charCodeAt(0) === C.LF) {
          if (trailingBreaks.length === 0) {
            s += ' ';
          } else {
            s += trailingBreaks;
          }
        } else {
          s += leadingBreak;
          s += trailingBreaks;
        }
        trailingBreaks = '';
        leadingBreak = '';
      } else {
        s += whitespaces;
        whitespaces = '';
      }
    }
    this.skip();
    const token = new Token(TokenType.SCALAR, start, this.mark());
    token.value = s;
    token.style = single ? ScalarStyle.SINGLE_QUOTED : ScalarStyle.DOUBLE_QUOTED;
    return token;
  }

  private scanPlainScalar(): Token {
    let s = '';
    let leadingBreak = '';
    let trailingBreaks = '';
    let whitespaces = '';
    let leadingBlanks = false;
    const indent = this.indent + 1;
    const start = this.mark();
    let end = start;
    const src = this.s;
    const flow = this.flowLevel > 0;
    for (;;) {
      this.need(4);
      const p = this.pos;
      let c = this.ch(p);
      if (this.col === 0 && ((c === C.MINUS && this.ch(p + 1) === C.MINUS && this.ch(p + 2) === C.MINUS)
        || (c === C.DOT && this.ch(p + 1) === C.DOT && this.ch(p + 2) === C.DOT)) && isBlankZ(this.ch(p + 3))) {
        break;
      }
      if (c === C.HASH) break;
      let moved = false;
      while (!isBlankZ(c)) {
        if ((c === C.COLON && isBlankZ(this.ch(this.pos + 1)))
          || (flow && (c === C.COMMA || c === C.QUESTION || c === C.LBRACKET || c === C.RBRACKET || c === C.LBRACE || c === C.RBRACE))) {
          break;
        }
        if (leadingBlanks || whitespaces.length > 0) {
          if (leadingBlanks) {
            if (leadingBreak.charCodeAt(0) === C.LF) {
              if (trailingBreaks.length === 0) {
                s += ' ';
              } else {
                s += trailingBreaks;
              }
            } else {
              s += leadingBreak;
              s += trailingBreaks;
            }
            trailingBreaks = '';
            leadingBreak = '';
            leadingBlanks = false;
          } else {
            s += whitespaces;
            whitespaces = '';
          }
        }
        // A run of ordinary characters: nothing is pending inside it, so it is read as one slice, in a loop
        // that keeps the position in locals (skip + cache(2) per character, as in the Go loop).
        const from = this.pos;
        let q = this.pos;
        let col = this.col;
        for (;;) {
          const u = src.charCodeAt(q);
          if (u >= 0xd800 && u <= 0xdbff) {
            q += 2;
            this.astral++;
          } else {
            q++;
          }
          col++;
          if (q - this.astral + 2 > this.avail) {
            this.pos = q;
            this.col = col;
            this.fill(2);
          }
          c = src.charCodeAt(q) | 0;
          if (c === C.SPACE || c === C.LF || c === C.NUL || c === C.TAB || c === C.CR || c === C.NEL || c === C.LS || c === C.PS) break;
          if (c === C.COLON) {
            const d = src.charCodeAt(q + 1) | 0;
            if (isBlankZ(d)) break;
          } else if (flow && (c === C.COMMA || c === C.QUESTION || c === C.LBRACKET || c === C.RBRACKET || c === C.LBRACE || c === C.RBRACE)) {
            break;
          }
        }
        this.pos = q;
        this.col = col;
        s += src.slice(from, q);
        moved = true;
      }
      if (moved) end = this.mark();
      if (!(isBlank(c) || isBreak(c))) break;
      this.need(1);
      while (isBlank(c) || isBreak(c)) {
        if (isBlank(c)) {
          if (leadingBlanks && this.col < indent && c === C.TAB) {
            this.scannerError('while scanning a plain scalar', start, 'found a tab character that violates indentation');
          }
          if (!leadingBlanks) whitespaces += c === C.SPACE ? ' ' : '\t';
          this.skip();
        } else {
          this.need(2);
          if (!leadingBlanks) {
            whitespaces = '';
            leadingBreak = this.readLine();
            leadingBlanks = true;
          } else {
            trailingBreaks += this.readLine();
          }
        }
        this.need(1);
        c = this.ch(this.pos);
      }
      if (this.flowLevel === 0 && this.col < indent) break;
    }
    const token = new Token(TokenType.SCALAR, start, end);
    token.value = s;
    token.style = ScalarStyle.PLAIN;
    if (leadingBlanks) this.simpleKeyAllowed = true;
    return token;
  }
}

/** Octets of one %-escaped UTF-8 character. go-yaml keeps bytes; invalid sequences are kept byte by byte. */
function decodeOctets(octets: number[]): string {
  if (octets.length === 1) return String.fromCharCode(octets[0]);
  let cp = octets[0] & (octets.length === 2 ? 0x1f : octets.length === 3 ? 0x0f : 0x07);
  for (let k = 1; k < octets.length; k++) cp = (cp << 6) | (octets[k] & 0x3f);
  if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return '\ufffd';
  return String.fromCodePoint(cp);
}
