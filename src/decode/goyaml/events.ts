/**
 * Event, style and error types of the go-yaml v2 (go.yaml.in/yaml/v2 v2.4.4) port.
 * Numeric values follow yamlh.go so that tables read the same as the Go source.
 */

/** yaml_event_type_t */
export enum EventType {
  NO_EVENT = 0,
  STREAM_START = 1,
  STREAM_END = 2,
  DOCUMENT_START = 3,
  DOCUMENT_END = 4,
  ALIAS = 5,
  SCALAR = 6,
  SEQUENCE_START = 7,
  SEQUENCE_END = 8,
  MAPPING_START = 9,
  MAPPING_END = 10,
}

/** go-yaml's names for event types, used in its "expected X event but got Y" messages. */
export const EVENT_NAMES: readonly string[] = [
  'none', 'stream start', 'stream end', 'document start', 'document end', 'alias', 'scalar',
  'sequence start', 'sequence end', 'mapping start', 'mapping end',
];

/**
 * One style enum for scalars and collections (go-yaml keeps them in one yaml_style_t field too).
 * Scalars: ANY/PLAIN/SINGLE_QUOTED/DOUBLE_QUOTED/LITERAL/FOLDED; collections: BLOCK or FLOW.
 */
export enum ScalarStyle {
  ANY = 0,
  PLAIN = 1,
  SINGLE_QUOTED = 2,
  DOUBLE_QUOTED = 3,
  LITERAL = 4,
  FOLDED = 5,
}

/** yaml_sequence_style_t / yaml_mapping_style_t */
export enum CollectionStyle {
  ANY = 0,
  BLOCK = 1,
  FLOW = 2,
}

/** A %TAG directive: handle such as `!e!` and its prefix. */
export interface TagDirective {
  readonly handle: string;
  readonly prefix: string;
}

/** A %YAML directive. */
export interface VersionDirective {
  readonly major: number;
  readonly minor: number;
}

/** A position in the input. line and column are libyaml's: 0-based, counted in characters. */
export interface Mark {
  /** character index (code points, as libyaml counts them) */
  index: number;
  /** 0-based line */
  line: number;
  /** 0-based column, in characters */
  column: number;
  /** offset in the JS string (UTF-16 code units) */
  offset: number;
}

/**
 * A syntax error as go-yaml reports it: `message` is go-yaml's problem text (without the "yaml: line N: "
 * prefix, see `goMessage`), `line` and `column` are 1-based, `offset` is the index in the JS string.
 * `goLine` is the line number go-yaml would print (0 when it would print none).
 */
export class YamlSyntaxError extends Error {
  /** The text go-yaml's Unmarshal error would carry: "yaml: line N: <problem>" (or "yaml: <problem>"). */
  public readonly goMessage: string;
  constructor(
    message: string,
    public readonly line: number,
    public readonly column: number,
    public readonly offset: number,
    public readonly goLine: number,
    /** libyaml's context ("while parsing a block mapping"), when there is one */
    public readonly context?: string,
  ) {
    super(message);
    this.name = 'YamlSyntaxError';
    this.goMessage = goLine !== 0 ? `yaml: line ${goLine}: ${message}` : `yaml: ${message}`;
  }
}
