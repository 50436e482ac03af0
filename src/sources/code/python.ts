import type { EnvRead, InProcessCache } from '../../model/project-model.ts';
import type { SourceFile } from '../source.ts';

const ENV_READ = /\bos\.(?:environ\s*\[\s*|environ\.get\(\s*|getenv\(\s*)["']([A-Za-z_][A-Za-z0-9_]*)["']/g;
const CACHE_DECORATOR = /^@(?:functools\.)?(lru_cache|cache|cached|ttl_cache)\b/;
const CACHE_CONSTRUCTOR =
  /^([A-Za-z_][A-Za-z0-9_]*)\s*(?::[^=]+)?=\s*(?:cachetools\.)?(TTLCache|LRUCache|LFUCache|TLRUCache)\(/;

/**
 * Python, read token-wise per logical line (strings and comments blanked first, so a `#` inside a
 * string is not a comment): `os.environ` reads, `@lru_cache`/`@cache`/cachetools caches at module
 * or class level. There is no light, maintained Python parser for JavaScript; this is as far as
 * Headroom reads Python.
 */
export function readPython(file: SourceFile): { envReads: EnvRead[]; inProcessCaches: InProcessCache[] } {
  const envReads: EnvRead[] = [];
  const inProcessCaches: InProcessCache[] = [];
  file.text.split(/\r?\n/).forEach((raw, index) => {
    const location = { path: file.path, line: index + 1 };
    const code = withoutComment(raw);
    for (const match of code.matchAll(ENV_READ)) envReads.push({ key: match[1] as string, location });
    const line = code.trim();
    const decorator = CACHE_DECORATOR.exec(line);
    if (decorator)
      inProcessCaches.push({
        kind: `functools.${decorator[1]}`,
        name: nextFunctionName(file.text, index),
        location,
      });
    const indented = raw.length - raw.trimStart().length;
    const constructed = indented === 0 ? CACHE_CONSTRUCTOR.exec(line) : null;
    if (constructed)
      inProcessCaches.push({
        kind: `cachetools.${constructed[2]}`,
        name: constructed[1] as string,
        location,
      });
  });
  return { envReads, inProcessCaches };
}

/** The line without its `#` comment; quotes are tracked so `"#"` inside a string stays. */
function withoutComment(line: string): string {
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (quote) {
      if (char === '\\') i++;
      else if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '#') return line.slice(0, i);
  }
  return line;
}

function nextFunctionName(text: string, decoratorLine: number): string {
  const lines = text.split(/\r?\n/).slice(decoratorLine + 1, decoratorLine + 5);
  for (const line of lines) {
    const name = /^\s*(?:async\s+)?def\s+([A-Za-z_][A-Za-z0-9_]*)/.exec(line)?.[1];
    if (name) return name;
  }
  return 'function';
}
