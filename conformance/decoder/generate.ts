/**
 * Generates manifest files for the differential test of our decoder against kubectl's (conformance/yaml-oracle):
 * small Kubernetes-looking documents (apiVersion, kind, metadata, spec with security fields) written with the YAML
 * features where readers disagree: merge keys at every level and position, anchors and aliases, every scalar
 * spelling go-yaml v2's resolver treats specially, quoting styles and block scalars, explicit tags, directives,
 * document markers, comments, duplicate and non-string keys, flow and block styles, JSON documents and streams,
 * `items` on any kind, `List`, typed lists and nested lists.
 *
 * A file is drawn as a tree whose nodes carry their rendering choices, then printed by `render`; anchors and
 * aliases are resolved while printing, so that most aliases name an anchor already defined (an alias to an unknown
 * anchor is also drawn, rarely).
 */
import * as fc from 'fast-check';

// ---------------------------------------------------------------------------------------------------------------
// Scalar spellings. Each list holds what a plain YAML reader may resolve differently from go-yaml v2.

/** Integer spellings: Go literals (strconv.ParseInt base 0 after removing `_`), YAML 1.1 forms, and near misses. */
export const INT_SPELLINGS = [
  '0', '1', '1000', '10001', '65535', '8080', '-1', '+5', '-0', '+0', '017', '0017', '08', '09', '0o17', '0O17',
  '0o17620', '0o0', '0x1F', '0X1f', '0X1F90', '0x0', '0X0', '0b101', '0B1010000', '-0b1', '+0b1', '0b0', '1_000',
  '1__0', '_1', '0x_1F', '0_1', '1:30', '190:20:30', '12345678901234567890', '9223372036854775807',
  '9223372036854775808', '-9223372036854775808', '-9223372036854775809', '18446744073709551615',
  '18446744073709551616', '99999999999999999999999', '0x7FFFFFFFFFFFFFFF', '0xFFFFFFFFFFFFFFFF', '0o', '0x', '0b',
  '-0x10', '+0x10', '0xG', '1e3', '1E3', '0e0', '1e+3', '1.0', '1.', '.5', '+.5', '-.5', '0.0', '-0.0', '1.5e+3',
  '1e400', '6.8523015e+5', '685.230_15e+03', '1_0.5', '.inf', '-.inf', '+.inf', '.Inf', '.INF', '.NaN', '.nan',
  '.NAN', '10000', '0.', '1e-7', '5e-324',
];

/** Boolean spellings of YAML 1.1 (go-yaml v2 resolves all of these) and YAML 1.2, plus look-alikes. */
export const BOOL_SPELLINGS = [
  'true', 'True', 'TRUE', 'false', 'False', 'FALSE', 'y', 'Y', 'yes', 'Yes', 'YES', 'n', 'N', 'no', 'No', 'NO',
  'on', 'On', 'ON', 'off', 'Off', 'OFF', 'tRUE', 'yEs', 'oN', 'nO', 'truE', '1', '0',
];

/** Null spellings, the empty value included (written as nothing after the colon). */
export const NULL_SPELLINGS = ['~', 'null', 'Null', 'NULL', 'nULL', ''];

/** Strings that some reader may turn into something else: timestamps, tags, escapes, comments, indicators. */
export const STRING_SPELLINGS = [
  'web', 'nginx:1.27', 'busybox', 'kube-system', 'default', 'a b', 'true false', '2001-12-14', '2001-12-14t21:59:43.10-05:00',
  '2001-12-14 21:59:43.10 -5', '2002-12-14', '12:30:45', '0644', '1.2.3', '1e', 'NaN', 'Infinity', 'x # not a comment',
  'x #comment', 'a:b', 'a: b', '-', '--', '---', '...', '- a', '? a', '=', '<<', '"quoted"', "'single'", "'it''s'",
  '"\\x74rue"', '"tr\\u0075e"', '"\\t1"', '"a\\nb"', '"\\"', '"\\0"', '"\\N"', '"\\_"', '"\\L"', '"\\P"', '"\\e"',
  '"\\U0001F600"', '"\\/"', '"line\\\n  continued"', "'multi\n  line'", '"multi\n  line"', '!!str 0x10', '!!str true',
  '!!str', '!!binary aGVsbG8=', '!!binary "aGVs\\nbG8="', '!foo bar', '!<tag:yaml.org,2002:str> x', '!!timestamp 2001-12-14',
  '&anchorless x', '@x', '`x', '%x', '!', '! 1', '!!null ""', '!!int "42"', '!!int 0x10', '!!int 1.5', '!!float 1',
  '!!float "2"', '!!bool yes', '!!bool 1', '!!bool "true"', '!!str ~', '!!str 1e3', '!!merge <<', '!!value =',
  '"\uFEFFx"', 'caf\u00e9', '\u00a0x', 'x\u2028y', 'tab\there', 'trailing\t', '"\\u00e9"', "''", '""',
];

const pick = <T>(values: readonly T[]) => fc.constantFrom(...values);

/** `value` in about `percent` of the draws, else undefined (and then `value` is not drawn at all). */
function rarely<T>(value: fc.Arbitrary<T>, percent: number): fc.Arbitrary<T | undefined> {
  return fc.oneof({ weight: 100 - percent, arbitrary: fc.constant(undefined) }, { weight: percent, arbitrary: value });
}

/** fc.record without its per-value cost (records are drawn millions of times here). */
function record<T extends Record<string, unknown>>(shape: { [K in keyof T]: fc.Arbitrary<T[K]> }): fc.Arbitrary<T> {
  const keys = Object.keys(shape) as Array<keyof T>;
  return fc.tuple(...keys.map(k => shape[k] as fc.Arbitrary<unknown>)).map(values => {
    const out = {} as T;
    keys.forEach((k, i) => { out[k] = values[i] as T[keyof T]; });
    return out;
  });
}

// ---------------------------------------------------------------------------------------------------------------
// The tree.

/** A scalar: its inline spelling (already quoted or tagged), or a block scalar. */
export interface ScalarNode { readonly t: 'scalar'; readonly text: string }
export interface BlockScalarNode {
  readonly t: 'block';
  /** `|`, `>-`, `|2+` ... */
  readonly header: string;
  /** Content lines; `\u0000---` and `\u0000...` are written at column 0, inside the scalar. */
  readonly lines: readonly string[];
  /** Used where a block scalar cannot go (flow context). */
  readonly inline: string;
}
export interface AliasNode { readonly t: 'alias'; readonly pick: number; readonly dangling: boolean; readonly fallback: string }
export interface MergeEntry {
  readonly t: 'merge';
  /** alias: `<<: *a`; list: `<<: [*a, *b]`; inline: `<<: {k: v}`; scalar: `<<: x` (go-yaml refuses it). */
  readonly form: 'alias' | 'list' | 'inline' | 'block' | 'scalar';
  readonly picks: readonly number[];
  readonly inline: MapNode;
}
export interface PairEntry {
  readonly t: 'pair';
  readonly key: string;
  readonly value: Node;
  /** `? key` on its own line (block maps only). */
  readonly explicit: boolean;
  /** A comment line before the entry, a comment after it (block maps only). */
  readonly before?: string;
  readonly after?: string;
  /** What separates `:` from the value (a space, two, a tab). */
  readonly gap: string;
}
export type Entry = PairEntry | MergeEntry;
export interface MapNode { readonly t: 'map'; readonly entries: readonly Entry[]; readonly flow: boolean; readonly anchor?: string; readonly tag?: string }
export interface SeqNode { readonly t: 'seq'; readonly items: readonly Node[]; readonly flow: boolean; readonly anchor?: string; readonly indented: boolean }
export type Node = ScalarNode | BlockScalarNode | AliasNode | MapNode | SeqNode;

// ---------------------------------------------------------------------------------------------------------------
// Scalars.

/** Quotes or tags a plain spelling now and then. */
function styled(plain: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.tuple(plain, fc.nat(99)).map(([text, roll]) => {
    if (roll < 78 || text === '') return text;
    if (roll < 86) return `'${text.replace(/'/g, "''")}'`;
    if (roll < 93) return JSON.stringify(text);
    if (roll < 96) return `!!str ${text}`;
    return `${pickTag(roll)} ${text}`;
  });
}

function pickTag(roll: number): string {
  return ['!!int', '!!bool', '!!float', '!!null', '!foo'][roll % 5];
}

const anchorName = pick(['a', 'b', 'base', 'x1', 'a']);

const scalarOf = (plain: fc.Arbitrary<string>): fc.Arbitrary<Node> => styled(plain).map(text => ({ t: 'scalar', text }));

const blockScalar: fc.Arbitrary<Node> = record({
  header: pick(['|', '|-', '|+', '>', '>-', '>+', '|2', '>2-', '|1+']),
  lines: fc.array(fc.oneof(
    { weight: 30, arbitrary: pick(['true', 'privileged: true', 'a', '', '  indented', '---', '...', '# not a comment', '0x10', 'b c']) },
    { weight: 1, arbitrary: pick(['\u0000---', '\u0000...', '\u0000--- x', '\u0000#']) },
  ), { minLength: 1, maxLength: 3 }),
  inline: pick(['text', '"a\\nb"', '|']),
}).map(b => ({ t: 'block', ...b }) as BlockScalarNode);

const alias = (fallback: string): fc.Arbitrary<Node> =>
  record({ pick: fc.nat(7), dangling: fc.nat(30).map(n => n === 0) }).map(a => ({ t: 'alias', ...a, fallback }) as AliasNode);

/** Any scalar at all, for values where the type does not matter and for mixing types into typed fields. */
const anyScalar: fc.Arbitrary<Node> = fc.oneof(
  { weight: 3, arbitrary: scalarOf(pick(INT_SPELLINGS)) },
  { weight: 3, arbitrary: scalarOf(pick(BOOL_SPELLINGS)) },
  { weight: 1, arbitrary: scalarOf(pick(NULL_SPELLINGS)) },
  { weight: 3, arbitrary: fc.constantFrom(...STRING_SPELLINGS).map(text => ({ t: 'scalar', text }) as Node) },
  { weight: 1, arbitrary: blockScalar },
);

/** A value for a field of a known type: mostly that type's spellings, sometimes anything, sometimes an alias. */
function typed(spellings: readonly string[]): fc.Arbitrary<Node> {
  return fc.oneof(
    { weight: 14, arbitrary: scalarOf(pick(spellings)) },
    { weight: 2, arbitrary: anyScalar },
    { weight: 1, arbitrary: alias(spellings[0]) },
  );
}
const boolValue = typed(BOOL_SPELLINGS);
const intValue = typed(INT_SPELLINGS);
const NAMES = ['web', 'api', 'x', 'a-b', '"web"', "'db'", '"1"', "'true'", 'web # c', '"0x10"', '-web', '"web\\x00"', 'on-call', '"yes"', 'y-1'];
const nameValue = typed(NAMES);
/** metadata is decoded into ObjectMeta: a name that is not a string fails, so it is rare here. */
const metadataString = (spellings: readonly string[]) => fc.oneof(
  { weight: 40, arbitrary: scalarOf(pick(spellings)) },
  { weight: 1, arbitrary: scalarOf(pick(['1', 'true', 'yes', 'on', '0x10', '1e3', 'null', '~', ''])) },
  { weight: 1, arbitrary: alias(spellings[0]) },
);

// ---------------------------------------------------------------------------------------------------------------
// Maps.

/** Keys that are not plain field names: ints, bools, floats, nulls, collections, tags, quoted forms. */
const ODD_KEYS = [
  '1', '0x10', '16', '"16"', '017', 'true', 'True', 'yes', 'on', 'y', 'n', 'no', 'off', 'false', '1.5', '1e3', '.inf',
  '~', 'null', '""', "''", '[a, b]', '{a: 1}', '!!str 1', '!!int "1"', '!!bool yes', '? x', 'a b', '"a\\tb"', '2001-12-14',
  '&k key', '*a', '-1', '0', '0.0', '!!binary aGk=', 'privileged ', '"privileged "', '\u00a0privileged',
];

/** How a field name is written as a key. */
const keySpelling = (name: string): fc.Arbitrary<string> => fc.nat(99).map(roll => {
  if (roll < 84) return name;
  if (roll < 89) return `"${name}"`;
  if (roll < 93) return `'${name}'`;
  if (roll < 95) return `"${name.slice(0, 1)}\\x${name.charCodeAt(1).toString(16)}${name.slice(2)}"`;
  if (roll < 97) return `!!str ${name}`;
  // A quoted trailing space makes another key; a plain one is trimmed away.
  return roll === 97 ? `"${name} "` : `${name} `;
});

const COMMENTS = ['# privileged: true', '#---', '# hostPID: true', '# comment', '#', '# --- x'];

const gap = fc.nat(19).map(n => (n < 16 ? ' ' : n < 18 ? '  ' : '\t'));
const comment = rarely(pick(COMMENTS), 3);

function pair(key: fc.Arbitrary<string>, value: fc.Arbitrary<Node>): fc.Arbitrary<Entry> {
  return record({
    key,
    value,
    explicit: fc.nat(60).map(n => n === 0),
    before: comment,
    after: comment,
    gap,
  }).map(p => ({ t: 'pair', ...p }) as PairEntry);
}

const field = (name: string, value: fc.Arbitrary<Node>) => pair(keySpelling(name), value);

/** A merge entry; its inline map, when used, sets security fields to the values an attacker would pick. */
const mergeEntry: fc.Arbitrary<Entry> = record({
  form: fc.constantFrom<MergeEntry['form']>('alias', 'alias', 'alias', 'list', 'list', 'inline', 'inline', 'inline', 'block', 'block', 'scalar'),
  picks: fc.array(fc.nat(7), { minLength: 1, maxLength: 3 }),
  inline: fc.array(fc.oneof(
    field('privileged', boolValue),
    field('runAsUser', intValue),
    field('hostPID', boolValue),
    field('allowPrivilegeEscalation', boolValue),
    field('hostPort', intValue),
    field('name', nameValue),
  ), { minLength: 1, maxLength: 2 }).map(entries => ({ t: 'map', entries, flow: true }) as MapNode),
}).map(m => ({ t: 'merge', ...m }) as MergeEntry);

interface MapShape {
  /** The fields, in order; each may be left out. */
  readonly fields: ReadonlyArray<fc.Arbitrary<Entry>>;
  /** The fields that are always there. */
  readonly required?: number;
}

/**
 * A mapping of fields, with now and then: fields left out, merges anywhere, a duplicated field, odd keys, flow
 * style, an anchor or a tag.
 */
function mapOf(shape: MapShape, flowWeight = 15): fc.Arbitrary<Node> {
  const required = shape.required ?? 0;
  return record({
    values: fc.tuple(...shape.fields.map((f, i) => (i < required ? f : rarely(f, 50)))),
    merges: rarely(fc.array(fc.tuple(mergeEntry, fc.nat(20)), { minLength: 1, maxLength: 2 }), 9),
    duplicate: rarely(fc.tuple(fc.nat(20), fc.nat(20), anyScalar), 4),
    odd: rarely(fc.array(pair(pick(ODD_KEYS), anyScalar), { minLength: 1, maxLength: 2 }), 3),
    flow: fc.nat(99).map(n => n < flowWeight),
    anchor: rarely(anchorName, 10),
    tag: rarely(pick(['!!map', '!foo', '!!omap', '!!set']), 2),
  }).map(({ values, merges, duplicate, odd, flow, anchor, tag }) => {
    const entries = values.filter((e): e is Entry => e !== undefined);
    if (duplicate && entries.length) {
      const original = entries[duplicate[0] % entries.length];
      if (original.t === 'pair') {
        entries.splice(duplicate[1] % (entries.length + 1), 0, { ...original, value: duplicate[2], before: undefined, after: undefined });
      }
    }
    for (const extra of odd ?? []) entries.splice((extra as PairEntry).key.length % (entries.length + 1), 0, extra);
    for (const [merge, position] of merges ?? []) entries.splice(position % (entries.length + 1), 0, merge);
    return { t: 'map', entries, flow, anchor, tag } as MapNode;
  });
}

function seqOf(item: fc.Arbitrary<Node>, minLength = 1, maxLength = 2, flowWeight = 10): fc.Arbitrary<Node> {
  return record({
    items: fc.array(item, { minLength, maxLength }),
    flow: fc.nat(99).map(n => n < flowWeight),
    anchor: rarely(anchorName, 10),
    indented: fc.boolean(),
  }).map(s => ({ t: 'seq', ...s }) as SeqNode);
}

// ---------------------------------------------------------------------------------------------------------------
// Kubernetes shapes.

const capabilities = mapOf({
  fields: [
    field('add', seqOf(scalarOf(pick(['SYS_ADMIN', 'NET_RAW', 'ALL', 'NET_BIND_SERVICE', 'sys_admin', 'CAP_SYS_ADMIN'])))),
    field('drop', seqOf(scalarOf(pick(['ALL', 'all', 'NET_RAW'])))),
  ],
});

const containerSecurityContext = mapOf({
  fields: [
    field('privileged', boolValue),
    field('allowPrivilegeEscalation', boolValue),
    field('runAsUser', intValue),
    field('runAsNonRoot', boolValue),
    field('readOnlyRootFilesystem', boolValue),
    field('capabilities', capabilities),
    field('procMount', scalarOf(pick(['Default', 'Unmasked', 'unmasked']))),
  ],
});

const port = mapOf({
  fields: [field('containerPort', intValue), field('hostPort', intValue), field('protocol', scalarOf(pick(['TCP', 'UDP', 'tcp'])))],
  required: 1,
});

const container = mapOf({
  fields: [
    field('name', nameValue),
    field('image', scalarOf(pick(['nginx', 'nginx:1.27', 'busybox@sha256:0', 'x:latest']))),
    field('securityContext', containerSecurityContext),
    field('ports', seqOf(port, 1, 1)),
  ],
  required: 1,
}, 10);

const podSecurityContext = mapOf({
  fields: [
    field('runAsUser', intValue),
    field('runAsGroup', intValue),
    field('runAsNonRoot', boolValue),
    field('fsGroup', intValue),
  ],
});

const podSpec = mapOf({
  fields: [
    field('hostPID', boolValue),
    field('hostNetwork', boolValue),
    field('hostIPC', boolValue),
    field('securityContext', podSecurityContext),
    field('containers', seqOf(container, 1, 1)),
  ],
}, 8);

const metadata = mapOf({
  fields: [
    field('name', metadataString(NAMES)),
    field('namespace', metadataString(['default', 'kube-system', '""', "''", 'prod', '"1"', 'null'])),
    field('labels', mapOf({ fields: [field('app', metadataString(NAMES)), field('tier', metadataString(['web', '"1"', "'true'", '"on"', 'front', 'null']))] })),
  ],
  required: 1,
}, 25);

const KINDS = ['Pod', 'Pod', 'Pod', 'Deployment', 'ConfigMap', 'List', 'List', 'PodList', 'DeploymentList', 'Secret', 'pod', 'Job'];
const API_VERSIONS = ['v1', 'v1', 'apps/v1', 'batch/v1', 'v2', '"v1"', "'v1'", '1', 'true', '~', 'v1 # c', '!!str v1', '"apps/v1"', 'v1 ', 'V1'];

/** `items` values that are not a list of objects. */
const oddItems = scalarOf(pick(['null', '~', '[]', '{}', '"x"', '[1]', '[null]', '[[]]', '[~, {}]', '']));

const manifests = new Map<number, fc.Arbitrary<Node>>();

/**
 * A document that looks like a Kubernetes object. `depth` bounds the nesting of `items`: list items are objects
 * (with their kind and apiVersion left out now and then, as an API server writes typed lists) or lists again.
 */
export function manifest(depth: number): fc.Arbitrary<Node> {
  let arbitrary = manifests.get(depth);
  if (!arbitrary) {
    arbitrary = fc.oneof(...KINDS.map(kind => manifestOfKind(kind, depth)));
    manifests.set(depth, arbitrary);
  }
  return arbitrary;
}

function manifestOfKind(kind: string, depth: number): fc.Arbitrary<Node> {
  const isList = kind.endsWith('List');
  const item = depth > 0 ? manifest(depth - 1) : fc.constant<Node>({ t: 'scalar', text: '{}' });
  const items: fc.Arbitrary<Node> = fc.oneof(
    { weight: 8, arbitrary: seqOf(withoutTypeNowAndThen(item), 1, 2, 20) },
    { weight: 1, arbitrary: seqOf(item, 0, 0) },
    { weight: 1, arbitrary: oddItems },
  );
  const spec = kind === 'Pod' || kind === 'pod' || isList
    ? podSpec
    : mapOf({ fields: [field('template', mapOf({ fields: [field('metadata', metadata), field('spec', podSpec)], required: 2 }))], required: 1 });
  const fields: Array<fc.Arbitrary<Entry>> = [
    field('apiVersion', fc.oneof({ weight: 16, arbitrary: scalarOf(pick(API_VERSIONS.slice(0, 4))) }, { weight: 2, arbitrary: scalarOf(pick(API_VERSIONS)) })),
    field('kind', fc.oneof({ weight: 20, arbitrary: fc.constant<Node>({ t: 'scalar', text: kind }) }, { weight: 2, arbitrary: scalarOf(pick([`"${kind}"`, `'${kind}'`, 'List', `!!str ${kind}`, `${kind} # c`])) }, { weight: 1, arbitrary: scalarOf(pick(['~', '1', '""', 'true'])) })),
    field('metadata', metadata),
    field('spec', spec),
    field('data', mapOf({ fields: [field('key', anyScalar), field('other', anyScalar)] })),
    field('items', items),
  ];
  const dataKind = kind === 'ConfigMap' || kind === 'Secret';
  return record({
    rolls: fc.tuple(fc.nat(19), fc.nat(19), fc.nat(19)),
    node: mapOf({ fields, required: 2 }, 6),
  }).map(({ rolls: [itemsRoll, specRoll, dataRoll], node }) => {
    const m = node as MapNode;
    // items mostly on lists and now and then elsewhere, spec mostly off lists, data mostly on ConfigMaps and Secrets.
    const keep = (e: Entry) => {
      if (e.t !== 'pair') return true;
      const name = e.key.replace(/^!!str |["' ]/g, '');
      if (name === 'items') return isList || itemsRoll < 3;
      if (name === 'spec') return isList ? specRoll < 2 : specRoll < 18;
      if (name === 'data') return dataKind ? dataRoll < 15 : dataRoll < 1;
      return true;
    };
    return { ...m, entries: m.entries.filter(keep) };
  });
}

/** Drops apiVersion and/or kind from some list items, as in a typed list (`PodList`) read back from a server. */
function withoutTypeNowAndThen(item: fc.Arbitrary<Node>): fc.Arbitrary<Node> {
  return fc.tuple(item, fc.nat(9)).map(([node, roll]) => {
    if (node.t !== 'map' || roll > 2) return node;
    const drop = roll <= 1 ? ['apiVersion', 'kind'] : roll === 2 ? ['kind'] : ['apiVersion'];
    return { ...node, entries: node.entries.filter(e => e.t !== 'pair' || !drop.includes(e.key.replace(/["']/g, ''))) };
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Printing.

interface Anchor { readonly name: string; readonly map: boolean; readonly block: boolean }

/** Prints one document tree as YAML; anchors defined earlier in the same document are what aliases refer to. */
export class YamlPrinter {
  private readonly anchors: Anchor[] = [];

  /** The document, as block lines (without a final newline). */
  document(node: Node): string {
    if (node.t === 'map' && !node.flow) return this.blockMap(node, 0).join('\n');
    if (node.t === 'seq' && !node.flow) return this.blockSeq(node, 0).join('\n');
    return this.flow(node);
  }

  private anchorPrefix(node: MapNode | SeqNode): string {
    return `${node.anchor ? `&${node.anchor} ` : ''}${'tag' in node && node.tag ? `${node.tag} ` : ''}`;
  }

  private define(node: MapNode | SeqNode): void {
    if (node.anchor) this.anchors.push({ name: node.anchor, map: node.t === 'map', block: !node.flow });
  }

  private aliasText(node: AliasNode): string {
    if (node.dangling) return '*nowhere';
    if (this.anchors.length === 0) return node.fallback;
    return `*${this.anchors[node.pick % this.anchors.length].name}`;
  }

  private mergeValue(entry: MergeEntry): string {
    const maps = this.anchors.filter(a => a.map);
    switch (entry.form) {
      case 'scalar': return 'x';
      case 'alias':
        if (maps.length) return `*${maps[entry.picks[0] % maps.length].name}`;
        return this.flow(entry.inline);
      case 'list':
        if (maps.length) return `[${entry.picks.map(p => `*${maps[p % maps.length].name}`).join(', ')}]`;
        return `[${this.flow(entry.inline)}]`;
      default:
        return this.flow(entry.inline);
    }
  }

  /** A node in flow context. */
  flow(node: Node): string {
    switch (node.t) {
      case 'scalar': return node.text;
      case 'block': return node.inline;
      case 'alias': return this.aliasText(node);
      case 'seq': {
        const text = `${this.anchorPrefix(node)}[${node.items.map(i => this.flow(i)).join(', ')}]`;
        this.define(node);
        return text;
      }
      case 'map': {
        const parts = node.entries.map(e => (e.t === 'merge' ? `<<: ${this.mergeValue(e)}` : `${e.key}: ${this.flow(e.value)}`));
        const text = `${this.anchorPrefix(node)}{${parts.join(', ')}}`;
        this.define(node);
        return text;
      }
    }
  }

  /** What follows `key:` or `- ` for a node in block context at `indent` (the indentation of its parent). */
  private blockValue(node: Node, indent: number, gapText: string, inSeq: boolean): string[] {
    switch (node.t) {
      case 'scalar': return [node.text === '' ? '' : `${gapText}${node.text}`];
      case 'alias': return [`${gapText}${this.aliasText(node)}`];
      case 'block': {
        const pad = ' '.repeat(indent + 2);
        return [` ${node.header}`, ...node.lines.map(l => (l.startsWith('\u0000') ? l.slice(1) : l === '' ? '' : pad + l))];
      }
      case 'map': {
        if (node.flow || node.entries.length === 0) return [`${gapText}${this.flow(node)}`];
        const prefix = this.anchorPrefix(node).trimEnd();
        const lines = this.blockMap(node, indent + 2);
        if (inSeq && !prefix) return lines;
        return [prefix ? ` ${prefix}` : '', ...lines];
      }
      case 'seq': {
        if (node.flow || node.items.length === 0) return [`${gapText}${this.flow(node)}`];
        const prefix = this.anchorPrefix(node).trimEnd();
        const lines = this.blockSeq(node, inSeq || node.indented ? indent + 2 : indent);
        return [prefix ? ` ${prefix}` : '', ...lines];
      }
    }
  }

  private blockMap(node: MapNode, indent: number): string[] {
    const pad = ' '.repeat(indent);
    const out: string[] = [];
    for (const entry of node.entries) {
      if (entry.t === 'merge') {
        if (entry.form === 'block') {
          out.push(`${pad}<<:`, ...this.blockMap({ ...entry.inline, flow: false }, indent + 2));
        } else {
          out.push(`${pad}<<: ${this.mergeValue(entry)}`);
        }
        continue;
      }
      if (entry.before) out.push(`${pad}${entry.before}`);
      const value = this.blockValue(entry.value, indent, entry.gap, false);
      if (entry.explicit) {
        out.push(`${pad}? ${entry.key}`);
        out.push(`${pad}:${value[0] === '' ? '' : value[0].startsWith(' ') || value[0].startsWith('\t') ? value[0] : ` ${value[0]}`}`, ...value.slice(1));
      } else {
        out.push(`${pad}${entry.key}:${value[0]}`, ...value.slice(1));
      }
      if (entry.after && entry.value.t !== 'block' && !(entry.value.t === 'scalar' && entry.value.text.includes('\n'))) {
        const last = out.length - 1;
        out[last] = `${out[last]} ${entry.after}`;
      }
    }
    this.define(node);
    return out;
  }

  private blockSeq(node: SeqNode, indent: number): string[] {
    const pad = ' '.repeat(indent);
    const out: string[] = [];
    for (const item of node.items) {
      if (item.t === 'map' && !item.flow && item.entries.length > 0) {
        const prefix = this.anchorPrefix(item).trimEnd();
        const lines = this.blockMap(item, indent + 2);
        if (prefix) {
          out.push(`${pad}- ${prefix}`, ...lines);
        } else {
          out.push(`${pad}- ${lines[0].slice(indent + 2)}`, ...lines.slice(1));
        }
        continue;
      }
      const value = this.blockValue(item, indent, ' ', true);
      out.push(`${pad}-${value[0]}`, ...value.slice(1));
    }
    this.define(node);
    return out;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// JSON documents.

const JSON_NUMBERS = ['0', '1', '1000', '-1', '-0', '1.0', '1e3', '1E3', '0.5', '12345678901234567890', '9223372036854775807', '1e-400', '10.0e0', '65535', '0', '1', '8080', '10001', '0.0', '-0.0', '1e400'];
const JSON_STRINGS = ['"web"', '"v1"', '"Pod"', '"true"', '"\\u0074rue"', '"a\\u0000b"', '"\\ud800"', '"caf\u00e9"', '""'];

/** Renders a YAML tree as JSON text (aliases and merges become plain values), with JSON's own number spellings. */
function jsonOf(node: Node, numbers: readonly number[], at = { i: 0 }): string {
  const next = () => numbers[at.i++ % numbers.length];
  switch (node.t) {
    case 'scalar': {
      const t = node.text;
      if (BOOL_SPELLINGS.slice(0, 6).includes(t)) return t.toLowerCase();
      if (INT_SPELLINGS.includes(t) || BOOL_SPELLINGS.includes(t)) return JSON_NUMBERS[next() % JSON_NUMBERS.length];
      if (NULL_SPELLINGS.includes(t)) return 'null';
      if (t === '{}' || t === '[]' || t === '[1]') return t;
      return next() % 5 === 0 ? JSON_STRINGS[next() % JSON_STRINGS.length] : JSON.stringify(t.replace(/^["']|["']$/g, ''));
    }
    case 'block': return JSON.stringify(node.lines.join('\n'));
    case 'alias': return next() % 2 ? 'true' : '0';
    case 'seq': return `[${node.items.map(i => jsonOf(i, numbers, at)).join(',')}]`;
    case 'map': {
      const parts: string[] = [];
      for (const e of node.entries) {
        if (e.t === 'merge') continue;
        const key = /^[A-Za-z]+$/.test(e.key) ? JSON.stringify(e.key) : JSON.stringify(e.key.replace(/["']/g, ''));
        parts.push(`${key}${next() % 7 === 0 ? ' : ' : ':'}${jsonOf(e.value, numbers, at)}`);
      }
      return `{${parts.join(next() % 6 === 0 ? ',\n  ' : ',')}}`;
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Files.

const PREFIXES = [
  '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '',
  '---\n', '---\n', '---\n', '---\n', '---\n', '---\n', '---\n', '---\n', '--- # first\n', '# a comment\n', '%YAML 1.1\n---\n', '%YAML 1.2\n---\n', '%YAML 1.1\n',
  '%TAG !k! tag:example.com,2026:\n---\n', '%FOO bar\n---\n', '\uFEFF', '\n\n', '...\n', '--- \n', '---\t\n', '   \n',
];
const SEPARATORS = [
  '---\n', '---\n', '---\n', '---\n', '---\n', '---\n', '---\n', '---\n', '---\n', '---\n', '---\n', '---\n', '---\n',
  '---\n', '---\n', '---\n', '---\n', '---\n', '---\n', '---\n', '--- \n', '--- \n', '--- # next\n', '--- # next\n', '--- # next\n', '---#x\n', '---x\n', '--- x\n', '...\n---\n', '...\n', '...\n...\n',
  '\n---\n', ' ---\n', '\t---\n', '----\n', '--- |\n', '--- !!map\n', '---  \t\n', '# ---\n', '---\n---\n', '--- >\n',
];
const SUFFIXES = ['', '', '', '', '', '', '', '', '\n', '\n', '---\n', '...\n', '---\n', '--- \n', '\n\n', '# end\n', '...\n# after\n'];

/** A file: one to three YAML documents with markers, directives and comments, or JSON (an object, a stream, JSON then YAML). */
export function manifestFile(): fc.Arbitrary<string> {
  const docs = fc.oneof(
    { weight: 6, arbitrary: fc.array(manifest(1), { minLength: 1, maxLength: 1 }) },
    { weight: 4, arbitrary: fc.array(manifest(1), { minLength: 2, maxLength: 3 }) },
  );
  const yamlFile = record({
    prefix: pick(PREFIXES),
    docs,
    separators: fc.array(pick(SEPARATORS), { minLength: 3, maxLength: 3 }),
    suffix: pick(SUFFIXES),
    crlf: fc.nat(39).map(n => n === 0),
    tabIndent: fc.nat(59).map(n => n === 0),
    null: fc.nat(49).map(n => n === 0),
  }).map(f => {
    let text = f.prefix;
    f.docs.forEach((doc, i) => {
      if (i > 0) text += f.separators[i - 1];
      text += `${new YamlPrinter().document(doc)}\n`;
    });
    text += f.suffix;
    if (f.null) text += 'null\n---\n~\n';
    if (f.tabIndent) text = text.replace(/\n {2}(?=\S)/, '\n\t');
    if (f.crlf) text = text.replace(/\n/g, '\r\n');
    return text;
  });
  const jsonFile = record({
    docs,
    numbers: fc.array(fc.nat(1000), { minLength: 8, maxLength: 8 }),
    joiner: pick(['', '\n', ' ', '\n\n', '\n---\n', '\r\n']),
    lead: pick(['', ' ', '\n', '\t', '\uFEFF']),
    yamlTail: rarely(manifest(0), 15),
  }).map(f => {
    let text = f.lead + f.docs.map(d => jsonOf(d, f.numbers)).join(f.joiner);
    if (f.yamlTail) text += `\n---\n${new YamlPrinter().document(f.yamlTail)}\n`;
    return text;
  });
  return fc.oneof({ weight: 17, arbitrary: yamlFile }, { weight: 3, arbitrary: jsonFile });
}

/** `count` files drawn with `seed`: the same seed always gives the same files. */
export function generateFiles(count: number, seed: number): string[] {
  return fc.sample(fc.noBias(manifestFile()), { seed, numRuns: count });
}
