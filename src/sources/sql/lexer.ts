/**
 * A small SQL lexer over UTF-8 bytes, enough to find statement boundaries and the pieces of a
 * statement the AST gives no end for. It works on bytes because libpg-query's offsets are byte
 * offsets; every byte of a multi-byte character is >= 0x80, so it never looks like syntax.
 * It never throws: an unterminated string, comment or dollar body runs to the end of the text,
 * as it would for PostgreSQL.
 */

export type TokenKind =
  /** Keyword, identifier or number. */
  | 'word'
  /** `"Quoted"` identifier. */
  | 'quoted'
  /** `'…'`, `E'…'`, `$tag$…$tag$`. */
  | 'string'
  /** A psql meta-command (`\connect db`), which runs to the end of its line. */
  | 'meta'
  /** Any other single byte: `(`, `)`, `,`, `;`, operators. */
  | 'punct';

export interface Token {
  kind: TokenKind;
  /** Byte offsets into the lexed buffer. */
  start: number;
  end: number;
}

const NEWLINE = 0x0a;
const QUOTE = 0x27;
const DOUBLE_QUOTE = 0x22;
const DOLLAR = 0x24;
const BACKSLASH = 0x5c;

export function lex(bytes: Buffer): Token[] {
  const tokens: Token[] = [];
  const length = bytes.length;
  let i = 0;
  while (i < length) {
    const byte = bytes[i] as number;
    const next = bytes[i + 1];
    if (isSpace(byte)) {
      i++;
    } else if (byte === 0x2d && next === 0x2d) {
      const newline = bytes.indexOf(NEWLINE, i);
      i = newline < 0 ? length : newline + 1;
    } else if (byte === 0x2f && next === 0x2a) {
      i = blockCommentEnd(bytes, i);
    } else if (byte === QUOTE) {
      const end = quotedEnd(bytes, i, QUOTE, false);
      tokens.push({ kind: 'string', start: i, end });
      i = end;
    } else if (byte === DOUBLE_QUOTE) {
      const end = quotedEnd(bytes, i, DOUBLE_QUOTE, false);
      tokens.push({ kind: 'quoted', start: i, end });
      i = end;
    } else if (byte === DOLLAR && next !== undefined && !isDigit(next)) {
      const tagEnd = dollarTagEnd(bytes, i);
      if (tagEnd === undefined) {
        tokens.push({ kind: 'punct', start: i, end: i + 1 });
        i++;
      } else {
        const close = bytes.indexOf(bytes.subarray(i, tagEnd), tagEnd);
        const end = close < 0 ? length : close + (tagEnd - i);
        tokens.push({ kind: 'string', start: i, end });
        i = end;
      }
    } else if (byte === BACKSLASH) {
      const newline = bytes.indexOf(NEWLINE, i);
      const end = newline < 0 ? length : newline;
      tokens.push({ kind: 'meta', start: i, end });
      i = end;
    } else if (isWordStart(byte) || isDigit(byte)) {
      let end = i + 1;
      while (end < length && isWordPart(bytes[end] as number)) end++;
      if (bytes[end] === QUOTE && end - i === 1 && (byte | 0x20) === 0x65) {
        // E'…' is the one string form where a backslash escapes the next character.
        end = quotedEnd(bytes, end, QUOTE, true);
        tokens.push({ kind: 'string', start: i, end });
      } else if (bytes[end] === QUOTE && end - i <= 2) {
        // B'…', X'…', N'…', U&'…' (the `&` is lexed as punct, harmlessly).
        end = quotedEnd(bytes, end, QUOTE, false);
        tokens.push({ kind: 'string', start: i, end });
      } else {
        tokens.push({ kind: 'word', start: i, end });
      }
      i = end;
    } else {
      tokens.push({ kind: 'punct', start: i, end: i + 1 });
      i++;
    }
  }
  return tokens;
}

/** Whether the token is the given punctuation byte, e.g. `isPunct(bytes, token, '(')`. */
export function isPunct(bytes: Buffer, token: Token | undefined, char: string): boolean {
  return token?.kind === 'punct' && bytes[token.start] === char.charCodeAt(0);
}

/** Whether the token is the given keyword, case-insensitively. */
export function isKeyword(bytes: Buffer, token: Token | undefined, keyword: string): boolean {
  return (
    token?.kind === 'word' &&
    token.end - token.start === keyword.length &&
    bytes.toString('latin1', token.start, token.end).toLowerCase() === keyword
  );
}

function isSpace(byte: number): boolean {
  return byte === 0x20 || (byte >= 0x09 && byte <= 0x0d);
}

function isDigit(byte: number): boolean {
  return byte >= 0x30 && byte <= 0x39;
}

function isWordStart(byte: number): boolean {
  return (byte >= 0x61 && byte <= 0x7a) || (byte >= 0x41 && byte <= 0x5a) || byte === 0x5f || byte >= 0x80;
}

function isWordPart(byte: number): boolean {
  return isWordStart(byte) || isDigit(byte) || byte === DOLLAR;
}

/** Nested `/* … *\/` comments, as PostgreSQL allows. */
function blockCommentEnd(bytes: Buffer, start: number): number {
  let depth = 0;
  let i = start;
  while (i < bytes.length) {
    if (bytes[i] === 0x2f && bytes[i + 1] === 0x2a) {
      depth++;
      i += 2;
    } else if (bytes[i] === 0x2a && bytes[i + 1] === 0x2f) {
      depth--;
      i += 2;
      if (depth === 0) return i;
    } else {
      i++;
    }
  }
  return bytes.length;
}

/** End of a quoted run opened at `start`; a doubled quote stays inside. */
function quotedEnd(bytes: Buffer, start: number, quote: number, backslashEscapes: boolean): number {
  let i = start + 1;
  while (i < bytes.length) {
    const byte = bytes[i];
    if (backslashEscapes && byte === BACKSLASH) i += 2;
    else if (byte === quote && bytes[i + 1] === quote) i += 2;
    else if (byte === quote) return i + 1;
    else i++;
  }
  return bytes.length;
}

/** End of a `$tag$` opener at `start`, or undefined when `$` does not open a dollar quote. */
function dollarTagEnd(bytes: Buffer, start: number): number | undefined {
  let i = start + 1;
  if (bytes[i] === DOLLAR) return i + 1;
  if (!isWordStart(bytes[i] as number)) return undefined;
  while (i < bytes.length && (isWordStart(bytes[i] as number) || isDigit(bytes[i] as number))) i++;
  return bytes[i] === DOLLAR ? i + 1 : undefined;
}
