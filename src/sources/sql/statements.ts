import { scanSync } from 'libpg-query';

export interface StatementSlice {
  /** Byte offsets into the UTF-8 text. */
  start: number;
  end: number;
}

/**
 * Splits SQL into statements with PostgreSQL's own lexer, so quotes, dollar-quoted bodies and
 * comments are respected. Used only when a whole file does not parse, so one bad statement
 * (a MySQL-ism, a psql meta-command) costs only itself.
 */
export function splitStatements(sql: string): StatementSlice[] {
  let tokens: Array<{ start: number; end: number; tokenName: string; text: string }>;
  try {
    tokens = scanSync(sql).tokens;
  } catch {
    return [{ start: 0, end: Buffer.byteLength(sql) }];
  }
  const bytes = Buffer.from(sql, 'utf8');
  const slices: StatementSlice[] = [];
  let start: number | undefined;
  let skipUntil = -1;
  for (const token of tokens) {
    if (token.start < skipUntil) continue;
    if (token.tokenName === 'SQL_COMMENT' || token.tokenName === 'C_COMMENT') continue;
    if (token.text === '\\' && start === undefined) {
      // A psql meta-command (`\connect db`) runs to the end of its line, not to a semicolon.
      const newline = bytes.indexOf(0x0a, token.start);
      skipUntil = newline < 0 ? bytes.length : newline;
      continue;
    }
    if (token.tokenName === 'ASCII_59') {
      if (start !== undefined) slices.push({ start, end: token.end });
      start = undefined;
    } else {
      start ??= token.start;
    }
  }
  if (start !== undefined) slices.push({ start, end: Buffer.byteLength(sql) });
  return slices;
}
