/**
 * Event sequences of go-yaml v2's parser for tricky inputs. The expectations follow scannerc.go/parserc.go
 * (v2.4.4); the decoded values of the same constructs are also compared with go-yaml itself in oracle.test.ts.
 * Notation: +MAP/+SEQ ({} or [] for flow), =VAL with the style (: plain, ' single, " double, | literal,
 * > folded) and the value, =ALI *anchor, &anchor and <tag> as set.
 */
import { body, events } from './event-notation';
import { EventType, ScalarStyle } from '../../../src/decode/goyaml/events';
import { YamlEventParser } from '../../../src/decode/goyaml/parser';

describe('YamlEventParser: event sequences', () => {
  it.each([
    ['a: b\nc: d', ['+MAP', '=VAL :a', '=VAL :b', '=VAL :c', '=VAL :d', '-MAP']],
    ['a:\n  b: c\n  d:\n  - e\n  - f', ['+MAP', '=VAL :a', '+MAP', '=VAL :b', '=VAL :c', '=VAL :d', '+SEQ', '=VAL :e', '=VAL :f', '-SEQ', '-MAP', '-MAP']],
    ['- a\n- - b\n  - c\n- d: e\n  f: g', ['+SEQ', '=VAL :a', '+SEQ', '=VAL :b', '=VAL :c', '-SEQ', '+MAP', '=VAL :d', '=VAL :e', '=VAL :f', '=VAL :g', '-MAP', '-SEQ']],
    ['? a\n: b\n? c\n', ['+MAP', '=VAL :a', '=VAL :b', '=VAL :c', '=VAL :', '-MAP']],
    ['? - x\n: y', ['+MAP', '+SEQ', '=VAL :x', '-SEQ', '=VAL :y', '-MAP']],
    ['key: [a, {b: c}, d: e]', ['+MAP', '=VAL :key', '+SEQ []', '=VAL :a', '+MAP {}', '=VAL :b', '=VAL :c', '-MAP', '+MAP {}', '=VAL :d', '=VAL :e', '-MAP', '-SEQ', '-MAP']],
    ['[a: b, c]', ['+SEQ []', '+MAP {}', '=VAL :a', '=VAL :b', '-MAP', '=VAL :c', '-SEQ']],
    ['{a, b: }', ['+MAP {}', '=VAL :a', '=VAL :', '=VAL :b', '=VAL :', '-MAP']],
    ['a: |\n  line1\n  line2\n\nb: >-\n  fold\n  ed\n\n  para\n\n', ['+MAP', '=VAL :a', '=VAL |line1\\nline2\\n', '=VAL :b', '=VAL >fold ed\\npara', '-MAP']],
    ['a: |2-\n    two\n   one\n', ['+MAP', '=VAL :a', '=VAL |  two\\n one', '-MAP']],
    ['- |+\n  keep\n\n- >\n  x\n\n\n', ['+SEQ', '=VAL |keep\\n\\n', '=VAL >x\\n', '-SEQ']],
    ['a: >\n  a\n    b\n  c\n', ['+MAP', '=VAL :a', '=VAL >a\\n  b\\nc\\n', '-MAP']],
    ['\"esc: \\x41 \\u263A \\U0001F600 \\N \\_ \\L \\P \\0 \\t \\e\"', ['=VAL \"esc: A \u263a \ud83d\ude00 \u0085 \u00a0 \u2028 \u2029 \\u0000 \\t \\u001b']],
    ['\'it\'\'s\n  folded\n\n  twice\'', ['=VAL \'it\'s folded\\ntwice']],
    ['\"a\\\n  b\"', ['=VAL \"ab']],
    ['plain\n  multi\n\n  line', ['=VAL :plain multi\\nline']],
    ['a\tb: c\t# comment\n# full\nd: e  #c', ['+MAP', '=VAL :a\\tb', '=VAL :c', '=VAL :d', '=VAL :e', '-MAP']],
    ['\"x\n---\"', ['=VAL \"x ---']],
    ['p\n---\nq', ['=VAL :p']],
    ['%YAML 1.1\n%TAG !e! tag:example.com,2000:\n--- !e!foo x\n...\n', ['=VAL <tag:example.com,2000:foo> :x']],
    ['%TAG !! tag:other:\n--- !!int 1', ['=VAL <tag:other:int> :1']],
    ['--- &a !!map\nk: &b !!str v\nl: &c [*b, &d {x: *a}]\nm: !custom &e\n', ['+MAP &a <tag:yaml.org,2002:map>', '=VAL :k', '=VAL &b <tag:yaml.org,2002:str> :v', '=VAL :l', '+SEQ [] &c', '=ALI *b', '+MAP {} &d', '=VAL :x', '=ALI *a', '-MAP', '-SEQ', '=VAL :m', '=VAL &e <!custom> :', '-MAP']],
    ['!<tag:x> a', ['=VAL <tag:x> :a']],
    ['! a', ['=VAL <!> :a']],
    ['!local\n', ['=VAL <!local> :']],
    ['&x', ['=VAL &x :']],
    ['- &y\n- !!str\n-', ['+SEQ', '=VAL &y :', '=VAL <tag:yaml.org,2002:str> :', '=VAL :', '-SEQ']],
    ['a: \'b\'\n\"c\": d', ['+MAP', '=VAL :a', '=VAL \'b', '=VAL \"c', '=VAL :d', '-MAP']],
    ['url: http://x.y/z#frag\nk#: v', ['+MAP', '=VAL :url', '=VAL :http://x.y/z#frag', '=VAL :k#', '=VAL :v', '-MAP']],
    ['\ufeffa: 1', ['+MAP', '=VAL :a', '=VAL :1', '-MAP']],
    ['a: b\r\nc: d\r\n', ['+MAP', '=VAL :a', '=VAL :b', '=VAL :c', '=VAL :d', '-MAP']],
    ['[a\n, b]', ['+SEQ []', '=VAL :a', '=VAL :b', '-SEQ']],
    ['{ ? a : b }', ['+MAP {}', '=VAL :a', '=VAL :b', '-MAP']],
    ['- ? a\n  : b', ['+SEQ', '+MAP', '=VAL :a', '=VAL :b', '-MAP', '-SEQ']],
    ['a:\n- b\n- c\nd: e', ['+MAP', '=VAL :a', '+SEQ', '=VAL :b', '=VAL :c', '-SEQ', '=VAL :d', '=VAL :e', '-MAP']],
  ])('%j', (text, expected) => {
    expect(body(text)).toEqual(expected);
  });
});

describe('YamlEventParser: documents', () => {
  it('reports explicit starts and ends, and reads every document of the stream', () => {
    expect(events('a\n---\nb\n...\n--- c\n')).toEqual([
      '+STR', '+DOC', '=VAL :a', '-DOC', '+DOC ---', '=VAL :b', '-DOC ...', '+DOC ---', '=VAL :c', '-DOC', '-STR',
    ]);
  });

  it('gives the %YAML and %TAG directives of the document that declares them', () => {
    const p = new YamlEventParser('%YAML 1.1\n%TAG !e! tag:example.com,2000:\n--- !e!x a\n');
    expect(p.next() && p.type).toBe(EventType.STREAM_START);
    expect(p.next() && p.type).toBe(EventType.DOCUMENT_START);
    expect(p.explicit).toBe(true);
    expect(p.versionDirective).toEqual({ major: 1, minor: 1 });
    expect(p.tagDirectives).toEqual([{ handle: '!e!', prefix: 'tag:example.com,2000:' }]);
    expect(p.next() && p.tag).toBe('tag:example.com,2000:x');
  });

  it('forgets %TAG handles at the end of their document', () => {
    expect(() => events('%TAG !e! tag:x,2000:\n--- !e!a 1\n--- !e!b 2\n')).toThrow('found undefined tag handle');
  });

  it('reads an empty input as one line break, as Unmarshal does: a stream without documents', () => {
    expect(events('')).toEqual(['+STR', '-STR']);
    expect(events('# only a comment\n')).toEqual(['+STR', '-STR']);
  });

  it('stops after the stream end', () => {
    const p = new YamlEventParser('a');
    const types: EventType[] = [];
    while (p.next()) types.push(p.type);
    expect(types).toEqual([EventType.STREAM_START, EventType.DOCUMENT_START, EventType.SCALAR, EventType.DOCUMENT_END, EventType.STREAM_END]);
    expect(p.next()).toBe(false);
    expect(p.type).toBe(EventType.NO_EVENT);
  });
});

describe('YamlEventParser: scalar flags', () => {
  function scalars(text: string): { value: string; implicit: boolean; quotedImplicit: boolean; style: ScalarStyle; tag: string }[] {
    const p = new YamlEventParser(text);
    const out = [];
    while (p.next()) {
      if (p.type === EventType.SCALAR) {
        out.push({ value: p.value, implicit: p.implicit, quotedImplicit: p.quotedImplicit, style: p.scalarStyle, tag: p.tag });
      }
    }
    return out;
  }

  it('sets implicit for plain untagged scalars and for the ! tag, quoted_implicit for untagged quoted ones', () => {
    expect(scalars('[a, "b", !!str c, ! d, ! "e", !x f]')).toEqual([
      { value: 'a', implicit: true, quotedImplicit: false, style: ScalarStyle.PLAIN, tag: '' },
      { value: 'b', implicit: false, quotedImplicit: true, style: ScalarStyle.DOUBLE_QUOTED, tag: '' },
      { value: 'c', implicit: false, quotedImplicit: false, style: ScalarStyle.PLAIN, tag: 'tag:yaml.org,2002:str' },
      { value: 'd', implicit: true, quotedImplicit: false, style: ScalarStyle.PLAIN, tag: '!' },
      { value: 'e', implicit: true, quotedImplicit: false, style: ScalarStyle.DOUBLE_QUOTED, tag: '!' },
      { value: 'f', implicit: false, quotedImplicit: false, style: ScalarStyle.PLAIN, tag: '!x' },
    ]);
  });
});

describe('YamlEventParser: positions', () => {
  function marks(text: string): string[] {
    const p = new YamlEventParser(text);
    const out: string[] = [];
    while (p.next()) {
      if (p.type === EventType.SCALAR || p.type === EventType.MAPPING_START || p.type === EventType.SEQUENCE_START) {
        out.push(`${p.value}@${p.startLine}:${p.startColumn}+${p.startOffset}-${p.endLine}:${p.endColumn}+${p.endOffset}`);
      }
    }
    return out;
  }

  it('keeps libyaml\'s 0-based lines and columns and the string offsets', () => {
    expect(marks('k: v\nlist:\n  - &a x\n')).toEqual([
      '@0:0+0-0:0+0', 'k@0:0+0-0:1+1', 'v@0:3+3-0:4+4', 'list@1:0+5-1:4+9', '@2:2+13-2:2+13', 'x@2:4+15-2:8+19',
    ]);
  });

  it('counts an astral character as one column but two string offsets, and CRLF as one line break', () => {
    expect(marks('\ud83d\ude00: "\ud83d\ude00x"\r\nb: c')).toEqual([
      '@0:0+0-0:0+0', '\ud83d\ude00@0:0+0-0:1+2', '\ud83d\ude00x@0:3+4-0:7+9', 'b@1:0+11-1:1+12', 'c@1:3+14-1:4+15',
    ]);
  });

  it('starts counting after a leading BOM, whose offset stays in the string offsets', () => {
    expect(marks('\ufeffa: b')).toEqual(['@0:0+1-0:0+1', 'a@0:0+1-0:1+2', 'b@0:3+4-0:4+5']);
  });
});
