/**
 * Malformed inputs: go-yaml's problem text, the problem's own position (1-based line and column), and the text
 * go-yaml's Unmarshal returns, whose line number follows decode.go's (*parser).fail: the problem line, 0-based
 * for parser errors and 1-based for scanner errors, or the context line, or none when that is 0.
 */
import { parseFirstDocument } from '../../../src/decode/goyaml/compose';
import { YamlSyntaxError } from '../../../src/decode/goyaml/events';
import { YamlEventParser } from '../../../src/decode/goyaml/parser';

function errorOf(text: string): YamlSyntaxError {
  try {
    parseFirstDocument(text);
  } catch (e) {
    if (e instanceof YamlSyntaxError) return e;
    throw e;
  }
  throw new Error(`no error for ${JSON.stringify(text)}`);
}

describe('YamlSyntaxError: go-yaml messages and positions', () => {
  it.each([
    ['a: b: c', 'mapping values are not allowed in this context', 1, 5, 'yaml: mapping values are not allowed in this context'],
    ['a:\n\tb: 1', 'found character that cannot start any token', 2, 1, 'yaml: line 2: found character that cannot start any token'],
    ['key: value\n  bad: indent', 'mapping values are not allowed in this context', 2, 6, 'yaml: line 2: mapping values are not allowed in this context'],
    ['- a\nb: 1', 'did not find expected \'-\' indicator', 2, 1, 'yaml: line 1: did not find expected \'-\' indicator'],
    ['{a: 1', 'did not find expected \',\' or \'}\'', 2, 1, 'yaml: line 1: did not find expected \',\' or \'}\''],
    ['[1, 2', 'did not find expected \',\' or \']\'', 2, 1, 'yaml: line 1: did not find expected \',\' or \']\''],
    ['a: [1, 2}', 'did not find expected \',\' or \']\'', 1, 9, 'yaml: did not find expected \',\' or \']\''],
    ['\'abc', 'found unexpected end of stream', 1, 5, 'yaml: found unexpected end of stream'],
    ['a: \"\\q\"', 'found unknown escape character', 1, 5, 'yaml: found unknown escape character'],
    ['@foo', 'found character that cannot start any token', 1, 1, 'yaml: found character that cannot start any token'],
    ['x:\n  y: 1\n z: 2', 'did not find expected key', 3, 2, 'yaml: line 2: did not find expected key'],
    ['a: *unknown', 'unknown anchor \'unknown\' referenced', 1, 4, 'yaml: unknown anchor \'unknown\' referenced'],
    ['%YAML 1.2\n--- a', 'found incompatible YAML document', 1, 1, 'yaml: found incompatible YAML document'],
    ['%YAML 1.1\n%YAML 1.1\n--- a', 'found duplicate %YAML directive', 2, 1, 'yaml: line 1: found duplicate %YAML directive'],
    ['%TAG !e! a\n%TAG !e! b\n--- x', 'found duplicate %TAG directive', 2, 1, 'yaml: line 1: found duplicate %TAG directive'],
    ['!e!x a', 'found undefined tag handle', 1, 1, 'yaml: found undefined tag handle'],
    ['a: |0\n  x', 'found an indentation indicator equal to 0', 1, 5, 'yaml: found an indentation indicator equal to 0'],
    ['a: \"\\uD800\"', 'found invalid Unicode character escape code', 1, 7, 'yaml: found invalid Unicode character escape code'],
    ['a: \"\\xZ1\"', 'did not find expected hexdecimal number', 1, 7, 'yaml: did not find expected hexdecimal number'],
    ['a: \'x\n---\n\'', 'found unexpected document indicator', 2, 1, 'yaml: line 2: found unexpected document indicator'],
    ['a:\n  - b\n  c: d', 'did not find expected \'-\' indicator', 3, 3, 'yaml: line 2: did not find expected \'-\' indicator'],
    ['a\u0001', 'control characters are not allowed', 1, 2, 'yaml: control characters are not allowed'],
    ['? a\n? b\nc', 'could not find expected \':\'', 4, 1, 'yaml: line 4: could not find expected \':\''],
    ['a: !<x y', 'did not find the expected \'>\'', 1, 7, 'yaml: did not find the expected \'>\''],

  ])('%j fails with "%s" at %d:%d', (text, message, line, column, goMessage) => {
    const e = errorOf(text);
    expect({ message: e.message, line: e.line, column: e.column, goMessage: e.goMessage })
      .toEqual({ message, line, column, goMessage });
  });

  it('carries the offset in the string and libyaml\'s context', () => {
    const e = errorOf('a: 1\nb: [x,\n  y: z: w]');
    expect(e.context).toBe('while parsing a flow sequence');
    expect(e.offset).toBe('a: 1\nb: [x,\n  y: z'.length);
  });

  it('leaves the event parser at the failing event: earlier events were delivered', () => {
    const p = new YamlEventParser('- a\n- b\nc: d');
    const values: string[] = [];
    expect(() => {
      while (p.next()) values.push(p.value);
    }).toThrow("did not find expected '-' indicator");
    expect(values).toContain('b');
  });

  it('refuses a document longer than 1024 characters of simple key', () => {
    expect(() => parseFirstDocument('a'.repeat(1024) + ': b')).not.toThrow();
    expect(errorOf('a'.repeat(1025) + ': b').goMessage).toBe('yaml: mapping values are not allowed in this context');
  });

  it('refuses collections nested deeper than 10000 flow levels', () => {
    expect(errorOf('['.repeat(10001)).message).toBe('exceeded max depth of 10000');
  });
});

describe('YamlEventParser after an error', () => {
  it('throws the same error again instead of reading on', () => {
    const p = new YamlEventParser('a: [1, 2}\nb: c');
    let first: unknown;
    try {
      while (p.next());
    } catch (e) {
      first = e;
    }
    expect(first).toBeInstanceOf(YamlSyntaxError);
    expect(() => p.next()).toThrow(first as Error);
  });
});
