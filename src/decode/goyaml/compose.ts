/**
 * The node tree decode.go's `parser` builds (go.yaml.in/yaml/v2 v2.4.4) for the first document of a stream,
 * which is all go-yaml's Unmarshal reads. Built from YamlEventParser events.
 */
import { EventType, YamlSyntaxError } from './events';
import { YamlEventParser } from './parser';

/** decode.go's node kinds (same values). */
export enum NodeKind {
  DOCUMENT = 1,
  MAPPING = 2,
  SEQUENCE = 4,
  SCALAR = 8,
  ALIAS = 16,
}

export interface YamlNode {
  readonly kind: NodeKind;
  /** 1-based line of the node's start (its anchor or tag when it has one) */
  readonly line: number;
  /** 1-based column, in characters */
  readonly column: number;
  /** offset of the node's start in the string */
  readonly offset: number;
  /** offset just past the node's event (for collections: past the start indicator) */
  readonly endOffset: number;
  /** the resolved tag, '' when none */
  readonly tag: string;
  /** SCALAR: the value; ALIAS: the anchor name */
  readonly value: string;
  /** SCALAR: a ScalarStyle; SEQUENCE / MAPPING: a CollectionStyle */
  readonly style: number;
  /** SCALAR: plain and untagged, or tagged `!` (go-yaml's node.implicit) */
  readonly implicit: boolean;
  /** DOCUMENT: one child; SEQUENCE: the items; MAPPING: key, value, key, value, ... */
  readonly children: YamlNode[];
  /** the anchor defined on this node, '' when none */
  readonly anchor: string;
  /** ALIAS: the node its anchor named when the alias was read */
  readonly alias: YamlNode | undefined;
  /** DOCUMENT: every anchor of the document, the latest definition of each name */
  readonly anchors: Map<string, YamlNode> | undefined;
}

interface MutableNode {
  kind: NodeKind;
  line: number;
  column: number;
  offset: number;
  endOffset: number;
  tag: string;
  value: string;
  style: number;
  implicit: boolean;
  children: YamlNode[];
  anchor: string;
  alias: YamlNode | undefined;
  anchors: Map<string, YamlNode> | undefined;
}

export interface FirstDocument {
  /** The document node, or undefined when the stream holds no document (empty, or only comments). */
  readonly root: YamlNode | undefined;
  /** The stream holds something after the first document (another document, or content that fails to scan). */
  readonly hasMoreDocuments: boolean;
}

class Composer {
  private anchors = new Map<string, YamlNode>();
  private peeked = false;

  constructor(private readonly p: YamlEventParser) {}

  private peek(): EventType {
    if (!this.peeked) {
      this.p.next();
      this.peeked = true;
    }
    return this.p.type;
  }

  private expect(type: EventType): void {
    this.peek();
    // The event stream of YamlEventParser is well formed, so this only guards against misuse.
    if (this.p.type !== type) throw new Error(`expected event ${type} but got ${this.p.type}`);
    this.peeked = false;
  }

  private node(kind: NodeKind): MutableNode {
    const p = this.p;
    return {
      kind,
      line: p.startLine + 1,
      column: p.startColumn + 1,
      offset: p.startOffset,
      endOffset: p.endOffset,
      tag: p.tag,
      value: '',
      style: p.style,
      implicit: false,
      children: [],
      anchor: '',
      alias: undefined,
      anchors: undefined,
    };
  }

  private setAnchor(n: MutableNode): void {
    const a = this.p.anchor;
    if (a.length > 0) {
      n.anchor = a;
      this.anchors.set(a, n);
    }
  }

  /** decode.go (*parser).init */
  public init(): void {
    this.expect(EventType.STREAM_START);
  }

  /**
   * decode.go (*parser).parse, after init. go-yaml recurses; this keeps its own stack of open collections so
   * that nesting as deep as the scanner allows (10000 levels) does not exhaust the JS stack.
   */
  public parse(): YamlNode | undefined {
    const first = this.peek();
    if (first === EventType.STREAM_END) return undefined;
    if (first === EventType.DOCUMENT_START) return this.document();
    return this.content();
  }

  private document(): YamlNode {
    const n = this.node(NodeKind.DOCUMENT);
    n.tag = '';
    n.style = 0;
    this.anchors = new Map();
    n.anchors = this.anchors;
    this.expect(EventType.DOCUMENT_START);
    n.children.push(this.content());
    this.expect(EventType.DOCUMENT_END);
    return n;
  }

  /** One node and everything in it. */
  private content(): YamlNode {
    const open: MutableNode[] = [];
    for (;;) {
      let done: MutableNode;
      switch (this.peek()) {
        case EventType.SCALAR:
          done = this.scalar();
          break;
        case EventType.ALIAS:
          done = this.alias();
          break;
        case EventType.MAPPING_START:
        case EventType.SEQUENCE_START: {
          const n = this.node(this.p.type === EventType.MAPPING_START ? NodeKind.MAPPING : NodeKind.SEQUENCE);
          // The anchor names the collection before its children are read, as in go-yaml.
          this.setAnchor(n);
          this.peeked = false;
          open.push(n);
          continue;
        }
        case EventType.MAPPING_END:
        case EventType.SEQUENCE_END:
          if (open.length === 0) throw new Error(`unexpected event ${this.p.type}`);
          this.peeked = false;
          done = open.pop()!;
          break;
        default:
          throw new Error(`attempted to parse unknown event: ${this.p.type}`);
      }
      if (open.length === 0) return done;
      open[open.length - 1].children.push(done);
    }
  }

  private alias(): MutableNode {
    const n = this.node(NodeKind.ALIAS);
    const p = this.p;
    n.tag = '';
    n.style = 0;
    n.value = p.anchor;
    n.alias = this.anchors.get(n.value);
    if (n.alias === undefined) {
      // failf: go-yaml prints no line for this one.
      throw new YamlSyntaxError(`unknown anchor '${n.value}' referenced`, p.startLine + 1, p.startColumn + 1, p.startOffset, 0);
    }
    this.expect(EventType.ALIAS);
    return n;
  }

  private scalar(): MutableNode {
    const n = this.node(NodeKind.SCALAR);
    n.value = this.p.value;
    n.implicit = this.p.implicit;
    this.setAnchor(n);
    this.expect(EventType.SCALAR);
    return n;
  }
}

/**
 * Parses the first document of `text` as go-yaml's Unmarshal does (an empty text reads as a line break) and
 * tells whether more follows. Throws YamlSyntaxError on what go-yaml refuses while reading that document.
 */
export function parseFirstDocument(text: string): FirstDocument {
  const p = new YamlEventParser(text);
  const c = new Composer(p);
  c.init();
  const root = c.parse();
  return { root, hasMoreDocuments: root !== undefined && p.hasMoreDocuments() };
}
