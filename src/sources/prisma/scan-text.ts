/** What one pass over a .prisma file finds before the parser sees it. */
export interface ScannedText {
  /** The text with block comments and stray characters blanked; every line break kept. */
  text: string;
  /** Characters no Prisma token can start with, outside strings and comments. */
  stray: Array<{ line: number; character: string }>;
  /** Offsets just after each top-level `}`: where one block ends and the next may start. */
  blockEnds: number[];
}

// Everything Prisma's lexer accepts outside strings and comments: identifiers, numbers,
// punctuation and whitespace. Any other character is found here, reported, and blanked.
const TOKEN_CHARACTER = /[\w\s@.?{}()[\],:=-]/;

/**
 * Blanks `/* … *\/` block comments, which Prisma accepts and the parser (like prisma-ast) does
 * not, and characters no token starts with, saying where. One pass that knows strings and
 * comments does both, and finds the top-level blocks so a file with one broken block can still
 * be read block by block.
 */
export function scanPrismaText(source: string): ScannedText {
  // The text is rebuilt from slices around what is blanked: most files blank nothing.
  const pieces: string[] = [];
  let copiedUntil = 0;
  const stray: ScannedText['stray'] = [];
  const blockEnds: number[] = [];
  let line = 1;
  let depth = 0;
  let i = 0;
  const blank = (from: number, to: number) => {
    pieces.push(source.slice(copiedUntil, from), source.slice(from, to).replace(/[^\r\n]/g, ' '));
    copiedUntil = to;
  };
  while (i < source.length) {
    const code = source.charCodeAt(i);
    if (code === QUOTE) {
      const end = stringEnd(source, i);
      if (end < 0) {
        stray.push({ line, character: '"' });
        blank(i, i + 1);
        i++;
      } else {
        i = end;
      }
    } else if (code === SLASH && source.charCodeAt(i + 1) === SLASH) {
      const end = source.indexOf('\n', i);
      i = end < 0 ? source.length : end;
    } else if (code === SLASH && source.charCodeAt(i + 1) === STAR) {
      const end = source.indexOf('*/', i + 2);
      const stop = end < 0 ? source.length : end + 2;
      for (let j = source.indexOf('\n', i); j >= 0 && j < stop; j = source.indexOf('\n', j + 1)) line++;
      blank(i, stop);
      i = stop;
    } else {
      if (code === NEWLINE) line++;
      else if (code === OPEN_BRACE) depth++;
      else if (code === CLOSE_BRACE) {
        depth = Math.max(0, depth - 1);
        if (depth === 0) blockEnds.push(i + 1);
      } else if (!isTokenCharacter(code, source[i] as string)) {
        stray.push({ line, character: source[i] as string });
        blank(i, i + 1);
      }
      i++;
    }
  }
  pieces.push(source.slice(copiedUntil));
  return { text: pieces.join(''), stray, blockEnds };
}

const QUOTE = 0x22;
const SLASH = 0x2f;
const STAR = 0x2a;
const NEWLINE = 0x0a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
/** `TOKEN_CHARACTER` over ASCII, looked up by code: the scan visits every character of a schema. */
const ASCII_TOKEN_CHARACTERS = Array.from({ length: 128 }, (_, code) =>
  TOKEN_CHARACTER.test(String.fromCharCode(code)),
);

function isTokenCharacter(code: number, character: string): boolean {
  return code < 128 ? (ASCII_TOKEN_CHARACTERS[code] as boolean) : TOKEN_CHARACTER.test(character);
}

/** Offset after the closing quote, or -1 when the string is not closed on its line. */
function stringEnd(source: string, start: number): number {
  let i = start + 1;
  while (i < source.length && source[i] !== '\n') {
    if (source[i] === '\\') i += 2;
    else if (source[i] === '"') return i + 1;
    else i++;
  }
  return -1;
}
