/**
 * Port of go-yaml v2's parserc.go (go.yaml.in/yaml/v2 v2.4.4): the libyaml parser state machine, exposed as a
 * pull API. One mutable event (the parser's own fields) is reused for every event.
 *
 * @example
 *   const p = new YamlEventParser(text);
 *   while (p.next()) { if (p.type === EventType.SCALAR) use(p.value, p.tag, p.style); }
 */
import { CollectionStyle, EventType, Mark as MarkType, ScalarStyle, TagDirective, VersionDirective } from './events';
import { ErrorKind, makeError, Mark, Scanner, TokenType } from './scanner';

const enum State {
  STREAM_START,
  IMPLICIT_DOCUMENT_START,
  DOCUMENT_START,
  DOCUMENT_CONTENT,
  DOCUMENT_END,
  BLOCK_NODE,
  BLOCK_NODE_OR_INDENTLESS_SEQUENCE,
  FLOW_NODE,
  BLOCK_SEQUENCE_FIRST_ENTRY,
  BLOCK_SEQUENCE_ENTRY,
  INDENTLESS_SEQUENCE_ENTRY,
  BLOCK_MAPPING_FIRST_KEY,
  BLOCK_MAPPING_KEY,
  BLOCK_MAPPING_VALUE,
  FLOW_SEQUENCE_FIRST_ENTRY,
  FLOW_SEQUENCE_ENTRY,
  FLOW_SEQUENCE_ENTRY_MAPPING_KEY,
  FLOW_SEQUENCE_ENTRY_MAPPING_VALUE,
  FLOW_SEQUENCE_ENTRY_MAPPING_END,
  FLOW_MAPPING_FIRST_KEY,
  FLOW_MAPPING_KEY,
  FLOW_MAPPING_VALUE,
  FLOW_MAPPING_EMPTY_VALUE,
  END,
}

const DEFAULT_TAG_DIRECTIVES: readonly TagDirective[] = [
  { handle: '!', prefix: '!' },
  { handle: '!!', prefix: 'tag:yaml.org,2002:' },
];

/**
 * go-yaml v2's event parser over a string. `next()` moves to the next event and returns false once the stream
 * has ended (after the STREAM_END event). Syntax errors throw YamlSyntaxError.
 *
 * The fields describe the current event; lines and columns are libyaml's (0-based), offsets index the string.
 */
export class YamlEventParser {
  /** Event type (EventType.NO_EVENT before the first next() and after the end). */
  public type: EventType = EventType.NO_EVENT;
  /** ALIAS: the anchor it refers to; SCALAR / SEQUENCE_START / MAPPING_START: the anchor set, or '' */
  public anchor = '';
  /** The resolved tag ('' when none): `!!x` is `tag:yaml.org,2002:x`, %TAG handles are expanded, `!` stays `!` */
  public tag = '';
  /** SCALAR: the value */
  public value = '';
  /**
   * SCALAR: libyaml's plain_implicit (plain and untagged, or tagged `!`); SEQUENCE_START / MAPPING_START: no tag.
   * DOCUMENT_START / DOCUMENT_END: as go-yaml sets it (go-yaml v2 never sets it for DOCUMENT_START; use `explicit`).
   */
  public implicit = false;
  /** SCALAR: untagged and not plain (libyaml's quoted_implicit) */
  public quotedImplicit = false;
  /** SCALAR: a ScalarStyle; SEQUENCE_START / MAPPING_START: a CollectionStyle */
  public style: number = 0;
  /** DOCUMENT_START: the document began with `---`; DOCUMENT_END: it ended with `...` */
  public explicit = false;
  /** DOCUMENT_START: the %YAML directive of this document, if any */
  public versionDirective: VersionDirective | undefined;
  /** DOCUMENT_START: the %TAG directives of this document (not the defaults) */
  public tagDirectives: readonly TagDirective[] = [];

  public startLine = 0;
  public startColumn = 0;
  public startOffset = 0;
  public startIndex = 0;
  public endLine = 0;
  public endColumn = 0;
  public endOffset = 0;
  public endIndex = 0;

  private readonly scanner: Scanner;
  private state: State = State.STREAM_START;
  private readonly states: State[] = [];
  private readonly marks: Mark[] = [];
  private tagDirectivesInScope: TagDirective[] = [];
  private done = false;
  private failure: unknown;

  /**
   * @param text the YAML text. As go-yaml's Unmarshal does, an empty input is read as a single line break.
   */
  constructor(text: string) {
    this.scanner = new Scanner(text.length === 0 ? '\n' : text);
  }

  /** The current event's start as a Mark object. */
  public get startMark(): MarkType {
    return { index: this.startIndex, line: this.startLine, column: this.startColumn, offset: this.startOffset };
  }

  /** The current event's end as a Mark object. */
  public get endMark(): MarkType {
    return { index: this.endIndex, line: this.endLine, column: this.endColumn, offset: this.endOffset };
  }

  /** The scalar style of the current SCALAR event. */
  public get scalarStyle(): ScalarStyle {
    return this.style as ScalarStyle;
  }

  /** The collection style of the current SEQUENCE_START / MAPPING_START event. */
  public get collectionStyle(): CollectionStyle {
    return this.style as CollectionStyle;
  }

  /**
   * Whether the stream holds more after the current DOCUMENT_END: looks at the next token only (skipping `...`
   * lines), so nothing past it is scanned. A scanner error there counts as more content.
   */
  public hasMoreDocuments(): boolean {
    if (this.failure !== undefined) throw this.failure;
    if (this.done || this.state === State.END) return false;
    if (this.state !== State.DOCUMENT_START) {
      throw new Error('hasMoreDocuments() is only meaningful right after a DOCUMENT_END event');
    }
    try {
      let token = this.scanner.peekToken();
      while (token.type === TokenType.DOCUMENT_END) {
        this.scanner.skipToken();
        token = this.scanner.peekToken();
      }
      return token.type !== TokenType.STREAM_END;
    } catch {
      return true;
    }
  }

  /**
   * yaml_parser_parse: moves to the next event; false when there is none (the stream has ended). After a syntax
   * error every later call throws the same error, as libyaml's parser stays in its error state.
   */
  public next(): boolean {
    if (this.failure !== undefined) throw this.failure;
    if (this.done || this.scanner.streamEndProduced || this.state === State.END) {
      this.done = true;
      this.type = EventType.NO_EVENT;
      return false;
    }
    this.reset();
    try {
      this.stateMachine();
    } catch (e) {
      this.failure = e;
      this.type = EventType.NO_EVENT;
      throw e;
    }
    return true;
  }

  private reset(): void {
    this.anchor = '';
    this.tag = '';
    this.value = '';
    this.implicit = false;
    this.quotedImplicit = false;
    this.style = 0;
    this.explicit = false;
    this.versionDirective = undefined;
    this.tagDirectives = [];
  }

  private setEvent(type: EventType, start: Mark, end: Mark): void {
    this.type = type;
    this.startLine = start.line;
    this.startColumn = start.column;
    this.startOffset = start.offset;
    this.startIndex = start.index;
    this.endLine = end.line;
    this.endColumn = end.column;
    this.endOffset = end.offset;
    this.endIndex = end.index;
  }

  private parserError(problem: string, problemMark: Mark): never {
    throw makeError(ErrorKind.PARSER, problem, problemMark, undefined, undefined);
  }

  private parserErrorContext(context: string, contextMark: Mark, problem: string, problemMark: Mark): never {
    throw makeError(ErrorKind.PARSER, problem, problemMark, context, contextMark);
  }

  private popState(): void {
    this.state = this.states.pop()!;
  }

  private stateMachine(): void {
    switch (this.state) {
      case State.STREAM_START: return this.parseStreamStart();
      case State.IMPLICIT_DOCUMENT_START: return this.parseDocumentStart(true);
      case State.DOCUMENT_START: return this.parseDocumentStart(false);
      case State.DOCUMENT_CONTENT: return this.parseDocumentContent();
      case State.DOCUMENT_END: return this.parseDocumentEnd();
      case State.BLOCK_NODE: return this.parseNode(true, false);
      case State.BLOCK_NODE_OR_INDENTLESS_SEQUENCE: return this.parseNode(true, true);
      case State.FLOW_NODE: return this.parseNode(false, false);
      case State.BLOCK_SEQUENCE_FIRST_ENTRY: return this.parseBlockSequenceEntry(true);
      case State.BLOCK_SEQUENCE_ENTRY: return this.parseBlockSequenceEntry(false);
      case State.INDENTLESS_SEQUENCE_ENTRY: return this.parseIndentlessSequenceEntry();
      case State.BLOCK_MAPPING_FIRST_KEY: return this.parseBlockMappingKey(true);
      case State.BLOCK_MAPPING_KEY: return this.parseBlockMappingKey(false);
      case State.BLOCK_MAPPING_VALUE: return this.parseBlockMappingValue();
      case State.FLOW_SEQUENCE_FIRST_ENTRY: return this.parseFlowSequenceEntry(true);
      case State.FLOW_SEQUENCE_ENTRY: return this.parseFlowSequenceEntry(false);
      case State.FLOW_SEQUENCE_ENTRY_MAPPING_KEY: return this.parseFlowSequenceEntryMappingKey();
      case State.FLOW_SEQUENCE_ENTRY_MAPPING_VALUE: return this.parseFlowSequenceEntryMappingValue();
      case State.FLOW_SEQUENCE_ENTRY_MAPPING_END: return this.parseFlowSequenceEntryMappingEnd();
      case State.FLOW_MAPPING_FIRST_KEY: return this.parseFlowMappingKey(true);
      case State.FLOW_MAPPING_KEY: return this.parseFlowMappingKey(false);
      case State.FLOW_MAPPING_VALUE: return this.parseFlowMappingValue(false);
      case State.FLOW_MAPPING_EMPTY_VALUE: return this.parseFlowMappingValue(true);
      default: throw new Error('invalid parser state');
    }
  }

  private parseStreamStart(): void {
    const token = this.scanner.peekToken();
    if (token.type !== TokenType.STREAM_START) {
      this.parserError('did not find expected <stream-start>', token.start);
    }
    this.state = State.IMPLICIT_DOCUMENT_START;
    this.setEvent(EventType.STREAM_START, token.start, token.end);
    this.scanner.skipToken();
  }

  private parseDocumentStart(implicit: boolean): void {
    const sc = this.scanner;
    let token = sc.peekToken();
    if (!implicit) {
      while (token.type === TokenType.DOCUMENT_END) {
        sc.skipToken();
        token = sc.peekToken();
      }
    }
    if (implicit && token.type !== TokenType.VERSION_DIRECTIVE && token.type !== TokenType.TAG_DIRECTIVE
      && token.type !== TokenType.DOCUMENT_START && token.type !== TokenType.STREAM_END) {
      this.processDirectives(false);
      this.states.push(State.DOCUMENT_END);
      this.state = State.BLOCK_NODE;
      this.setEvent(EventType.DOCUMENT_START, token.start, token.end);
    } else if (token.type !== TokenType.STREAM_END) {
      const start = token.start;
      const [version, tags] = this.processDirectives(true);
      token = sc.peekToken();
      if (token.type !== TokenType.DOCUMENT_START) {
        this.parserError('did not find expected <document start>', token.start);
      }
      this.states.push(State.DOCUMENT_END);
      this.state = State.DOCUMENT_CONTENT;
      this.setEvent(EventType.DOCUMENT_START, start, token.end);
      this.versionDirective = version;
      this.tagDirectives = tags;
      this.explicit = true;
      sc.skipToken();
    } else {
      this.state = State.END;
      this.setEvent(EventType.STREAM_END, token.start, token.end);
      sc.skipToken();
    }
  }

  private parseDocumentContent(): void {
    const token = this.scanner.peekToken();
    const t = token.type;
    if (t === TokenType.VERSION_DIRECTIVE || t === TokenType.TAG_DIRECTIVE || t === TokenType.DOCUMENT_START
      || t === TokenType.DOCUMENT_END || t === TokenType.STREAM_END) {
      this.popState();
      this.processEmptyScalar(token.start);
      return;
    }
    this.parseNode(true, false);
  }

  private parseDocumentEnd(): void {
    const sc = this.scanner;
    const token = sc.peekToken();
    const start = token.start;
    let end = token.start;
    let implicit = true;
    if (token.type === TokenType.DOCUMENT_END) {
      end = token.end;
      sc.skipToken();
      implicit = false;
    }
    this.tagDirectivesInScope = [];
    this.state = State.DOCUMENT_START;
    this.setEvent(EventType.DOCUMENT_END, start, end);
    this.implicit = implicit;
    this.explicit = !implicit;
  }

  private parseNode(block: boolean, indentlessSequence: boolean): void {
    const sc = this.scanner;
    let token = sc.peekToken();
    if (token.type === TokenType.ALIAS) {
      this.popState();
      this.setEvent(EventType.ALIAS, token.start, token.end);
      this.anchor = token.value;
      sc.skipToken();
      return;
    }
    let start = token.start;
    let end = token.start;
    let tagToken = false;
    let tagHandle = '';
    let tagSuffix = '';
    let anchor = '';
    let hasAnchor = false;
    let tagMark = token.start;
    if (token.type === TokenType.ANCHOR) {
      anchor = token.value;
      hasAnchor = true;
      start = token.start;
      end = token.end;
      sc.skipToken();
      token = sc.peekToken();
      if (token.type === TokenType.TAG) {
        tagToken = true;
        tagHandle = token.value;
        tagSuffix = token.suffix;
        tagMark = token.start;
        end = token.end;
        sc.skipToken();
        token = sc.peekToken();
      }
    } else if (token.type === TokenType.TAG) {
      tagToken = true;
      tagHandle = token.value;
      tagSuffix = token.suffix;
      start = token.start;
      tagMark = token.start;
      end = token.end;
      sc.skipToken();
      token = sc.peekToken();
      if (token.type === TokenType.ANCHOR) {
        anchor = token.value;
        hasAnchor = true;
        end = token.end;
        sc.skipToken();
        token = sc.peekToken();
      }
    }
    let tag = '';
    if (tagToken) {
      if (tagHandle.length === 0) {
        tag = tagSuffix;
      } else {
        for (const d of this.tagDirectivesInScope) {
          if (d.handle === tagHandle) {
            tag = d.prefix + tagSuffix;
            break;
          }
        }
        if (tag.length === 0) {
          this.parserErrorContext('while parsing a node', start, 'found undefined tag handle', tagMark);
        }
      }
    }
    const implicit = tag.length === 0;
    if (indentlessSequence && token.type === TokenType.BLOCK_ENTRY) {
      end = token.end;
      this.state = State.INDENTLESS_SEQUENCE_ENTRY;
      this.collectionEvent(EventType.SEQUENCE_START, start, end, anchor, tag, implicit, CollectionStyle.BLOCK);
      return;
    }
    if (token.type === TokenType.SCALAR) {
      let plainImplicit = false;
      let quotedImplicit = false;
      end = token.end;
      if ((tag.length === 0 && token.style === ScalarStyle.PLAIN) || tag === '!') {
        plainImplicit = true;
      } else if (tag.length === 0) {
        quotedImplicit = true;
      }
      this.popState();
      this.setEvent(EventType.SCALAR, start, end);
      this.anchor = anchor;
      this.tag = tag;
      this.value = token.value;
      this.implicit = plainImplicit;
      this.quotedImplicit = quotedImplicit;
      this.style = token.style;
      sc.skipToken();
      return;
    }
    if (token.type === TokenType.FLOW_SEQUENCE_START) {
      end = token.end;
      this.state = State.FLOW_SEQUENCE_FIRST_ENTRY;
      this.collectionEvent(EventType.SEQUENCE_START, start, end, anchor, tag, implicit, CollectionStyle.FLOW);
      return;
    }
    if (token.type === TokenType.FLOW_MAPPING_START) {
      end = token.end;
      this.state = State.FLOW_MAPPING_FIRST_KEY;
      this.collectionEvent(EventType.MAPPING_START, start, end, anchor, tag, implicit, CollectionStyle.FLOW);
      return;
    }
    if (block && token.type === TokenType.BLOCK_SEQUENCE_START) {
      end = token.end;
      this.state = State.BLOCK_SEQUENCE_FIRST_ENTRY;
      this.collectionEvent(EventType.SEQUENCE_START, start, end, anchor, tag, implicit, CollectionStyle.BLOCK);
      return;
    }
    if (block && token.type === TokenType.BLOCK_MAPPING_START) {
      end = token.end;
      this.state = State.BLOCK_MAPPING_FIRST_KEY;
      this.collectionEvent(EventType.MAPPING_START, start, end, anchor, tag, implicit, CollectionStyle.BLOCK);
      return;
    }
    if ((hasAnchor && anchor.length > 0) || tag.length > 0) {
      this.popState();
      this.setEvent(EventType.SCALAR, start, end);
      this.anchor = anchor;
      this.tag = tag;
      this.value = '';
      this.implicit = implicit;
      this.quotedImplicit = false;
      this.style = ScalarStyle.PLAIN;
      return;
    }
    this.parserErrorContext(block ? 'while parsing a block node' : 'while parsing a flow node', start,
      'did not find expected node content', token.start);
  }

  private collectionEvent(type: EventType, start: Mark, end: Mark, anchor: string, tag: string, implicit: boolean, style: CollectionStyle): void {
    this.setEvent(type, start, end);
    this.anchor = anchor;
    this.tag = tag;
    this.implicit = implicit;
    this.style = style;
  }

  private parseBlockSequenceEntry(first: boolean): void {
    const sc = this.scanner;
    if (first) {
      const t = sc.peekToken();
      this.marks.push(t.start);
      sc.skipToken();
    }
    let token = sc.peekToken();
    if (token.type === TokenType.BLOCK_ENTRY) {
      const mark = token.end;
      sc.skipToken();
      token = sc.peekToken();
      if (token.type !== TokenType.BLOCK_ENTRY && token.type !== TokenType.BLOCK_END) {
        this.states.push(State.BLOCK_SEQUENCE_ENTRY);
        this.parseNode(true, false);
      } else {
        this.state = State.BLOCK_SEQUENCE_ENTRY;
        this.processEmptyScalar(mark);
      }
      return;
    }
    if (token.type === TokenType.BLOCK_END) {
      this.popState();
      this.marks.pop();
      this.setEvent(EventType.SEQUENCE_END, token.start, token.end);
      sc.skipToken();
      return;
    }
    const contextMark = this.marks.pop()!;
    this.parserErrorContext('while parsing a block collection', contextMark, "did not find expected '-' indicator", token.start);
  }

  private parseIndentlessSequenceEntry(): void {
    const sc = this.scanner;
    let token = sc.peekToken();
    if (token.type === TokenType.BLOCK_ENTRY) {
      const mark = token.end;
      sc.skipToken();
      token = sc.peekToken();
      if (token.type !== TokenType.BLOCK_ENTRY && token.type !== TokenType.KEY && token.type !== TokenType.VALUE
        && token.type !== TokenType.BLOCK_END) {
        this.states.push(State.INDENTLESS_SEQUENCE_ENTRY);
        this.parseNode(true, false);
        return;
      }
      this.state = State.INDENTLESS_SEQUENCE_ENTRY;
      this.processEmptyScalar(mark);
      return;
    }
    this.popState();
    this.setEvent(EventType.SEQUENCE_END, token.start, token.start);
  }

  private parseBlockMappingKey(first: boolean): void {
    const sc = this.scanner;
    if (first) {
      const t = sc.peekToken();
      this.marks.push(t.start);
      sc.skipToken();
    }
    let token = sc.peekToken();
    if (token.type === TokenType.KEY) {
      const mark = token.end;
      sc.skipToken();
      token = sc.peekToken();
      if (token.type !== TokenType.KEY && token.type !== TokenType.VALUE && token.type !== TokenType.BLOCK_END) {
        this.states.push(State.BLOCK_MAPPING_VALUE);
        this.parseNode(true, true);
      } else {
        this.state = State.BLOCK_MAPPING_VALUE;
        this.processEmptyScalar(mark);
      }
      return;
    } else if (token.type === TokenType.BLOCK_END) {
      this.popState();
      this.marks.pop();
      this.setEvent(EventType.MAPPING_END, token.start, token.end);
      sc.skipToken();
      return;
    }
    const contextMark = this.marks.pop()!;
    this.parserErrorContext('while parsing a block mapping', contextMark, 'did not find expected key', token.start);
  }

  private parseBlockMappingValue(): void {
    const sc = this.scanner;
    let token = sc.peekToken();
    if (token.type === TokenType.VALUE) {
      const mark = token.end;
      sc.skipToken();
      token = sc.peekToken();
      if (token.type !== TokenType.KEY && token.type !== TokenType.VALUE && token.type !== TokenType.BLOCK_END) {
        this.states.push(State.BLOCK_MAPPING_KEY);
        this.parseNode(true, true);
        return;
      }
      this.state = State.BLOCK_MAPPING_KEY;
      this.processEmptyScalar(mark);
      return;
    }
    this.state = State.BLOCK_MAPPING_KEY;
    this.processEmptyScalar(token.start);
  }

  private parseFlowSequenceEntry(first: boolean): void {
    const sc = this.scanner;
    if (first) {
      const t = sc.peekToken();
      this.marks.push(t.start);
      sc.skipToken();
    }
    let token = sc.peekToken();
    if (token.type !== TokenType.FLOW_SEQUENCE_END) {
      if (!first) {
        if (token.type === TokenType.FLOW_ENTRY) {
          sc.skipToken();
          token = sc.peekToken();
        } else {
          const contextMark = this.marks.pop()!;
          this.parserErrorContext('while parsing a flow sequence', contextMark, "did not find expected ',' or ']'", token.start);
        }
      }
      if (token.type === TokenType.KEY) {
        this.state = State.FLOW_SEQUENCE_ENTRY_MAPPING_KEY;
        this.setEvent(EventType.MAPPING_START, token.start, token.end);
        this.implicit = true;
        this.style = CollectionStyle.FLOW;
        sc.skipToken();
        return;
      } else if (token.type !== TokenType.FLOW_SEQUENCE_END) {
        this.states.push(State.FLOW_SEQUENCE_ENTRY);
        this.parseNode(false, false);
        return;
      }
    }
    this.popState();
    this.marks.pop();
    this.setEvent(EventType.SEQUENCE_END, token.start, token.end);
    sc.skipToken();
  }

  private parseFlowSequenceEntryMappingKey(): void {
    const sc = this.scanner;
    const token = sc.peekToken();
    if (token.type !== TokenType.VALUE && token.type !== TokenType.FLOW_ENTRY && token.type !== TokenType.FLOW_SEQUENCE_END) {
      this.states.push(State.FLOW_SEQUENCE_ENTRY_MAPPING_VALUE);
      this.parseNode(false, false);
      return;
    }
    const mark = token.end;
    sc.skipToken();
    this.state = State.FLOW_SEQUENCE_ENTRY_MAPPING_VALUE;
    this.processEmptyScalar(mark);
  }

  private parseFlowSequenceEntryMappingValue(): void {
    const sc = this.scanner;
    const token = sc.peekToken();
    if (token.type === TokenType.VALUE) {
      sc.skipToken();
      // go-yaml shadows `token` here: the empty scalar below uses the VALUE token's start.
      const inner = sc.peekToken();
      if (inner.type !== TokenType.FLOW_ENTRY && inner.type !== TokenType.FLOW_SEQUENCE_END) {
        this.states.push(State.FLOW_SEQUENCE_ENTRY_MAPPING_END);
        this.parseNode(false, false);
        return;
      }
    }
    this.state = State.FLOW_SEQUENCE_ENTRY_MAPPING_END;
    this.processEmptyScalar(token.start);
  }

  private parseFlowSequenceEntryMappingEnd(): void {
    const token = this.scanner.peekToken();
    this.state = State.FLOW_SEQUENCE_ENTRY;
    this.setEvent(EventType.MAPPING_END, token.start, token.start);
  }

  private parseFlowMappingKey(first: boolean): void {
    const sc = this.scanner;
    if (first) {
      const t = sc.peekToken();
      this.marks.push(t.start);
      sc.skipToken();
    }
    let token = sc.peekToken();
    if (token.type !== TokenType.FLOW_MAPPING_END) {
      if (!first) {
        if (token.type === TokenType.FLOW_ENTRY) {
          sc.skipToken();
          token = sc.peekToken();
        } else {
          const contextMark = this.marks.pop()!;
          this.parserErrorContext('while parsing a flow mapping', contextMark, "did not find expected ',' or '}'", token.start);
        }
      }
      if (token.type === TokenType.KEY) {
        sc.skipToken();
        token = sc.peekToken();
        if (token.type !== TokenType.VALUE && token.type !== TokenType.FLOW_ENTRY && token.type !== TokenType.FLOW_MAPPING_END) {
          this.states.push(State.FLOW_MAPPING_VALUE);
          this.parseNode(false, false);
        } else {
          this.state = State.FLOW_MAPPING_VALUE;
          this.processEmptyScalar(token.start);
        }
        return;
      } else if (token.type !== TokenType.FLOW_MAPPING_END) {
        this.states.push(State.FLOW_MAPPING_EMPTY_VALUE);
        this.parseNode(false, false);
        return;
      }
    }
    this.popState();
    this.marks.pop();
    this.setEvent(EventType.MAPPING_END, token.start, token.end);
    sc.skipToken();
  }

  private parseFlowMappingValue(empty: boolean): void {
    const sc = this.scanner;
    let token = sc.peekToken();
    if (empty) {
      this.state = State.FLOW_MAPPING_KEY;
      this.processEmptyScalar(token.start);
      return;
    }
    if (token.type === TokenType.VALUE) {
      sc.skipToken();
      token = sc.peekToken();
      if (token.type !== TokenType.FLOW_ENTRY && token.type !== TokenType.FLOW_MAPPING_END) {
        this.states.push(State.FLOW_MAPPING_KEY);
        this.parseNode(false, false);
        return;
      }
    }
    this.state = State.FLOW_MAPPING_KEY;
    this.processEmptyScalar(token.start);
  }

  private processEmptyScalar(mark: Mark): void {
    this.setEvent(EventType.SCALAR, mark, mark);
    this.value = '';
    this.implicit = true;
    this.style = ScalarStyle.PLAIN;
  }

  /** yaml_parser_process_directives; returns the document's version and %TAG directives. */
  private processDirectives(wanted: boolean): [VersionDirective | undefined, TagDirective[]] {
    const sc = this.scanner;
    let version: VersionDirective | undefined;
    const tags: TagDirective[] = [];
    let token = sc.peekToken();
    while (token.type === TokenType.VERSION_DIRECTIVE || token.type === TokenType.TAG_DIRECTIVE) {
      if (token.type === TokenType.VERSION_DIRECTIVE) {
        if (version !== undefined) {
          this.parserError('found duplicate %YAML directive', token.start);
        }
        if (token.major !== 1 || token.minor !== 1) {
          this.parserError('found incompatible YAML document', token.start);
        }
        version = { major: token.major, minor: token.minor };
      } else {
        const value: TagDirective = { handle: token.value, prefix: token.suffix };
        this.appendTagDirective(value, false, token.start);
        tags.push(value);
      }
      sc.skipToken();
      token = sc.peekToken();
    }
    for (const d of DEFAULT_TAG_DIRECTIVES) this.appendTagDirective(d, true, token.start);
    return wanted ? [version, tags] : [undefined, []];
  }

  private appendTagDirective(value: TagDirective, allowDuplicates: boolean, mark: Mark): void {
    for (const d of this.tagDirectivesInScope) {
      if (d.handle === value.handle) {
        if (allowDuplicates) return;
        this.parserError('found duplicate %TAG directive', mark);
      }
    }
    this.tagDirectivesInScope.push({ handle: value.handle, prefix: value.prefix });
  }
}
