/** Where a key of a JSON document is written. Lines and columns are 1-based. */
export interface KeyPosition {
  line: number;
  column: number;
}

/**
 * Keys are located down to this depth; deeper containers are only counted. Manifests put what
 * Headroom reads two or three levels down, and a path per level would cost depth² memory on a
 * document nested a hundred thousand deep (it once exhausted 4 GB).
 */
export const MAX_LOCATED_DEPTH = 64;

/** Joins a key path without ambiguity: package names hold `/` and `.`. */
export function keyPath(...keys: readonly string[]): string {
  return keys.join('\u0000');
}

interface Container {
  kind: 'object' | 'array';
  path: readonly string[];
  index: number;
  key?: string;
}

/**
 * The position of every object key of a JSON text that `JSON.parse` accepted, by key path
 * (see `keyPath`; array elements are numbered). `JSON.parse` keeps no positions; this walks the
 * same text once, tracking strings and nesting. A repeated key answers with its last
 * occurrence, the one `JSON.parse` keeps.
 */
export function jsonKeyPositions(text: string): Map<string, KeyPosition> {
  const positions = new Map<string, KeyPosition>();
  const stack: Container[] = [];
  let unlocated = 0;
  let expectingKey = false;
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    const top = stack.at(-1);
    if (c === '\n') {
      line++;
      lineStart = i + 1;
    } else if (c === '"') {
      const start = i;
      let value = '';
      for (i++; i < text.length && text[i] !== '"'; i++) {
        if (text[i] === '\\') i++;
        value += text[i];
      }
      if (unlocated === 0 && top?.kind === 'object' && expectingKey) {
        positions.set(keyPath(...top.path, value), { line, column: start - lineStart + 1 });
        top.key = value;
        expectingKey = false;
      }
    } else if (unlocated > 0) {
      if (c === '{' || c === '[') unlocated++;
      else if (c === '}' || c === ']') unlocated--;
    } else if ((c === '{' || c === '[') && stack.length >= MAX_LOCATED_DEPTH) {
      unlocated = 1;
    } else if (c === '{' || c === '[') {
      const name = top?.kind === 'object' ? top.key : top ? String(top.index) : undefined;
      stack.push({
        kind: c === '{' ? 'object' : 'array',
        path: top && name !== undefined ? [...top.path, name] : [],
        index: 0,
      });
      expectingKey = c === '{';
    } else if (c === '}' || c === ']') {
      stack.pop();
    } else if (c === ',') {
      if (top?.kind === 'array') top.index++;
      expectingKey = top?.kind === 'object';
    }
  }
  return positions;
}
