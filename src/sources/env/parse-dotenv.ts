import type { Diagnostic } from '../../model/location.ts';

export interface DotenvEntry {
  key: string;
  value: string;
  line: number;
}

const KEY = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/**
 * dotenv syntax, line by line: comments, `export KEY=`, single/double/back-quoted values
 * (double quotes may span lines and expand \n), unquoted values with ` #` comments, CRLF.
 */
export function parseDotenv(
  path: string,
  text: string,
): { entries: DotenvEntry[]; diagnostics: Diagnostic[] } {
  const lines = text.split(/\r?\n/);
  const entries: DotenvEntry[] = [];
  const diagnostics: Diagnostic[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] as string).trim();
    if (line === '' || line.startsWith('#')) continue;
    const body = line.startsWith('export ') ? line.slice(7).trimStart() : line;
    const equals = body.indexOf('=');
    const key = (equals < 0 ? body : body.slice(0, equals)).trim();
    if (equals < 0 || !KEY.test(key)) {
      diagnostics.push({
        severity: 'warning',
        origin: 'env',
        message: `${path}: this line is not KEY=value; it was skipped.`,
        location: { path, line: i + 1 },
      });
      continue;
    }
    const start = i + 1;
    let raw = body.slice(equals + 1).trimStart();
    const quote = raw[0];
    let value: string;
    if (quote === '"' || quote === "'" || quote === '`') {
      let rest = raw.slice(1);
      let close = rest.indexOf(quote);
      // A double-quoted value may continue on the next lines until its closing quote.
      while (close < 0 && quote === '"' && i + 1 < lines.length) {
        i++;
        rest += `\n${lines[i]}`;
        close = rest.indexOf(quote);
      }
      if (close < 0) {
        diagnostics.push({
          severity: 'warning',
          origin: 'env',
          message: `${path}: the value of ${key} opens a quote that never closes.`,
          location: { path, line: start },
        });
        value = rest;
      } else {
        value = rest.slice(0, close);
      }
      if (quote === '"') value = value.replaceAll('\\n', '\n');
    } else {
      const comment = raw.search(/\s#/);
      if (comment >= 0) raw = raw.slice(0, comment);
      value = raw.trim();
    }
    entries.push({ key, value, line: start });
  }
  return { entries, diagnostics };
}
