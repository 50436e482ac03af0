import { isPunct, lex } from './lexer.ts';

export interface StatementSlice {
  /** Byte offsets into the UTF-8 text: first token to the end of its `;` (or last token). */
  start: number;
  end: number;
}

/**
 * Splits SQL into statements the way psql does: at a `;` outside quotes, dollar-quoted bodies,
 * comments and parentheses. psql meta-commands (`\connect db`) are dropped. Used only when a
 * whole file does not parse, so one bad statement costs only itself.
 */
export function splitStatements(bytes: Buffer): StatementSlice[] {
  const slices: StatementSlice[] = [];
  let start: number | undefined;
  let last = 0;
  let depth = 0;
  const flush = () => {
    if (start !== undefined) slices.push({ start, end: last });
    start = undefined;
    depth = 0;
  };
  for (const token of lex(bytes)) {
    if (token.kind === 'meta') {
      flush();
      continue;
    }
    start ??= token.start;
    last = token.end;
    if (isPunct(bytes, token, '(')) depth++;
    else if (isPunct(bytes, token, ')')) depth = Math.max(0, depth - 1);
    else if (depth === 0 && isPunct(bytes, token, ';')) flush();
  }
  flush();
  return slices;
}
