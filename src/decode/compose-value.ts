import { FieldLines } from './field-lines';
import { EventType, ScalarStyle } from './goyaml/events';
import { resolveScalar } from './goyaml/resolve';
import { jsonKeyOf } from './json-key';
import { defineKey } from './json-stream';
import { isSafeInteger } from './numbers';
import { ownString } from '../private/own-string';

/** The events the composer reads: the current event of go-yaml's parser, advanced by `next()`. */
export interface YamlEvents {
  readonly type: EventType;
  /** The anchor a node defines ('' when none), or the anchor an alias refers to. */
  readonly anchor: string;
  /** '' when the node has no explicit tag. */
  readonly tag: string;
  /** A scalar's text. */
  readonly value: string;
  readonly style: ScalarStyle;
  /** 0-based line where the event starts. */
  readonly startLine: number;
  /** 0-based column where the event starts. */
  readonly startColumn: number;
  /** Moves to the next event; throws the parser's syntax error. */
  next(): void;
  /** After DOCUMENT_END: whether the stream holds anything more (go-yaml's Unmarshal never looks). */
  hasMoreDocuments(): boolean;
}

/** Why a document was refused: what is ambiguous or wrong, where, and how to write it plainly. */
export class AmbiguousYamlError extends Error {
  constructor(message: string, public readonly line: number, public readonly column: number) {
    super(message);
    this.name = 'AmbiguousYamlError';
  }
}

/** The deepest nesting accepted. No Kubernetes manifest (CRD schemas included) comes near it. */
export const MAX_DEPTH = 128;

/** What one document composed to. */
export interface ComposedDocument {
  /** The value kubectl's decoder produces for the document (undefined for an empty document). */
  readonly value: unknown;
  /** 0-based line of the document's root node. */
  readonly line: number;
  /** 0-based start lines of mappings that are items of an `items` sequence (list items), by object. */
  readonly itemLines: WeakMap<object, number>;
  /** True when the stream holds another document after the first (go-yaml reads only the first). */
  readonly moreDocuments: boolean;
}

/** A mapping key after go-yaml decoding and sigs.k8s.io/yaml's conversion to a JSON key. */
interface KeyState {
  /** The Go value's identity: its type and value (`s:x`, `i:1`, `b:true`). */
  readonly goKey: string;
  /** Set by an explicit key, or brought in by a merge key. */
  readonly origin: 'explicit' | 'merge';
  readonly line: number;
  /** Which merge key brought it in (0 for explicit keys). */
  readonly mergeId: number;
  /** For a merged key, the line of the key in the mapping it came from (where a reader finds it). */
  readonly sourceLine?: number;
}

interface MapFrame {
  readonly kind: 'map';
  readonly object: { [key: string]: unknown };
  readonly keys: Map<string, KeyState>;
  readonly anchored?: Anchored;
  readonly line: number;
  /** go-yaml's decode count for the node (see `count`). */
  size: number;
  /** The key whose value comes next, or undefined when a key comes next. */
  pendingKey?: string;
  /** True while the value of a merge key (`<<`) is being read. */
  mergeNext: boolean;
  /** Whether the object has a key that was not a Go string (kept for merges into other mappings). */
  nonStringKeys: boolean;
}

interface SeqFrame {
  readonly kind: 'seq';
  readonly array: unknown[];
  readonly anchored?: Anchored;
  readonly line: number;
  size: number;
  /** True for the value of a merge key: every item must be a mapping, and the seq node itself is not decoded. */
  readonly isMerge: boolean;
  /** True for the sequence under an `items` key, whose mappings are list items. */
  readonly isItems: boolean;
  /** The start line of each item, when lines are recorded. */
  readonly itemLines?: number[];
}

type Frame = MapFrame | SeqFrame;

interface Anchored {
  value: unknown;
  size: number;
  complete: boolean;
  isMapping: boolean;
  /** For a scalar: its text, and whether it was plain (resolved) or quoted (a string). */
  text?: string;
  plain?: boolean;
}

/** Go keys of objects that had keys other than strings: merges must compare Go values, not JSON keys. */
const GO_KEYS = new WeakMap<object, Map<string, string>>();

// go-yaml v2's defence against alias bombs (decode.go allowedAliasRatio).
const ALIAS_RATIO_LOW = 400000;
const ALIAS_RATIO_HIGH = 4000000;
function allowedAliasRatio(decodeCount: number): number {
  if (decodeCount <= ALIAS_RATIO_LOW) return 0.99;
  if (decodeCount >= ALIAS_RATIO_HIGH) return 0.10;
  return 0.99 - 0.89 * ((decodeCount - ALIAS_RATIO_LOW) / (ALIAS_RATIO_HIGH - ALIAS_RATIO_LOW));
}

/**
 * Composes the first document of a YAML stream into the value kubectl sends, with go-yaml v2's semantics
 * (decode.go into `interface{}`) and sigs.k8s.io/yaml's conversion to JSON: keys become strings (`1` -> "1",
 * `yes` -> "true"), merge keys apply in go-yaml's order, aliases expand, timestamps stay strings.
 *
 * Where YAML readers disagree, or where kubectl's result is not well defined, the document is refused with an
 * AmbiguousYamlError rather than read one way: explicit tags, a merge key that overrides a key set explicitly (go-yaml
 * lets the merge win, the YAML merge spec keeps the explicit key), two merge keys that set the same key, duplicate
 * keys, two keys that become the same JSON key, float, null and huge keys, `.inf` and `.nan`, and integers beyond
 * 2^53. Errors go-yaml itself raises (unknown anchor, an anchor that contains itself, excessive aliasing, a merge of
 * something that is not a mapping) are refused too.
 */
export function composeFirstDocument(events: YamlEvents, lines?: FieldLines): ComposedDocument {
  const itemLines = new WeakMap<object, number>();
  // Read through a function: TypeScript would otherwise narrow `events.type` across next() calls.
  const type = (): EventType => events.type;
  events.next();
  if (type() !== EventType.STREAM_START) throw new AmbiguousYamlError('expected the start of a YAML stream', events.startLine, events.startColumn);
  events.next();
  if (type() === EventType.STREAM_END) return { value: undefined, line: 0, itemLines, moreDocuments: false };
  events.next(); // past DOCUMENT_START
  const rootLine = events.startLine;
  const value = new Composer(events, itemLines, lines).composeNode();
  events.next(); // DOCUMENT_END
  return { value, line: rootLine, itemLines, moreDocuments: events.hasMoreDocuments() };
}

/** What `plainScalarValue` returns for a scalar the composer refuses (an integer beyond 2^53, `.inf`, `.nan`). */
export const REFUSED_SCALAR = Symbol('refused scalar');

/** The JSON value kubectl gets for a plain scalar, resolved as go-yaml v2 resolves it, or REFUSED_SCALAR. */
export function plainScalarValue(text: string): unknown {
  const resolved = resolveScalar('', text, ScalarStyle.PLAIN);
  switch (resolved.tag) {
    case '!!null':
      return null;
    case '!!bool':
      return resolved.value;
    case '!!int':
      return isSafeInteger(resolved.value) ? Number(resolved.value) : REFUSED_SCALAR;
    case '!!float':
      if (!Number.isFinite(resolved.value)) return REFUSED_SCALAR;
      return resolved.value === 0 ? 0 : resolved.value;
    default:
      return resolved.value;
  }
}

class Composer {
  private readonly anchors = new Map<string, Anchored>();
  private decodeCount = 1; // the document node
  private aliasCount = 0;
  private merges = 0;

  constructor(
    private readonly events: YamlEvents,
    private readonly itemLines: WeakMap<object, number>,
    private readonly lines: FieldLines | undefined,
  ) {}

  /** Composes the node that starts at the current event; leaves the parser on the node's last event. */
  public composeNode(): unknown {
    const ev = this.events;
    const stack: Frame[] = [];
    for (;;) {
      const parent = stack[stack.length - 1];
      const keyNext = !!parent && parent.kind === 'map' && parent.pendingKey === undefined && !parent.mergeNext;
      const mergeValue = !!parent && ((parent.kind === 'map' && parent.mergeNext) || (parent.kind === 'seq' && parent.isMerge));
      let value: unknown;
      let size: number;
      let isMapping = false;
      let valueLine = ev.startLine;
      switch (ev.type) {
        case EventType.SCALAR: {
          this.refuseTag();
          const plain = ev.style === ScalarStyle.PLAIN || ev.style === ScalarStyle.ANY;
          if (ev.anchor) this.anchors.set(ev.anchor, { value: undefined, size: 1, complete: true, isMapping: false, text: ev.value, plain });
          if (keyNext) {
            this.readKey(parent as MapFrame, ev.value, plain);
            ev.next();
            continue;
          }
          if (mergeValue) throw this.notAMap();
          this.count(1);
          value = this.scalarValue(ev.value, plain);
          size = 1;
          break;
        }
        case EventType.ALIAS: {
          const target = this.anchors.get(ev.anchor);
          if (!target) throw this.refusal(`unknown anchor '${ev.anchor}' referenced (go-yaml refuses it)`);
          if (!target.complete) throw this.refusal(`anchor '${ev.anchor}' value contains itself (go-yaml refuses it)`);
          // go-yaml decodes the anchored node again for every alias: count it as it does.
          this.decodeCount += 1 + target.size;
          this.aliasCount += target.size;
          this.checkAliasing();
          size = 1 + target.size;
          if (keyNext) {
            if (target.text === undefined) throw this.refusal(`the alias *${ev.anchor} names a mapping or sequence and is used as a mapping key (go-yaml: invalid map key)`);
            this.readKey(parent as MapFrame, target.text, target.plain!, size);
            ev.next();
            continue;
          }
          if (mergeValue && !target.isMapping) throw this.notAMap();
          value = target.text !== undefined ? this.scalarValue(target.text, target.plain!) : target.value;
          isMapping = target.isMapping;
          break;
        }
        case EventType.MAPPING_START:
        case EventType.SEQUENCE_START: {
          this.refuseTag();
          if (stack.length >= MAX_DEPTH) throw this.refusal(`the document nests deeper than ${MAX_DEPTH} levels; no Kubernetes manifest does`);
          if (keyNext) throw this.refusal('a mapping or sequence used as a mapping key (go-yaml: invalid map key)');
          const isMapStart = ev.type === EventType.MAPPING_START;
          if (mergeValue && parent.kind === 'seq' && !isMapStart) throw this.notAMap();
          const anchored: Anchored | undefined = ev.anchor ? { value: undefined, size: 0, complete: false, isMapping: isMapStart } : undefined;
          if (anchored) this.anchors.set(ev.anchor, anchored);
          // The sequence of a merge key (`<<: [*a, *b]`) is not decoded as a node by go-yaml, only its items.
          const mergeSequence = !isMapStart && mergeValue;
          const frame: Frame = isMapStart
            ? { kind: 'map', object: {}, keys: new Map(), anchored, line: ev.startLine, size: 1, mergeNext: false, nonStringKeys: false }
            : {
              kind: 'seq',
              array: [],
              anchored,
              line: ev.startLine,
              size: mergeSequence ? 0 : 1,
              isMerge: mergeSequence,
              isItems: !!parent && parent.kind === 'map' && parent.pendingKey === 'items',
              itemLines: this.lines && !mergeSequence ? [] : undefined,
            };
          if (isMapStart && parent && parent.kind === 'seq' && parent.isItems) this.itemLines.set((frame as MapFrame).object, ev.startLine);
          if (!mergeSequence) this.count(1);
          stack.push(frame);
          ev.next();
          continue;
        }
        case EventType.MAPPING_END:
        case EventType.SEQUENCE_END: {
          const frame = stack.pop()!;
          if (frame.kind === 'map') {
            value = frame.object;
            isMapping = true;
            if (frame.nonStringKeys) GO_KEYS.set(frame.object, new Map([...frame.keys].map(([k, state]) => [k, state.goKey])));
            if (this.lines) {
              const keyLines: { [key: string]: number } = {};
              // defineKey: a `__proto__` key must get a line, not change the record's prototype.
              for (const [k, state] of frame.keys) defineKey(keyLines, k, state.sourceLine ?? state.line);
              this.lines.setKeys(frame.object, keyLines);
            }
          } else {
            value = frame.array;
            if (frame.itemLines) this.lines!.setItems(frame.array, frame.itemLines);
          }
          size = frame.size;
          valueLine = frame.line;
          if (frame.anchored) {
            frame.anchored.value = value;
            frame.anchored.size = size;
            frame.anchored.complete = true;
          }
          break;
        }
        default:
          throw this.refusal(`unexpected YAML event ${ev.type}`);
      }

      const owner = stack[stack.length - 1];
      if (!owner) return value;
      if (owner.kind === 'seq') {
        if (owner.isMerge && !isMapping) throw this.notAMap();
        if (owner.isItems && ev.type === EventType.ALIAS && typeof value === 'object' && value !== null && !this.itemLines.has(value)) {
          this.itemLines.set(value, valueLine);
        }
        owner.array.push(value);
        owner.itemLines?.push(valueLine);
      } else if (owner.mergeNext) {
        owner.mergeNext = false;
        const mergeId = ++this.merges;
        if (ev.type === EventType.SEQUENCE_END) {
          // `<<: [*a, *b]`: earlier mappings take precedence, in the YAML merge spec and in go-yaml alike.
          const items = value as Array<{ [key: string]: unknown }>;
          for (let i = items.length - 1; i >= 0; i--) this.merge(owner, items[i], mergeId);
        } else {
          if (!isMapping) throw this.notAMap();
          this.merge(owner, value as { [key: string]: unknown }, mergeId);
        }
      } else {
        defineKey(owner.object, owner.pendingKey!, value);
        owner.pendingKey = undefined;
      }
      owner.size += size;
      ev.next();
    }
  }

  /** Reads a mapping key (a scalar, or an alias of one, whose go-yaml decode count is `size`). */
  private readKey(frame: MapFrame, text: string, plain: boolean, size: number = 1): void {
    if (plain && text === '<<' && size === 1) {
      // go-yaml's isMerge: the key node itself is the plain scalar `<<` (an alias of one is an ordinary key).
      frame.mergeNext = true;
      return;
    }
    if (size === 1) this.count(1);
    frame.size += size;
    const converted = plain ? jsonKeyOf(resolveScalar('', text, ScalarStyle.PLAIN), text) : { key: text, goKey: `s:${text}` };
    if (converted.refusal !== undefined) throw this.refusal(converted.refusal);
    const { key, goKey } = converted;
    const line = this.events.startLine;
    const existing = frame.keys.get(key);
    if (existing) {
      if (existing.goKey !== goKey) throw this.keyCollision(key, existing.line, line);
      if (existing.origin === 'explicit') {
        throw this.refusal(`the key "${key}" appears twice in one mapping (lines ${existing.line + 1} and ${line + 1}): YAML readers keep the first, the last or refuse; keep one`);
      }
      // An explicit key after a merge key overrides the merged value, for every reader.
    }
    if (!goKey.startsWith('s:')) frame.nonStringKeys = true;
    frame.keys.set(key, { goKey, origin: 'explicit', line, mergeId: 0 });
    frame.pendingKey = key;
  }

  /** Applies a merged mapping to a frame as go-yaml does, refusing what other readers do differently. */
  private merge(frame: MapFrame, source: { [key: string]: unknown }, mergeId: number): void {
    const line = this.events.startLine;
    const goKeys = GO_KEYS.get(source);
    const sourceLines = this.lines?.keysOf(source);
    for (const key of Object.keys(source)) {
      const goKey = goKeys?.get(key) ?? `s:${key}`;
      const existing = frame.keys.get(key);
      if (existing) {
        if (existing.goKey !== goKey) throw this.keyCollision(key, existing.line, line);
        if (existing.origin === 'explicit') {
          throw this.refusal(`the merge key "<<" on line ${line + 1} sets "${key}", which the same mapping sets explicitly on line ${existing.line + 1}: kubectl (go-yaml) lets the later one win, the YAML merge spec keeps the explicit key; set "${key}" once, without the merge`);
        }
        if (existing.mergeId !== mergeId && !deepEqual(frame.object[key], source[key])) {
          throw this.refusal(`two merge keys "<<" of one mapping set "${key}" to different values (lines ${existing.line + 1} and ${line + 1}): readers disagree about which wins; merge one mapping, or set "${key}" explicitly`);
        }
      }
      if (!goKey.startsWith('s:')) frame.nonStringKeys = true;
      frame.keys.set(key, { goKey, origin: 'merge', line, mergeId, sourceLine: sourceLines?.[key] });
      defineKey(frame.object, key, source[key]);
    }
  }

  /** The JSON value kubectl gets for a scalar. */
  private scalarValue(text: string, plain: boolean): unknown {
    // Own copies: the scanner's strings are views of the document's text, which they would keep alive.
    if (!plain) return ownString(text);
    const value = plainScalarValue(text);
    if (value !== REFUSED_SCALAR) return typeof value === 'string' ? ownString(value) : value;
    if (resolveScalar('', text, ScalarStyle.PLAIN).tag === '!!int') {
      throw this.refusal(`the integer ${text} is beyond 2^53: Go reads it exactly, JavaScript and many tools round it; quote it if it is an identifier`);
    }
    throw this.refusal(`${text} is not a number JSON can carry: kubectl fails on it ("json: unsupported value"); quote it if you mean the text`);
  }

  private refuseTag(): void {
    const tag = this.events.tag;
    if (tag !== '') {
      throw this.refusal(`the explicit tag ${tag} changes how YAML readers type the value, and they do not agree on it; remove the tag (quote a value to make it a string)`);
    }
  }

  private count(n: number): void {
    this.decodeCount += n;
    if (this.decodeCount > ALIAS_RATIO_LOW) this.checkAliasing();
  }

  private checkAliasing(): void {
    if (this.aliasCount > 100 && this.decodeCount > 1000 && this.aliasCount / this.decodeCount > allowedAliasRatio(this.decodeCount)) {
      throw this.refusal('the document expands YAML aliases so much that go-yaml refuses it ("document contains excessive aliasing"): an alias bomb?');
    }
  }

  private keyCollision(key: string, first: number, second: number): AmbiguousYamlError {
    return this.refusal(`two keys of one mapping become the JSON key "${key}" (lines ${first + 1} and ${second + 1}): kubectl keeps one of them at random; write the key once, quoted`);
  }

  private notAMap(): AmbiguousYamlError {
    return this.refusal('a merge key "<<" whose value is not a mapping or a sequence of mappings: go-yaml refuses it ("map merge requires map or sequence of maps as the value")');
  }

  private refusal(message: string): AmbiguousYamlError {
    return new AmbiguousYamlError(message, this.events.startLine, this.events.startColumn);
  }
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every(k => Object.prototype.hasOwnProperty.call(b, k) && deepEqual((a as any)[k], (b as any)[k]));
}
