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

describe('tokenizePython: Python 3.12 f-strings (PEP 701)', () => {
  it('reads quotes of the same kind and newlines inside a replacement field as part of the string', () => {
    const text =
      'url = f"{base}{reverse("admin:change", args=[r.id])}"\neval_url = f"{base}{reverse(\n    "admin:eval", args=[e.uid]\n)}"\nsite = {"a": 1}\n';
    const result = tokenizePython(text);
    expect(result.unterminated).toBeUndefined();
    expect(result.lines.map((l) => [l.line, l.tokens[0]?.value, l.tokens.length])).toEqual([
      [1, 'url', 3],
      [2, 'eval_url', 3],
      [5, 'site', 7],
    ]);
    // `{{` is a literal brace, not a field.
    expect(tokenizePython('x = f"{{"\ny = 1\n').lines.map((l) => l.line)).toEqual([1, 2]);
  });
});
