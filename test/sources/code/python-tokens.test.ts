import { describe, expect, it } from 'vitest';
import { tokenizePython } from '../../../src/sources/code/python-tokens.ts';

const summary = (text: string) =>
  tokenizePython(text).lines.map((l) => [l.line, l.indent, l.tokens.map((t) => t.value).join(' ')]);

describe('tokenizePython', () => {
  it('joins bracketed and backslash-continued lines into one logical line, with the first line’s indent', () => {
    expect(summary('x = f(\n    1,  # one\n    2)\nif a and \\\n   b:\n\tpass\n')).toEqual([
      [1, 0, 'x = f ( 1 , 2 )'],
      [4, 0, 'if a and b :'],
      [6, 8, 'pass'],
    ]);
  });

  it('reads prefixed and triple-quoted strings, with the line each starts on', () => {
    const [line] = tokenizePython("s = rb\"a\\\"b\" + '''x\n# not a comment\ny''' + \"#\"\n").lines;
    expect(line?.tokens.filter((t) => t.kind === 'string').map((t) => [t.prefix, t.value, t.line])).toEqual([
      ['rb', 'a\\"b', 1],
      ['', 'x\n# not a comment\ny', 1],
      ['', '#', 3],
    ]);
  });

  it('keeps two-character operators whole', () => {
    expect(summary('a == b != c -> d := e **= f')[0]?.[2]).toBe('a == b != c -> d := e **= f');
  });
});
