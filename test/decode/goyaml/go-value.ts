/**
 * Test helper: what go-yaml v2's decoder makes of a node tree when the target is interface{} (decode.go's
 * unmarshal, mapping, merge, alias), written in the canonical form the oracle fixtures use:
 * null, true/false, int:N, uint64:N, float:<IEEE bits in hex> or float:NaN, str:"..." (JSON-style quoting),
 * [a,b], {k=v,...} with entries sorted by their UTF-8 bytes.
 */
import { NodeKind, parseFirstDocument, YamlNode } from '../../../src/decode/goyaml/compose';
import { isMergeKey, resolveScalar, ResolvedScalar } from '../../../src/decode/goyaml/resolve';

type GoValue =
  | { k: 'null' }
  | { k: 'scalar'; r: ResolvedScalar }
  | { k: 'seq'; items: GoValue[] }
  | { k: 'map'; entries: Map<string, [string, GoValue]> };

class DecodeError extends Error {}

function fail(message: string): never {
  throw new DecodeError(`yaml: ${message}`);
}

function quote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (c === 8) out += '\\b';
    else if (c === 12) out += '\\f';
    else if (c === 10) out += '\\n';
    else if (c === 13) out += '\\r';
    else if (c === 9) out += '\\t';
    else if (c < 0x20) out += '\\u' + c.toString(16).padStart(4, '0');
    else out += ch;
  }
  return out + '"';
}

function floatCanon(v: number): string {
  if (Number.isNaN(v)) return 'float:NaN';
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, v);
  return 'float:' + view.getBigUint64(0).toString(16);
}

function scalarCanon(r: ResolvedScalar): string {
  switch (r.tag) {
    case '!!null': return 'null';
    case '!!bool': return r.value ? 'true' : 'false';
    case '!!int': return `${r.goType}:${r.value.toString()}`;
    case '!!float': return floatCanon(r.value);
    default: return 'str:' + quote(r.value);
  }
}

function canon(v: GoValue): string {
  switch (v.k) {
    case 'null': return 'null';
    case 'scalar': return scalarCanon(v.r);
    case 'seq': return '[' + v.items.map(canon).join(',') + ']';
    case 'map': {
      const parts = [...v.entries.values()].map(([k, e]) => k + '=' + canon(e));
      parts.sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
      return '{' + parts.join(',') + '}';
    }
  }
}

class Decoder {
  private readonly aliases = new Set<YamlNode>();
  private nanKeys = 0;

  public unmarshal(n: YamlNode): GoValue {
    switch (n.kind) {
      case NodeKind.DOCUMENT: return this.unmarshal(n.children[0]);
      case NodeKind.ALIAS: return this.alias(n, (t) => this.unmarshal(t));
      case NodeKind.SCALAR: {
        const r = resolveScalar(n.tag, n.value, n.style);
        return r.tag === '!!null' ? { k: 'null' } : { k: 'scalar', r };
      }
      case NodeKind.SEQUENCE: return { k: 'seq', items: n.children.map((c) => this.unmarshal(c)) };
      case NodeKind.MAPPING: {
        const out: GoValue = { k: 'map', entries: new Map() };
        this.mappingInto(n, out);
        return out;
      }
    }
  }

  private alias<T>(n: YamlNode, f: (target: YamlNode) => T): T {
    if (this.aliases.has(n)) fail(`anchor '${n.value}' value contains itself`);
    this.aliases.add(n);
    try {
      return f(n.alias!);
    } finally {
      this.aliases.delete(n);
    }
  }

  private mappingInto(n: YamlNode, out: GoValue & { k: 'map' }): void {
    for (let i = 0; i < n.children.length; i += 2) {
      const key = n.children[i];
      if (key.kind === NodeKind.SCALAR && isMergeKey(key.tag, key.value, key.implicit)) {
        this.merge(n.children[i + 1], out);
        continue;
      }
      const k = this.unmarshal(key);
      if (k.k === 'map' || k.k === 'seq') fail('invalid map key: ' + canon(k));
      const e = this.unmarshal(n.children[i + 1]);
      let id = canon(k);
      // NaN != NaN: every NaN key is a new map entry in Go.
      if (id === 'float:NaN') id += `#${this.nanKeys++}`;
      out.entries.set(id, [canon(k), e]);
    }
  }

  /** Unmarshal of a mapping (or an alias to one) into an existing map. */
  private into(n: YamlNode, out: GoValue & { k: 'map' }): void {
    if (n.kind === NodeKind.ALIAS) {
      this.alias(n, (t) => this.into(t, out));
      return;
    }
    this.mappingInto(n, out);
  }

  private merge(n: YamlNode, out: GoValue & { k: 'map' }): void {
    const wantMap = (): never => fail('map merge requires map or sequence of maps as the value');
    switch (n.kind) {
      case NodeKind.MAPPING:
        this.into(n, out);
        return;
      case NodeKind.ALIAS:
        if (n.alias && n.alias.kind !== NodeKind.MAPPING) wantMap();
        this.into(n, out);
        return;
      case NodeKind.SEQUENCE:
        for (let i = n.children.length - 1; i >= 0; i--) {
          const ni = n.children[i];
          if (ni.kind === NodeKind.ALIAS) {
            if (ni.alias && ni.alias.kind !== NodeKind.MAPPING) wantMap();
          } else if (ni.kind !== NodeKind.MAPPING) {
            wantMap();
          }
          this.into(ni, out);
        }
        return;
      default:
        wantMap();
    }
  }
}

/** go-yaml's Unmarshal into interface{}: the canonical value, or the error text go-yaml would return. */
export function decodeLikeGo(text: string): { out?: string; err?: string } {
  try {
    const { root } = parseFirstDocument(text);
    // Unmarshal leaves the target untouched (nil) when the stream has no document.
    if (root === undefined) return { out: 'null' };
    return { out: canon(new Decoder().unmarshal(root)) };
  } catch (e) {
    const err = e as { goMessage?: string; message: string };
    return { err: err.goMessage ?? err.message };
  }
}
