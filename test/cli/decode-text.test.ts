import { decodeText } from '../../src/cli/decode-text';
import { InputError } from '../../src/cli/input-error';

function refusal(bytes: number[] | Buffer): { line?: number; message: string } {
  try {
    decodeText(Uint8Array.from(bytes), 'm.yaml');
  } catch (e) {
    if (e instanceof InputError) return e.problem;
    throw e;
  }
  throw new Error('the bytes were accepted');
}

describe('decodeText: invalid UTF-8 is pointed at by its first byte', () => {
  test('a Latin-1 byte followed by ASCII is named, with its own offset', () => {
    // "a: caf\xe9s\n": the é of Latin-1 is at offset 6; the "s" after it is not the problem.
    const problem = refusal([...Buffer.from('a: caf'), 0xe9, ...Buffer.from('s\n')]);
    expect(problem.message).toContain('invalid byte 0xe9 at offset 6');
    expect(problem.line).toBe(1);
  });

  test('a sequence cut short by the end of the file is named by its lead byte', () => {
    const problem = refusal([...Buffer.from('a: 1\nb: '), 0xe2, 0x82]);
    expect(problem.message).toContain('invalid byte 0xe2 at offset 8');
    expect(problem.message).toContain('cut short by the end of the file');
    expect(problem.line).toBe(2);
  });

  test('a bad continuation byte names the sequence it breaks', () => {
    const problem = refusal([0x61, 0xe2, 0x82, 0x28, 0x62]);
    expect(problem.message).toContain('invalid byte 0xe2 at offset 1');
    expect(problem.message).toContain('byte 3 is 0x28');
  });

  test('a stray continuation byte, an overlong form and a surrogate are each found where they start', () => {
    expect(refusal([0x61, 0x80]).message).toContain('0x80 at offset 1: a continuation byte without a lead byte');
    expect(refusal([0x61, 0x62, 0xc0, 0xaf]).message).toContain('0xc0 at offset 2');
    expect(refusal([0x61, 0xed, 0xa0, 0x80]).message).toContain('0xed at offset 1');
  });

  test('valid multi-byte text is accepted', () => {
    expect(decodeText(Uint8Array.from(Buffer.from('name: café €𝄞\n')), 'm.yaml')).toBe('name: café €𝄞\n');
  });
});

describe('decodeText: other Unicode encodings are named correctly', () => {
  const utf32le = (text: string) => Buffer.concat([...text].map(c => { const b = Buffer.alloc(4); b.writeUInt32LE(c.codePointAt(0)!); return b; }));
  const utf32be = (text: string) => Buffer.concat([...text].map(c => { const b = Buffer.alloc(4); b.writeUInt32BE(c.codePointAt(0)!); return b; }));

  test('UTF-32LE with a byte-order mark is called UTF-32LE, not UTF-16LE', () => {
    expect(refusal(Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), utf32le('a: 1\n')])).message).toContain('the file is UTF-32LE text');
  });

  test('UTF-32BE with a byte-order mark is called UTF-32BE, not binary', () => {
    expect(refusal(Buffer.concat([Buffer.from([0, 0, 0xfe, 0xff]), utf32be('a: 1\n')])).message).toContain('the file is UTF-32BE text');
  });

  test('UTF-32 and UTF-16 without a byte-order mark are recognised from the first character', () => {
    expect(refusal(utf32le('a: 1\n')).message).toContain('UTF-32LE');
    expect(refusal(utf32be('a: 1\n')).message).toContain('UTF-32BE');
    expect(refusal(Buffer.from('a: 1\n', 'utf16le')).message).toContain('UTF-16LE');
    expect(refusal(Buffer.from('a: 1\n', 'utf16le').swap16()).message).toContain('UTF-16BE');
  });

  test('UTF-16LE with a byte-order mark is still UTF-16LE', () => {
    expect(refusal(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a: 1\n', 'utf16le')])).message).toContain('the file is UTF-16LE text');
  });
});
