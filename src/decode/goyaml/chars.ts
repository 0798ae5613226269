/**
 * Character classes of yamlprivateh.go, on UTF-16 code units. `c` is `s.charCodeAt(i) | 0`, so the end of the
 * input reads as 0, libyaml's NUL terminator (a real NUL never gets this far: the reader refuses it).
 */

export const enum C {
  NUL = 0x00,
  TAB = 0x09,
  LF = 0x0a,
  CR = 0x0d,
  SPACE = 0x20,
  BANG = 0x21,
  DQUOTE = 0x22,
  HASH = 0x23,
  DOLLAR = 0x24,
  PERCENT = 0x25,
  AMP = 0x26,
  SQUOTE = 0x27,
  LPAREN = 0x28,
  RPAREN = 0x29,
  STAR = 0x2a,
  PLUS = 0x2b,
  COMMA = 0x2c,
  MINUS = 0x2d,
  DOT = 0x2e,
  SLASH = 0x2f,
  ZERO = 0x30,
  NINE = 0x39,
  COLON = 0x3a,
  SEMI = 0x3b,
  LT = 0x3c,
  EQ = 0x3d,
  GT = 0x3e,
  QUESTION = 0x3f,
  AT = 0x40,
  LBRACKET = 0x5b,
  BACKSLASH = 0x5c,
  RBRACKET = 0x5d,
  UNDERSCORE = 0x5f,
  BACKTICK = 0x60,
  LBRACE = 0x7b,
  PIPE = 0x7c,
  RBRACE = 0x7d,
  TILDE = 0x7e,
  NEL = 0x85,
  BOM = 0xfeff,
  LS = 0x2028,
  PS = 0x2029,
}

export function isBreak(c: number): boolean {
  return c === C.LF || c === C.CR || c === C.NEL || c === C.LS || c === C.PS;
}

export function isBreakZ(c: number): boolean {
  return c === C.LF || c === C.CR || c === C.NUL || c === C.NEL || c === C.LS || c === C.PS;
}

export function isBlank(c: number): boolean {
  return c === C.SPACE || c === C.TAB;
}

/** is_spacez: space, break or end. */
export function isSpaceZ(c: number): boolean {
  return c === C.SPACE || isBreakZ(c);
}

/** is_blankz: space, tab, break or end. */
export function isBlankZ(c: number): boolean {
  return c === C.SPACE || c === C.TAB || c === C.LF || c === C.CR || c === C.NUL || c === C.NEL || c === C.LS || c === C.PS;
}

/** is_alpha: [0-9A-Za-z_-] */
export function isAlpha(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === C.UNDERSCORE || c === C.MINUS;
}

export function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

export function isHex(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}

export function asHex(c: number): number {
  if (c >= 0x41 && c <= 0x46) return c - 0x41 + 10;
  if (c >= 0x61 && c <= 0x66) return c - 0x61 + 10;
  return c - 0x30;
}

/**
 * The reader's allowed characters (readerc.go): #x9 | #xA | #xD | [#x20-#x7E] | #x85 | [#xA0-#xD7FF] |
 * [#xE000-#xFFFD] | [#x10000-#x10FFFF]. Surrogate pairs are checked by the caller.
 */
export function isAllowedUnit(c: number): boolean {
  if (c >= 0x20 && c <= 0x7e) return true;
  if (c === C.TAB || c === C.LF || c === C.CR || c === C.NEL) return true;
  if (c >= 0xa0 && c <= 0xd7ff) return true;
  if (c >= 0xe000 && c <= 0xfffd) return true;
  return false;
}
