import { parse } from 'smol-toml';
import type { Diagnostic, Location } from '../model/location.ts';
import type { EnvBinding } from '../model/project-model.ts';
import { Secret } from '../model/secret.ts';

/**
 * A TOML document parsed by smol-toml (which has no positions), plus the line of every table
 * header and key, found by walking the lines the way TOML defines them: `[table]`,
 * `[[array.of.tables]]` (numbered per occurrence; a nested one belongs to its parent's current
 * element: `[[services.http_checks]]` → `services.0.http_checks.0`) and `key = value`.
 */
export interface LocatedToml {
  data: Record<string, unknown>;
  /** Line of a dotted path (`http_service.concurrency.soft_limit`, `vm.0.memory`); the nearest table's line otherwise. */
  lineOf(path: string): number;
}

export function parseLocatedToml(
  path: string,
  text: string,
  origin: string,
): { toml?: LocatedToml; diagnostics: Diagnostic[] } {
  let data: Record<string, unknown>;
  try {
    data = parse(text) as Record<string, unknown>;
  } catch (error) {
    const line = (error as { line?: number }).line ?? 1;
    const reason = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
    return {
      diagnostics: [
        {
          severity: 'error',
          origin,
          message: `${path} is not valid TOML: ${reason}`,
          location: { path, line },
        },
      ],
    };
  }
  const lines = lineIndex(text);
  return {
    toml: {
      data,
      lineOf(dotted) {
        for (let parts = dotted.split('.'); parts.length > 0; parts = parts.slice(0, -1)) {
          const line = lines.get(parts.join('.'));
          if (line !== undefined) return line;
        }
        return 1;
      },
    },
    diagnostics: [],
  };
}

/**
 * The line of every header and key. Multi-line strings and arrays are stepped over, so a `[x]`
 * or `k = v` written inside one is not taken for structure.
 */
function lineIndex(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  const arrayCounts = new Map<string, number>();
  // A header's path enters the current element of every array of tables it passes through.
  const resolve = (segments: string[]) =>
    segments.reduce((path, segment) => {
      const next = path ? `${path}.${segment}` : segment;
      const count = arrayCounts.get(next);
      return count === undefined ? next : `${next}.${count - 1}`;
    }, '');
  let table = '';
  let closingQuotes: string | undefined;
  let openBrackets = 0;
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (closingQuotes) {
      if (line.includes(closingQuotes)) closingQuotes = undefined;
      return;
    }
    if (openBrackets > 0) {
      openBrackets += bracketBalance(line);
      return;
    }
    const arrayHeader = /^\[\[\s*([^\]]+?)\s*\]\]/.exec(line);
    const header = arrayHeader ? undefined : /^\[\s*([^\]]+?)\s*\]/.exec(line);
    if (arrayHeader) {
      const segments = unquote(arrayHeader[1] as string).split('.');
      const parent = resolve(segments.slice(0, -1));
      const name = parent ? `${parent}.${segments.at(-1)}` : (segments[0] as string);
      const count = arrayCounts.get(name) ?? 0;
      arrayCounts.set(name, count + 1);
      table = `${name}.${count}`;
      lines.set(table, index + 1);
      // The first element also answers for the array written without an index (`[vm]` vs `[[vm]]`).
      if (count === 0) lines.set(name, index + 1);
    } else if (header) {
      table = resolve(unquote(header[1] as string).split('.'));
      lines.set(table, index + 1);
    } else {
      const key = /^([A-Za-z0-9_."'-]+)\s*=\s*(.*)$/.exec(line);
      if (!key) return;
      const name = unquote(key[1] as string);
      lines.set(table ? `${table}.${name}` : name, index + 1);
      const value = key[2] as string;
      const quotes = value.startsWith('"""') ? '"""' : value.startsWith("'''") ? "'''" : undefined;
      if (quotes && !value.slice(3).includes(quotes)) closingQuotes = quotes;
      else if (value.startsWith('[')) openBrackets = Math.max(0, bracketBalance(value));
    }
  });
  return lines;
}

/** Opened minus closed brackets on a line, outside quoted strings and comments. */
function bracketBalance(line: string): number {
  let balance = 0;
  let quote: string | undefined;
  for (const char of line) {
    if (quote) {
      if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '#') break;
    else if (char === '[') balance++;
    else if (char === ']') balance--;
  }
  return balance;
}

function unquote(key: string): string {
  return key
    .split('.')
    .map((part) => part.trim().replace(/^["']|["']$/g, ''))
    .join('.');
}

export function asRecord(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/**
 * The variables of an environment table (`[env]`, `[build.environment]`). A value must be a
 * string, number, boolean or date; a table or array there is not a variable, and is passed over
 * (smol-toml's tables have no prototype, so turning one into text would throw).
 */
export function tomlEnvBindings(
  table: Record<string, unknown>,
  prefix: string,
  at: (key: string) => Location,
): EnvBinding[] {
  return Object.entries(table).flatMap(([key, value]): EnvBinding[] =>
    value !== null && typeof value === 'object' && !(value instanceof Date)
      ? []
      : [
          {
            key,
            source: { kind: 'value', value: new Secret(String(value)) },
            location: at(`${prefix}.${key}`),
          },
        ],
  );
}
