import { InputError } from './input-error';

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes the bytes of a manifest file as UTF-8 text (a leading byte-order mark is dropped).
 *
 * Binary files (a NUL byte anywhere), UTF-16/32 files and any invalid UTF-8 sequence are refused with the line
 * of the first offending byte, so a stray archive or image in a manifests folder is reported, not parsed.
 */
export function decodeText(bytes: Uint8Array, file: string): string {
  const utf16 = utf16Bom(bytes);
  if (utf16) {
    throw new InputError({ file, line: 1, message: `the file is ${utf16} text; manifests must be UTF-8 (convert it, e.g. with iconv -f ${utf16} -t UTF-8)` });
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    throw new InputError({ file, line: lineAt(bytes, nul), message: `the file is binary (NUL byte at offset ${nul}), not a YAML or JSON manifest` });
  }
  try {
    return UTF8.decode(bytes);
  } catch {
    const offset = firstInvalidUtf8(bytes);
    throw new InputError({ file, line: lineAt(bytes, offset), message: `the file is not valid UTF-8 (invalid byte 0x${bytes[offset]?.toString(16).padStart(2, '0')} at offset ${offset}); manifests must be UTF-8` });
  }
}

function utf16Bom(bytes: Uint8Array): string | undefined {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return 'UTF-16LE';
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return 'UTF-16BE';
  return undefined;
}

/** 1-based line of a byte offset. */
function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/**
 * Offset of the first byte that makes the text invalid UTF-8 (only called once decoding has failed). A prefix that
 * merely ends inside a sequence is valid in streaming mode, so validity is monotonic and a binary search finds it.
 */
function firstInvalidUtf8(bytes: Uint8Array): number {
  const validPrefix = (length: number) => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, length), { stream: true });
      return true;
    } catch {
      return false;
    }
  };
  let low = 0; // a valid prefix length
  let high = bytes.length; // an invalid prefix length
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (validPrefix(mid)) low = mid;
    else high = mid;
  }
  return high - 1;
}
