/**
 * resolve.go as go-yaml v2 applies it to interface{} targets. The spellings here are the resolve table and the
 * number rules read from the Go source; resolve.json (oracle.test.ts) holds several hundred more, checked
 * against go-yaml itself.
 */
import { ScalarStyle } from '../../../src/decode/goyaml/events';
import { isMergeKey, RESOLVE_TABLE_KEYS, resolveScalar, YamlResolveError } from '../../../src/decode/goyaml/resolve';
import { parseGoFloat, parseGoInt, parseGoUint } from '../../../src/decode/goyaml/strconv';
import { parseGoTimestamp } from '../../../src/decode/goyaml/timestamp';

const plain = (v: string) => resolveScalar('', v, ScalarStyle.PLAIN);

describe('resolve table', () => {
  const TRUE = ['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON'];
  const FALSE = ['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF'];
  const NULL = ['', '~', 'null', 'Null', 'NULL'];
  const NAN = ['.nan', '.NaN', '.NAN'];
  const POS_INF = ['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF'];
  const NEG_INF = ['-.inf', '-.Inf', '-.INF'];

  it('has exactly the spellings of resolve.go', () => {
    expect([...RESOLVE_TABLE_KEYS].sort()).toEqual([...TRUE, ...FALSE, ...NULL, ...NAN, ...POS_INF, ...NEG_INF, '<<'].sort());
  });

  it.each(TRUE)('%j is true', (s) => expect(plain(s)).toEqual({ tag: '!!bool', value: true }));
  it.each(FALSE)('%j is false', (s) => expect(plain(s)).toEqual({ tag: '!!bool', value: false }));
  it.each(NULL)('%j is null', (s) => expect(plain(s)).toEqual({ tag: '!!null' }));
  it.each(NAN)('%j is NaN', (s) => expect(plain(s)).toEqual({ tag: '!!float', value: NaN }));
  it.each(POS_INF)('%j is +Inf', (s) => expect(plain(s)).toEqual({ tag: '!!float', value: Infinity }));
  it.each(NEG_INF)('%j is -Inf', (s) => expect(plain(s)).toEqual({ tag: '!!float', value: -Infinity }));
  it('<< is in the table but never looked up (\'<\' has no hint): it resolves to the string "<<"', () => {
    expect(plain('<<')).toEqual({ tag: '!!str', value: '<<' });
  });

  it.each(['yEs', 'TRue', 'nULL', 'oN', 'nil', 'None', '.iNf', '.infinity', 'Infinity', 'inf', 'nan', 'NaN'])(
    'a spelling outside the table stays a string: %j', (s) => expect(plain(s)).toEqual({ tag: '!!str', value: s }));
});

describe('numbers', () => {
  const int = (v: bigint | number) => ({ tag: '!!int', value: BigInt(v), goType: 'int' });
  const uint64 = (v: bigint) => ({ tag: '!!int', value: v, goType: 'uint64' });
  const float = (v: number) => ({ tag: '!!float', value: v });
  const str = (v: string) => ({ tag: '!!str', value: v });

  it.each([
    ['0', int(0)], ['-0', int(0)], ['+12', int(12)], ['010', int(8)], ['0o17', int(15)], ['0O17', int(15)],
    ['0x1F', int(31)], ['-0x1f', int(-31)], ['0b101', int(5)], ['-0b101', int(-5)], ['0b+101', int(5)], ['0b-101', int(-5)],
    ['1_000', int(1000)], ['0x_1f', int(31)], ['+_1', int(1)], ['9223372036854775807', int(9223372036854775807n)],
    ['-9223372036854775808', int(-9223372036854775808n)], ['9223372036854775808', uint64(9223372036854775808n)],
    ['18446744073709551615', uint64(18446744073709551615n)], ['0xFFFFFFFFFFFFFFFF', uint64(18446744073709551615n)],
    ['0b' + '1'.repeat(64), uint64(18446744073709551615n)],
    ['08', float(8)], ['09.5', float(9.5)], ['1.5', float(1.5)], ['.5', float(0.5)], ['-.5', float(-0.5)], ['1.', float(1)],
    ['1e3', float(1000)], ['1E-3', float(0.001)], ['-0.0', float(-0)], ['.5_5', float(0.55)], ['685_230.15', float(685230.15)],
    ['18446744073709551616', float(18446744073709551616)], ['-9223372036854775809', float(-9223372036854775809)],
    ['1e-400', float(0)], ['4.9e-324', float(5e-324)],
    ['1e400', str('1e400')], ['0x1p-2', str('0x1p-2')], ['0x', str('0x')], ['0o8', str('0o8')], ['0b2', str('0b2')],
    ['_1', str('_1')], ['1__0', int(10)], ['1:20', str('1:20')], ['1,000', str('1,000')], ['0b', str('0b')], ['-0b', str('-0b')],
    ['1e', str('1e')], ['._5', str('._5')], ['.', str('.')], ['+', str('+')], ['-', str('-')],
  ])('%j', (s, expected) => {
    expect(plain(s as string)).toEqual(expected);
  });

  it('distinguishes -0 from 0 for floats', () => {
    expect(Object.is((plain('-0.0') as { value: number }).value, -0)).toBe(true);
  });
});

describe('quoted scalars and explicit tags', () => {
  it.each([ScalarStyle.SINGLE_QUOTED, ScalarStyle.DOUBLE_QUOTED, ScalarStyle.LITERAL, ScalarStyle.FOLDED])(
    'an untagged scalar of style %d is a string', (style) => {
      expect(resolveScalar('', 'true', style)).toEqual({ tag: '!!str', value: 'true' });
      expect(resolveScalar('', '12', style)).toEqual({ tag: '!!str', value: '12' });
    });

  it('resolves quoted text that carries a tag', () => {
    expect(resolveScalar('!!int', '12', ScalarStyle.DOUBLE_QUOTED)).toEqual({ tag: '!!int', value: 12n, goType: 'int' });
    expect(resolveScalar('tag:yaml.org,2002:bool', 'yes', ScalarStyle.SINGLE_QUOTED)).toEqual({ tag: '!!bool', value: true });
  });

  it('takes !!float for any Go int, but not for a uint64', () => {
    expect(resolveScalar('!!float', '1', ScalarStyle.PLAIN)).toEqual({ tag: '!!float', value: 1 });
    expect(() => resolveScalar('!!float', '18446744073709551615', ScalarStyle.PLAIN))
      .toThrow('cannot decode !!int `18446744073709551615` as a !!float');
  });

  it.each([
    ['!!int', '1.5', 'cannot decode !!float `1.5` as a !!int'],
    ['!!int', 'abc', 'cannot decode !!str `abc` as a !!int'],
    ['!!bool', '1', 'cannot decode !!int `1` as a !!bool'],
    ['!!null', 'x', 'cannot decode !!str `x` as a !!null'],
    ['!!null', 'false', 'cannot decode !!bool `false` as a !!null'],
    ['!!timestamp', 'x', 'cannot decode !!str `x` as a !!timestamp'],
    ['!!timestamp', '12', 'cannot decode !!int `12` as a !!timestamp'],
    ['!!float', '2001-01-01', 'cannot decode !!str `2001-01-01` as a !!float'],
  ])('%s %j fails: %s', (tag, value, message) => {
    let error: unknown;
    try {
      resolveScalar(tag, value, ScalarStyle.PLAIN);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(YamlResolveError);
    expect((error as YamlResolveError).message).toBe(message);
    expect((error as YamlResolveError).goMessage).toBe(`yaml: ${message}`);
  });

  it('keeps !!str text as it is', () => {
    expect(resolveScalar('!!str', '12', ScalarStyle.PLAIN)).toEqual({ tag: '!!str', value: '12' });
    expect(resolveScalar('!!str', '', ScalarStyle.PLAIN)).toEqual({ tag: '!!str', value: '' });
  });

  it('accepts !!null for the null spellings', () => {
    expect(resolveScalar('!!null', '', ScalarStyle.PLAIN)).toEqual({ tag: '!!null' });
    expect(resolveScalar('!!null', '~', ScalarStyle.PLAIN)).toEqual({ tag: '!!null' });
  });

  it('hands over text with a tag go-yaml does not resolve, noting the tag', () => {
    expect(resolveScalar('!foo', '12', ScalarStyle.PLAIN)).toEqual({ tag: '!!str', value: '12', customTag: '!foo' });
    expect(resolveScalar('!', 'true', ScalarStyle.PLAIN)).toEqual({ tag: '!!str', value: 'true', customTag: '!' });
    expect(resolveScalar('tag:yaml.org,2002:map', 'x', ScalarStyle.PLAIN)).toEqual({ tag: '!!str', value: 'x', customTag: '!!map' });
  });
});

describe('timestamps', () => {
  it('gives timestamp-looking plain scalars to interface{} as their text', () => {
    expect(plain('2001-12-14')).toEqual({ tag: '!!timestamp', value: '2001-12-14' });
    expect(plain('2001-12-14t21:59:43.10-05:00')).toEqual({ tag: '!!timestamp', value: '2001-12-14t21:59:43.10-05:00' });
  });

  it.each([
    ['2001-12-14', true], ['2001-1-2', true], ['2001-12-14 21:59:43.10', true], ['2001-12-14   1:2:3', true],
    ['2001-12-14T21:59:43Z', true], ['2001-12-14T21:59:43.123456789123+24:00', true], ['2000-02-29', true],
    ['2001-02-29', false], ['2001-13-01', false], ['2001-12-14 24:00:00', false], ['2001-12-14T21:59:43+25:00', false],
    ['2001-12-14 21:59:43.10 -5', false], ['20010-01-01', false], ['2001-001-01', false], ['2001-12-14T21:59', false],
  ])('time.Parse with go-yaml\'s layouts: %j -> %s', (s, ok) => {
    expect(parseGoTimestamp(s as string)).toBe(ok);
  });
});

describe('!!binary', () => {
  it('decodes base64, ignoring line breaks', () => {
    expect(resolveScalar('!!binary', 'aGVs\nbG8=\n', ScalarStyle.LITERAL)).toEqual({
      tag: '!!binary', value: 'hello', bytes: new Uint8Array([104, 101, 108, 108, 111]),
    });
  });

  it('writes bytes that are not UTF-8 as encoding/json does, one U+FFFD per byte', () => {
    const r = resolveScalar('!!binary', '4oI=', ScalarStyle.PLAIN);
    expect(r).toEqual({ tag: '!!binary', value: '\ufffd\ufffd', bytes: new Uint8Array([0xe2, 0x82]) });
  });

  it.each(['aGVsbG8', 'a', '====', 'YQ===', 'Y Q==', 'YQ==YQ==', '\u00e9'])('refuses invalid data %j', (s) => {
    expect(() => resolveScalar('!!binary', s, ScalarStyle.PLAIN)).toThrow('!!binary value contains invalid base64 data');
  });
});

describe('merge keys', () => {
  it('merges for a plain untagged <<, a << tagged ! and a !!merge-tagged <<', () => {
    expect(isMergeKey('', '<<', true)).toBe(true);
    expect(isMergeKey('!', '<<', true)).toBe(true);
    expect(isMergeKey('tag:yaml.org,2002:merge', '<<', false)).toBe(true);
  });

  it('does not merge for a quoted or otherwise tagged <<', () => {
    expect(isMergeKey('', '<<', false)).toBe(false);
    expect(isMergeKey('tag:yaml.org,2002:str', '<<', false)).toBe(false);
    expect(isMergeKey('', '<<<', true)).toBe(false);
  });
});

describe('Go strconv', () => {
  it('ParseInt and ParseUint with base 0', () => {
    expect(parseGoInt('-0x8000000000000000', 0)).toBe(-9223372036854775808n);
    expect(parseGoInt('0x8000000000000000', 0)).toBeUndefined();
    expect(parseGoUint('0x10000000000000000', 0)).toBeUndefined();
    expect(parseGoUint('-1', 0)).toBeUndefined();
    expect(parseGoInt('', 0)).toBeUndefined();
    expect(parseGoInt('0', 0)).toBe(0n);
    expect(parseGoInt('1_0', 0)).toBe(10n);
    expect(parseGoInt('1__0', 0)).toBeUndefined();
  });

  it('ParseFloat special values, which resolve.go never reaches', () => {
    expect(parseGoFloat('Inf')).toBe(Infinity);
    expect(parseGoFloat('-infinity')).toBe(-Infinity);
    expect(parseGoFloat('nan')).toBeNaN();
    expect(parseGoFloat('+nan')).toBeUndefined();
    expect(parseGoFloat('infx')).toBeUndefined();
    expect(parseGoFloat('1e309')).toBeUndefined();
  });
});
