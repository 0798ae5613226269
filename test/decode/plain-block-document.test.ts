/**
 * The plain block reader answers only with what go-yaml's composer answers: whenever `readPlainBlockDocument`
 * reads a document, the full composer (our go-yaml v2 port) reads the same value, root line, key lines, item lines
 * and list item lines, and does not refuse the document. Generated documents lean on what breaks a line-based
 * reading: YAML 1.1 words and numbers as plain scalars, quotes, indicators, comments, blank lines, trailing spaces,
 * indentless sequences, literal block scalars, and lines moved by one column or cut short.
 */
import * as fs from 'fs';
import * as path from 'path';
import { isDeepStrictEqual } from 'util';
import * as fc from 'fast-check';
import { composeFirstDocument } from '../../src/decode/compose-value';
import { FieldLineIndex, FieldLines } from '../../src/decode/field-lines';
import { readPlainBlockDocument } from '../../src/decode/plain-block-document';
import { splitDocuments } from '../../src/decode/split-documents';
import { yamlEvents } from '../../src/decode/yaml-events';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every mapping key's and sequence item's line, by path, as a decoder's field line index answers. */
function linesByPath(value: unknown, lines: FieldLineIndex, position = 0, at = '$', out: string[] = []): string[] {
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      const step = lines.itemStep(value, position, i);
      out.push(`${at}[${i}]@${step?.line}`);
      if (step) linesByPath(item, lines, step.position, `${at}[${i}]`, out);
    });
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, member] of Object.entries(value)) {
      const step = lines.keyStep(value, position, key);
      out.push(`${at}.${key}@${step?.line}`);
      if (step) linesByPath(member, lines, step.position, `${at}.${key}`, out);
    }
  }
  return out;
}

/** Mappings that are items of an `items` sequence, with their recorded lines, by path. */
function itemLinesByPath(value: unknown, itemLines: WeakMap<object, number>, at = '$', out: string[] = []): string[] {
  if (typeof value !== 'object' || value === null) return out;
  if (itemLines.has(value)) out.push(`${at}@${itemLines.get(value)}`);
  for (const [key, member] of Object.entries(value)) itemLinesByPath(member, itemLines, `${at}.${key}`, out);
  return out;
}

type Outcome = { answered: false } | { answered: true; agreed: boolean; detail?: string };

/** Reads a document both ways; when the plain reader answers, says whether the composer agrees. */
function compare(text: string): Outcome {
  const plain = readPlainBlockDocument(text, true);
  if (plain === undefined) return { answered: false };
  const fullLines = new FieldLines();
  let full;
  try {
    full = composeFirstDocument(yamlEvents(text), fullLines);
  } catch (e) {
    return { answered: true, agreed: false, detail: `the composer refuses it: ${(e as Error).message}` };
  }
  const read = (value: unknown, line: number, lines: FieldLineIndex, itemLines: WeakMap<object, number>) =>
    ({ value, line, lines: linesByPath(value, lines), items: itemLinesByPath(value, itemLines) });
  const ours = read(plain.value, plain.line, plain.lines!, plain.itemLines);
  const theirs = read(full.value, full.line, fullLines, full.itemLines);
  // util's deep equality, not jest's: jest compares the `constructor` property, which a YAML key can set.
  if (!isDeepStrictEqual(ours, theirs)) {
    return { answered: true, agreed: false, detail: `plain reader: ${JSON.stringify(ours)}\ncomposer: ${JSON.stringify(theirs)}` };
  }
  return { answered: true, agreed: !full.moreDocuments };
}

// Scalars: what manifests hold, and what YAML 1.1 and go-yaml read as something else.
const SAFE_WORDS = ['web', 'api', 'nginx:1.27', '512Mi', '500m', '8080', 'true', 'team-a', 'registry.example.com/web:1.0.0', 'a b'];
const WORDS = [
  'web', 'nginx:1.27', 'ghcr.io/acme/web:1.4.2@sha256:0123', '512Mi', '500m', '25%', 'Managed by Helm', 'http://x:80/a',
  'yes', 'No', 'ON', 'off', 'y', 'n', 'true', 'False', 'null', 'Null', '~', '<<', '=', '.inf', '-.Inf', '.NaN', '0x10',
  '0o17', '0b101', '1_000', '1e3', '6.02e+23', '5E', '+1', '-0', '010', '0777', '8080', '-12', '1.5', '.5', '190:20:30',
  '2001-12-14', '2001-12-14T21:59:43Z', '9007199254740993', 'a:b', 'a #b', 'a#b', 'a,b', 'a  b', 'a b', '(x)', '$HOME',
  '~/x', '-x', '--', '---', '...', 'key=value', '__proto__', 'constructor', 'a\\b', '+', 'x:', 'a: b', '#x', '&a', '*a',
  '!x', '@x', '%x', '`x', '|', '>', '?', ':x', '[a]', '{a}', ']', '}', ',',
  // Unicode: printable, a line break for go-yaml (NEL, LS, PS), refused (C1 controls, DEL, U+FFFE), a BOM, astral.
  'ünï', 'Grüße — “quoted”', '日本語', 'a\u0085b', 'a\u2028b', 'a\u2029b', 'a\u0080b', 'a\u009fb', 'a\u007fb', 'a\ufeffb',
  'a\ufffeb', 'a\ud83d\ude00b', '\u00a0', 'x\u00a0',
];
const SAFE_KEYS = ['name', 'image', 'app.kubernetes.io/name', 'items', 'data', 'x', 'a b', 'a:b', 'ports', 'env'];
const TRICKY_KEYS = ['on', 'yes', '1', '<<', '-', '$ref', 'k#', 'null', '', '__proto__', 'a ', 'a: b'];
const keyText = fc.oneof({ arbitrary: fc.constantFrom(...SAFE_KEYS), weight: 12 }, { arbitrary: fc.constantFrom(...TRICKY_KEYS), weight: 1 });
const word = fc.oneof(
  { arbitrary: fc.constantFrom(...SAFE_WORDS), weight: 8 },
  { arbitrary: fc.constantFrom(...WORDS), weight: 4 },
  { arbitrary: fc.stringMatching(/^[ -~]{0,8}$/), weight: 1 },
);
const scalar: fc.Arbitrary<Json> = fc.oneof(
  { arbitrary: word, weight: 6 },
  { arbitrary: fc.stringMatching(/^[ -~]{0,6}(\n[ -~]{0,6}){1,3}\n?$/), weight: 1 },
  { arbitrary: fc.integer(), weight: 1 },
  { arbitrary: fc.oneof(fc.boolean(), fc.constant(null)), weight: 1 },
);
const tree: fc.Arbitrary<Json> = fc.letrec(tie => ({
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.array(tie('node'), { maxLength: 3 }),
    fc.dictionary(fc.oneof({ arbitrary: keyText, weight: 8 }, { arbitrary: word, weight: 1 }), tie('node'), { maxKeys: 4 })),
})).node as fc.Arbitrary<Json>;
const root = fc.dictionary(keyText, tree, { minKeys: 1, maxKeys: 5 });

/** How a document is written: each choice is drawn per node from this seeded stream. */
interface Style {
  readonly indent: number;
  readonly choice: () => number;
}

function emitScalar(value: Json, style: Style, column: number): string[] {
  const pick = style.choice() % 16;
  if (typeof value === 'string' && value.includes('\n') && pick < 6) {
    const strip = !value.endsWith('\n');
    const body = (strip ? value : value.slice(0, -1)).split('\n');
    const pad = ' '.repeat(column + style.indent + (pick === 5 ? -style.indent : 0));
    return [strip ? '|-' : (pick === 4 ? '|+' : '|'), ...body.map(l => (l === '' && pick !== 3 ? '' : pad + l))];
  }
  const text = String(value);
  if (pick === 0 && typeof value === 'string') return [`"${text}"`];
  if (pick === 1 && typeof value === 'string') return [`'${text}'`];
  if (pick === 2 && style.choice() % 4 === 0) return [`${text} # note`];
  return [value === null && pick === 3 ? '' : text];
}

function emit(value: Json, style: Style, column: number, out: string[], prefix: string): void {
  const pad = ' '.repeat(column);
  const comment = style.choice() % 11;
  if (comment === 0) out.push(`${' '.repeat(style.choice() % 6)}# comment`);
  if (comment === 1) out.push(' '.repeat(style.choice() % 4));
  if (Array.isArray(value) || (typeof value === 'object' && value !== null)) {
    const entries: Array<[string | undefined, Json]> = Array.isArray(value) ? value.map(v => [undefined, v]) : Object.entries(value);
    if (entries.length === 0) {
      out.push(`${prefix}${Array.isArray(value) ? '[]' : '{}'}`);
      return;
    }
    entries.forEach(([key, member], index) => {
      const lead = index === 0 && prefix.trim() !== '' ? prefix : pad;
      const head = key === undefined ? `${lead}-${' '.repeat(1 + (style.choice() % 7 === 0 ? 1 : 0))}` : `${lead}${quoteKey(key, style)}:`;
      const nested = typeof member === 'object' && member !== null && (Array.isArray(member) ? member.length > 0 : Object.keys(member).length > 0);
      if (key === undefined && nested && !Array.isArray(member)) {
        // `- key: value`: the mapping starts on the entry's line.
        emit(member, style, head.length, out, head);
      } else if (nested) {
        out.push(head);
        const indentless = Array.isArray(member) && style.choice() % 3 === 0;
        emit(member, style, indentless ? column : column + style.indent, out, '');
      } else {
        const lines = emitScalar(member, style, column);
        const gap = key === undefined ? '' : ' '.repeat(lines[0] === '' ? 0 : 1 + (style.choice() % 9 === 0 ? 2 : 0));
        out.push(`${head}${gap}${lines[0]}${style.choice() % 13 === 0 ? '  ' : ''}`, ...lines.slice(1));
      }
    });
    return;
  }
  out.push(`${prefix}${emitScalar(value, style, column).join('\n')}`);
}

function quoteKey(key: string, style: Style): string {
  const pick = style.choice() % 10;
  if (pick === 0) return `"${key}"`;
  if (pick === 1) return `'${key}'`;
  return key;
}

/** Damage that a line-based reader could misread: a line moved by a column, cut, or given a tab or a colon. */
function damage(lines: string[], at: number, how: number): string[] {
  const copy = [...lines];
  const i = at % copy.length;
  const line = copy[i];
  switch (how % 6) {
    case 0: copy[i] = ` ${line}`; break;
    case 1: copy[i] = line.replace(/^ /, ''); break;
    case 2: copy[i] = line.slice(0, Math.max(0, line.length - 3)); break;
    case 3: copy[i] = `${line}:`; break;
    case 4: copy[i] = line.replace(' ', '\t'); break;
    default: copy.splice(i, 0, `${' '.repeat(how % 5)}x`); break;
  }
  return copy;
}

const document = fc.record({
  value: root,
  seed: fc.array(fc.nat(1000), { minLength: 8, maxLength: 8 }),
  indent: fc.constantFrom(1, 2, 2, 2, 4),
  damage: fc.option(fc.tuple(fc.nat(), fc.nat()), { freq: 4 }),
}).map(({ value, seed, indent, damage: hurt }) => {
  let n = 0;
  const style: Style = { indent, choice: () => seed[n++ % seed.length] + n };
  const out: string[] = [];
  emit(value, style, 0, out, '');
  return `${(hurt ? damage(out, hurt[0], hurt[1]) : out).join('\n')}\n`;
});

describe('readPlainBlockDocument', () => {
  test('whenever it answers, go-yaml\'s composer reads the same value, lines and list items, and accepts the document', () => {
    let answered = 0;
    fc.assert(fc.property(document, text => {
      const outcome = compare(text);
      if (!outcome.answered) return;
      answered++;
      if (!outcome.agreed) throw new Error(`the plain reader and the composer differ on:\n${text}\n${outcome.detail ?? 'more documents'}`);
    }), { numRuns: Number(process.env.PBD_RUNS ?? 12000), seed: Number(process.env.PBD_SEED ?? 20261204) });
    // The property must not pass by declining everything.
    expect(answered).toBeGreaterThan(800);
  });

  test('on the decoder corpus read by kubectl and on every manifest in the repository, it agrees or declines', () => {
    const texts: string[] = [];
    const corpus = JSON.parse(fs.readFileSync(path.join(__dirname, 'fixtures', 'oracle-corpus.json'), 'utf-8'));
    for (const c of corpus.cases) texts.push(c.text);
    const walk = (dir: string): void => {
      for (const name of fs.readdirSync(dir)) {
        const p = path.join(dir, name);
        if (fs.statSync(p).isDirectory()) walk(p);
        else if (/\.ya?ml$/.test(name)) texts.push(fs.readFileSync(p, 'utf-8'));
      }
    };
    for (const dir of ['examples', 'conformance/corpus', 'test']) walk(path.join(__dirname, '..', '..', dir));
    let answered = 0;
    const wrong: string[] = [];
    for (const text of texts) {
      let chunks;
      try {
        chunks = splitDocuments(text, 'x.yaml');
      } catch {
        continue;
      }
      for (const chunk of chunks) {
        const outcome = compare(chunk.text);
        if (!outcome.answered) continue;
        answered++;
        if (!outcome.agreed) wrong.push(`${chunk.text}\n${outcome.detail ?? ''}`);
      }
    }
    expect(wrong.slice(0, 3)).toEqual([]);
    expect(answered).toBeGreaterThan(500);
  });

  test('reads the block style of a manifest, indentless sequences and literal scalars included', () => {
    const text = [
      '# Source: chart/templates/deployment.yaml',
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: "web"',
      '  labels: {}',
      'spec:',
      '  replicas: 0x10',
      '  template:',
      '    spec:',
      '      containers:',
      '      - name: web',
      '        args: []',
      '        command:',
      '          - sh',
      "          - 'on'",
      '        env:',
      '          -   name: Ä',
      '              value: yes',
      '      script: |',
      '        set -e',
      '',
      '        # not a comment',
      '      done: |-',
      '        x',
      '',
      '',
    ].join('\n');
    const read = readPlainBlockDocument(text)!;
    expect(read.value).toEqual({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', labels: {} },
      spec: {
        replicas: 16,
        template: {
          spec: {
            containers: [{ name: 'web', args: [], command: ['sh', 'on'], env: [{ name: 'Ä', value: true }] }],
            script: 'set -e\n\n# not a comment\n',
            done: 'x',
          },
        },
      },
    });
    expect(read.line).toBe(1);
    expect(compare(text)).toEqual({ answered: true, agreed: true });
  });

  test.each([
    ['a tab', 'a:\tb\n'],
    ['a line break go-yaml reads in a value (NEL)', 'a: b\u0085c\n'],
    ['a line separator', 'a: b\u2028c\n'],
    ['a C1 control character', 'a: b\u0090c\n'],
    ['a byte-order mark inside the text', 'a: b\ufeffc\n'],
    ['an astral character', 'a: \ud83d\ude00\n'],
    ['a flow mapping with content', 'a: {b: c}\n'],
    ['a flow sequence with content', 'a: [b]\n'],
    ['an anchor and an alias', 'a: &x b\nc: *x\n'],
    ['a tag', 'a: !!str 1\n'],
    ['a merge key', 'a:\n  b: 1\n<<: {}\n'],
    ['a comment after a value', 'a: b # c\n'],
    ['a plain scalar that goes on to the next line', 'a: b\n  c\n'],
    ['a scalar on the line after its key', 'a:\n  b\n'],
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['a key YAML 1.1 reads as a boolean', 'on: 1\n'],
    ['a key that is a number', '1: a\n'],
    ['an integer beyond 2^53', 'a: 9007199254740993\n'],
    ['.inf', 'a: .inf\n'],
    ['a folded block scalar', 'a: >\n  b\n'],
    ['a keep-chomping block scalar', 'a: |+\n  b\n'],
    ['a block scalar with an indentation indicator', 'a: |2\n   b\n'],
    ['a block scalar that starts with a blank line', 'a: |\n\n  b\n'],
    ['a root sequence', '- a\n'],
    ['a nested sequence on one line', 'a:\n- - b\n'],
    ['an entry alone on its line', 'a:\n-\n  b: 1\n'],
    ['a key that is less indented than its siblings', 'a:\n    b: 1\n  c: 2\n'],
    ['a document end marker', 'a: 1\n...\n'],
    ['a directive', '%YAML 1.1\na: 1\n'],
    ['an escape in double quotes', 'a: "b\\n"\n'],
    ['a quoted scalar that goes on to the next line', 'a: "b\n  c"\n'],
    ['a mapping indicator inside a value', 'a: b: c\n'],
    ['a quoted key that JavaScript lists first', 'b: 1\n"1": 2\n'],
  ])('declines %s, which the composer reads (or refuses) on its own', (_what, text) => {
    expect(readPlainBlockDocument(text)).toBeUndefined();
  });
});
