/** parseFirstDocument: the node tree of decode.go's parser for the first document of a stream. */
import { NodeKind, parseFirstDocument, YamlNode } from '../../../src/decode/goyaml/compose';
import { CollectionStyle, ScalarStyle, YamlSyntaxError } from '../../../src/decode/goyaml/events';

function content(text: string): YamlNode {
  const { root } = parseFirstDocument(text);
  expect(root?.kind).toBe(NodeKind.DOCUMENT);
  expect(root!.children).toHaveLength(1);
  return root!.children[0];
}

describe('parseFirstDocument', () => {
  it('builds mappings as key, value, key, value with 1-based lines and columns', () => {
    const map = content('kind: Pod\nspec:\n  containers:\n  - name: "app"\n');
    expect(map.kind).toBe(NodeKind.MAPPING);
    expect(map.style).toBe(CollectionStyle.BLOCK);
    expect(map.children.map((c) => c.value)).toEqual(['kind', 'Pod', 'spec', '']);
    const spec = map.children[3];
    const containers = spec.children[1];
    expect(containers.kind).toBe(NodeKind.SEQUENCE);
    expect({ line: containers.line, column: containers.column }).toEqual({ line: 4, column: 3 });
    const name = containers.children[0].children[1];
    expect({ value: name.value, style: name.style, implicit: name.implicit, line: name.line, column: name.column, offset: name.offset })
      .toEqual({ value: 'app', style: ScalarStyle.DOUBLE_QUOTED, implicit: false, line: 4, column: 11, offset: 40 });
  });

  it('points an alias at the node its anchor named, the latest definition before it', () => {
    const seq = content('- &a first\n- *a\n- &a second\n- *a\n');
    expect(seq.children[1].kind).toBe(NodeKind.ALIAS);
    expect(seq.children[1].alias).toBe(seq.children[0]);
    expect(seq.children[3].alias).toBe(seq.children[2]);
    expect(seq.children[0].anchor).toBe('a');
  });

  it('names a collection before reading its children, so it can contain an alias to itself', () => {
    const map = content('a: &x [1, *x]');
    const seq = map.children[1];
    expect(seq.children[1].alias).toBe(seq);
  });

  it('keeps the anchors of the document on the document node', () => {
    const { root } = parseFirstDocument('a: &x 1\nb: &y [2]\n');
    expect([...root!.anchors!.keys()]).toEqual(['x', 'y']);
  });

  it('refuses an alias to an anchor not defined before it, with go-yaml\'s message and no line', () => {
    let error: unknown;
    try {
      parseFirstDocument('a: *later\nb: &later 1\n');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(YamlSyntaxError);
    expect((error as YamlSyntaxError).goMessage).toBe("yaml: unknown anchor 'later' referenced");
    expect({ line: (error as YamlSyntaxError).line, column: (error as YamlSyntaxError).column }).toEqual({ line: 1, column: 4 });
  });

  it('gives no document for an empty stream or one with only comments', () => {
    expect(parseFirstDocument('')).toEqual({ root: undefined, hasMoreDocuments: false });
    expect(parseFirstDocument('# nothing\n')).toEqual({ root: undefined, hasMoreDocuments: false });
  });

  it.each([
    ['a: 1\n---\nb: 2\n', true],
    ['a: 1\n---\n', true],
    ['--- a\n--- b', true],
    ['a: 1\n--- {', true],
    ['a: 1\n...\n', false],
    ['a: 1\n...\n...\n# end\n', false],
    ['a: 1\n', false],
    ['--- a\n...\n', false],
  ])('tells whether more follows the first document: %j -> %s', (text, more) => {
    const r = parseFirstDocument(text);
    expect(r.root).toBeDefined();
    expect(r.hasMoreDocuments).toBe(more);
  });

  it('reads only the first document, so a broken second document is not reported', () => {
    expect(content('a\n--- [').value).toBe('a');
  });

  it('reports what breaks while the first document is still being read', () => {
    expect(() => parseFirstDocument('a: 1\n@')).toThrow('found character that cannot start any token');
  });

  it('nests 9999 flow sequences without exhausting the stack', () => {
    let n = content('['.repeat(9999) + ']'.repeat(9999));
    let depth = 1;
    while (n.children.length > 0) {
      n = n.children[0];
      depth++;
    }
    expect(depth).toBe(9999);
  });
});
