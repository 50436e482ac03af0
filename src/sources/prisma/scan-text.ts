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
  const out = source.split('');
  const stray: ScannedText['stray'] = [];
  const blockEnds: number[] = [];
  let line = 1;
  let depth = 0;
  let i = 0;
  const blank = (from: number, to: number) => {
    for (let j = from; j < to; j++) {
      if (out[j] === '\n') line++;
      else if (out[j] !== '\r') out[j] = ' ';
    }
  };
  while (i < source.length) {
    const char = source[i] as string;
    if (char === '"') {
      const end = stringEnd(source, i);
      if (end < 0) {
        stray.push({ line, character: char });
        out[i] = ' ';
        i++;
      } else {
        i = end;
      }
    } else if (char === '/' && source[i + 1] === '/') {
      while (i < source.length && source[i] !== '\n') i++;
    } else if (char === '/' && source[i + 1] === '*') {
      const end = source.indexOf('*/', i + 2);
      const stop = end < 0 ? source.length : end + 2;
      blank(i, stop);
      i = stop;
    } else {
      if (char === '\n') line++;
      else if (char === '{') depth++;
      else if (char === '}') {
        depth = Math.max(0, depth - 1);
        if (depth === 0) blockEnds.push(i + 1);
      } else if (!TOKEN_CHARACTER.test(char)) {
        stray.push({ line, character: char });
        out[i] = ' ';
      }
      i++;
    }
  }
  return { text: out.join(''), stray, blockEnds };
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
