import type { Diagnostic } from '../../model/location.ts';

export interface DotenvEntry {
  key: string;
  value: string;
  /** 1-based line of the key. */
  line: number;
}

const KEY = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
const QUOTES = new Set(['"', "'", '`']);
/** Escapes dotenv expands inside double quotes. */
const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };

/**
 * dotenv syntax as the `dotenv` package reads it: comments, `export KEY=`, single-, double- and
 * back-quoted values (which may span lines; escapes expand only in double quotes), unquoted
 * values ending at ` #`, `KEY=` for empty, CRLF. A line it cannot read becomes a diagnostic,
 * and reading goes on with the next line.
 */
export function parseDotenv(
  path: string,
  text: string,
): { entries: DotenvEntry[]; diagnostics: Diagnostic[] } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const entries: DotenvEntry[] = [];
  const diagnostics: Diagnostic[] = [];
  const warn = (line: number, message: string) =>
    diagnostics.push({ severity: 'warning', origin: 'env', message, location: { path, line } });
  for (let index = 0; index < lines.length; index++) {
    const line = index + 1;
    const body = (lines[index] as string).trim().replace(/^export\s+/, '');
    if (body === '' || body.startsWith('#')) continue;
    const equals = body.indexOf('=');
    const key = (equals < 0 ? body : body.slice(0, equals)).trim();
    if (equals < 0 || !KEY.test(key)) {
      warn(line, `${path}:${line} is not KEY=value; the line was skipped.`);
      continue;
    }
    const raw = body.slice(equals + 1).trimStart();
    const quote = raw[0] ?? '';
    if (!QUOTES.has(quote)) {
      entries.push({ key, value: unquotedValue(raw), line });
      continue;
    }
    const quoted = readQuoted(lines, index, raw.slice(1), quote);
    if (quoted === undefined) {
      warn(
        line,
        `${path}:${line}: the value of ${key} opens a ${quote} quote that never closes; it was read up to the end of the line.`,
      );
      entries.push({ key, value: raw.slice(1), line });
      continue;
    }
    entries.push({ key, value: quoted.value, line });
    index = quoted.lastIndex;
  }
  return { entries, diagnostics };
}

/** An unquoted value ends at a ` #` comment and loses its surrounding spaces. */
function unquotedValue(raw: string): string {
  const comment = raw.search(/\s#/);
  return (comment < 0 ? raw : raw.slice(0, comment)).trim();
}

/** Reads a quoted value from `start` (just after the opening quote), across lines if needed. */
function readQuoted(
  lines: readonly string[],
  index: number,
  start: string,
  quote: string,
): { value: string; lastIndex: number } | undefined {
  let value = '';
  let current = start;
  for (let at = index; ; ) {
    for (let i = 0; i < current.length; i++) {
      const c = current[i] as string;
      if (c === '\\' && quote === '"' && i + 1 < current.length) {
        const next = current[++i] as string;
        value += ESCAPES[next] ?? `\\${next}`;
      } else if (c === quote) {
        return { value, lastIndex: at };
      } else {
        value += c;
      }
    }
    if (++at >= lines.length) return undefined;
    value += '\n';
    current = lines[at] as string;
  }
}
