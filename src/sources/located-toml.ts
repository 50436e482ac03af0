import { parse } from 'smol-toml';
import type { Diagnostic } from '../model/location.ts';

/**
 * A TOML document parsed by smol-toml (which has no positions), plus the line of every table
 * header and key, found by walking the lines the way TOML defines them: `[table]`,
 * `[[array.of.tables]]` (numbered per occurrence) and `key = value`.
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
  const lines = new Map<string, number>();
  const arrayCounts = new Map<string, number>();
  let table = '';
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    const arrayHeader = /^\[\[\s*([^\]]+?)\s*\]\]/.exec(line);
    const header = arrayHeader ? undefined : /^\[\s*([^\]]+?)\s*\]/.exec(line);
    if (arrayHeader) {
      const name = unquote(arrayHeader[1] as string);
      const count = arrayCounts.get(name) ?? 0;
      arrayCounts.set(name, count + 1);
      table = `${name}.${count}`;
      lines.set(table, index + 1);
      // The first element also answers for the array written without an index (`[vm]` vs `[[vm]]`).
      if (count === 0) lines.set(name, index + 1);
    } else if (header) {
      table = unquote(header[1] as string);
      lines.set(table, index + 1);
    } else {
      const key = /^([A-Za-z0-9_."'-]+)\s*=/.exec(line);
      if (key)
        lines.set(table ? `${table}.${unquote(key[1] as string)}` : unquote(key[1] as string), index + 1);
    }
  });
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
