/**
 * The line of each string written directly in the TOML array that starts on `keyLine`
 * (1-based), in order: `dependencies = [\n  "a",\n  "b",\n]`. smol-toml keeps no positions,
 * so this reads the array's text the way TOML does — basic and literal strings, `#` comments,
 * nested arrays and inline tables (whose strings are not elements).
 * Undefined when the text at that line is not an array.
 */
export function tomlArrayStringLines(text: string, keyLine: number): number[] | undefined {
  let offset = 0;
  for (let line = 1; line < keyLine; line++) {
    offset = text.indexOf('\n', offset) + 1;
    if (offset === 0) return undefined;
  }
  const equals = text.indexOf('=', offset);
  let i = equals + 1;
  while (text[i] === ' ' || text[i] === '\t') i++;
  if (equals < 0 || text[i] !== '[') return undefined;
  let line = keyLine;
  let depth = 0;
  const lines: number[] = [];
  for (; i < text.length; i++) {
    const c = text[i] as string;
    if (c === '\n') line++;
    else if (c === '#') {
      const end = text.indexOf('\n', i);
      i = end < 0 ? text.length : end - 1;
    } else if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') {
      depth--;
      if (depth === 0) return lines;
    } else if (c === '"' || c === "'") {
      const startLine = line;
      const triple = text.startsWith(c.repeat(3), i);
      const close = c.repeat(triple ? 3 : 1);
      for (i += close.length; i < text.length && !text.startsWith(close, i); i++) {
        if (text[i] === '\\' && c === '"') i++;
        if (text[i] === '\n') line++;
      }
      i += close.length - 1;
      if (depth === 1) lines.push(startLine);
    }
  }
  return undefined;
}
