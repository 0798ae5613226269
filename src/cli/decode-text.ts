import { InputError } from './input-error';

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes the bytes of a manifest file as UTF-8 text (a leading byte-order mark is dropped).
 *
 * Binary files (a NUL byte anywhere), UTF-16/32 files and any invalid UTF-8 sequence are refused with the line
 * of the first offending byte, so a stray archive or image in a manifests folder is reported, not parsed.
 */
export function decodeText(bytes: Uint8Array, file: string): string {
  const encoding = otherUnicodeEncoding(bytes);
  if (encoding) {
    throw new InputError({ file, line: 1, message: `the file is ${encoding} text; manifests must be UTF-8 (convert it, e.g. with iconv -f ${encoding} -t UTF-8)` });
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    throw new InputError({ file, line: lineAt(bytes, nul), message: `the file is binary (NUL byte at offset ${nul}), not a YAML or JSON manifest` });
  }
  try {
    return UTF8.decode(bytes);
  } catch {
    const bad = firstInvalidUtf8(bytes);
    throw new InputError({
      file,
      line: lineAt(bytes, bad.offset),
      message: `the file is not valid UTF-8 (invalid byte 0x${hex(bytes[bad.offset])} at offset ${bad.offset}: ${bad.why}); manifests must be UTF-8`,
    });
  }
}

/**
 * UTF-32 or UTF-16, told by a byte-order mark or, without one, by where the NUL bytes of the first character sit
 * (YAML 1.2, section 5.2: a stream starts with an ASCII character). UTF-32LE's mark begins with UTF-16LE's, so
 * UTF-32 is tested first.
 */
function otherUnicodeEncoding(b: Uint8Array): string | undefined {
  if (b.length >= 4) {
    if (b[0] === 0x00 && b[1] === 0x00 && b[2] === 0xfe && b[3] === 0xff) return 'UTF-32BE';
    if (b[0] === 0xff && b[1] === 0xfe && b[2] === 0x00 && b[3] === 0x00) return 'UTF-32LE';
    if (b[0] === 0x00 && b[1] === 0x00 && b[2] === 0x00 && b[3] !== 0x00) return 'UTF-32BE';
    if (b[0] !== 0x00 && b[1] === 0x00 && b[2] === 0x00 && b[3] === 0x00) return 'UTF-32LE';
  }
  if (b.length >= 2) {
    if (b[0] === 0xff && b[1] === 0xfe) return 'UTF-16LE';
    if (b[0] === 0xfe && b[1] === 0xff) return 'UTF-16BE';
    if (b[0] === 0x00 && b[1] !== 0x00) return 'UTF-16BE';
    if (b[0] !== 0x00 && b[1] === 0x00 && (b.length === 2 || b[2] !== 0x00)) return 'UTF-16LE';
  }
  return undefined;
}

/** 1-based line of a byte offset. */
function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

function hex(byte: number | undefined): string {
  return (byte ?? 0).toString(16).padStart(2, '0');
}

/**
 * The first ill-formed sequence (only called once decoding has failed), pointed at by its first byte: the lead
 * byte of a sequence cut short, or the stray byte itself. Ranges follow the Unicode standard, table 3-7
 * (no overlong forms, no surrogates, nothing above U+10FFFF).
 */
function firstInvalidUtf8(bytes: Uint8Array): { offset: number; why: string } {
  for (let i = 0; i < bytes.length;) {
    const lead = bytes[i];
    if (lead < 0x80) { i++; continue; }
    let length: number;
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) {length = 2;} else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3;
      if (lead === 0xe0) low = 0xa0;
      if (lead === 0xed) high = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4;
      if (lead === 0xf0) low = 0x90;
      if (lead === 0xf4) high = 0x8f;
    } else {
      return { offset: i, why: lead >= 0x80 && lead <= 0xbf ? 'a continuation byte without a lead byte' : 'a byte that never appears in UTF-8' };
    }
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k];
      const min = k === 1 ? low : 0x80;
      const max = k === 1 ? high : 0xbf;
      if (next === undefined) return { offset: i, why: `a ${length}-byte sequence cut short by the end of the file` };
      if (next < min || next > max) return { offset: i, why: `a ${length}-byte sequence whose byte ${k + 1} is 0x${hex(next)}` };
    }
    i += length;
  }
  // Unreachable when the decoder refused the bytes; kept total for safety.
  return { offset: Math.max(0, bytes.length - 1), why: 'an ill-formed sequence' };
}
