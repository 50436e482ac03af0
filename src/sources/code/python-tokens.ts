/**
 * A Python tokenizer after the language reference's lexical analysis: names, numbers, operators,
 * strings (prefixes, triple quotes, escapes), comments, explicit and implicit line joining.
 * It groups tokens into logical lines with their indentation, which is all the code reader needs
 * to tell module level from function bodies. It never throws: an unterminated string ends at the
 * end of the file and is reported.
 */

export type PyTokenKind = 'name' | 'number' | 'string' | 'op';

export interface PyToken {
  kind: PyTokenKind;
  /** For strings, the literal's content without prefix and quotes (escapes left as written). */
  value: string;
  line: number;
  /** String prefix letters, lower-cased (`f`, `rb`…); empty for other tokens. */
  prefix: string;
}

export interface LogicalLine {
  /** Width of the leading whitespace of the line's first physical line (tabs to multiples of 8). */
  indent: number;
  line: number;
  tokens: PyToken[];
}

export interface PyTokenized {
  lines: LogicalLine[];
  /** Line of an unterminated string or bracket, when the file ends inside one. */
  unterminated?: { line: number; what: string };
}

const OPERATORS = [
  '**=',
  '//=',
  '>>=',
  '<<=',
  '...',
  '->',
  ':=',
  '==',
  '!=',
  '<=',
  '>=',
  '**',
  '//',
  '<<',
  '>>',
];
const STRING_START = /^([rRbBuUfFtT]{0,2})('''|"""|'|")/;
const NAME = /^[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}]*/u;
const NUMBER =
  /^(\d[\d_]*\.?[\d_]*([eE][+-]?\d+)?[jJ]?|\.\d[\d_]*([eE][+-]?\d+)?[jJ]?|0[xXoObB][\da-fA-F_]+)/;

export function tokenizePython(text: string): PyTokenized {
  const lines: LogicalLine[] = [];
  let current: LogicalLine | undefined;
  let depth = 0;
  let line = 1;
  let atLineStart = true;
  let indent = 0;
  let unterminated: PyTokenized['unterminated'];
  let i = 0;
  const push = (token: Omit<PyToken, 'line' | 'prefix'> & { prefix?: string }, startLine: number) => {
    current ??= { indent, line: startLine, tokens: [] };
    current.tokens.push({ prefix: '', ...token, line: startLine });
  };
  const endLogicalLine = () => {
    if (current) lines.push(current);
    current = undefined;
  };
  while (i < text.length) {
    const char = text[i] as string;
    if (atLineStart) {
      indent = 0;
      while (text[i] === ' ' || text[i] === '\t' || text[i] === '\f') {
        indent = text[i] === '\t' ? (Math.floor(indent / 8) + 1) * 8 : indent + 1;
        i++;
      }
      atLineStart = false;
      continue;
    }
    if (char === '\n' || char === '\r') {
      i += char === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
      if (depth === 0) {
        endLogicalLine();
        atLineStart = true;
      }
      continue;
    }
    if (char === '#') {
      while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
      continue;
    }
    if (char === '\\' && (text[i + 1] === '\n' || text[i + 1] === '\r')) {
      i += text[i + 1] === '\r' && text[i + 2] === '\n' ? 3 : 2;
      line++;
      continue;
    }
    if (char === ' ' || char === '\t' || char === '\f') {
      i++;
      continue;
    }
    const rest = text.slice(i, i + 200);
    const string = STRING_START.exec(rest);
    if (string) {
      const prefix = (string[1] as string).toLowerCase();
      const quote = string[2] as string;
      const start = line;
      const body = i + string[0].length;
      const { end: j, closed, newlines } = scanString(text, body, quote, /[ft]/.test(prefix));
      line += newlines;
      if (!closed) unterminated ??= { line: start, what: 'string' };
      push({ kind: 'string', value: text.slice(body, j), prefix }, start);
      i = closed ? j + quote.length : j;
      continue;
    }
    const name = NAME.exec(rest);
    if (name) {
      push({ kind: 'name', value: name[0] }, line);
      i += name[0].length;
      continue;
    }
    const number = NUMBER.exec(rest);
    if (number) {
      push({ kind: 'number', value: number[0] }, line);
      i += number[0].length;
      continue;
    }
    const operator = OPERATORS.find((op) => text.startsWith(op, i)) ?? char;
    if ('([{'.includes(operator)) depth++;
    if (')]}'.includes(operator)) depth = Math.max(0, depth - 1);
    push({ kind: 'op', value: operator }, line);
    i += operator.length;
  }
  if (depth > 0 && current) unterminated ??= { line: current.line, what: 'bracket' };
  endLogicalLine();
  return { lines, ...(unterminated ? { unterminated } : {}) };
}

/**
 * The end of a string's body from `from` (the offset of its closing quote, or where the file or a
 * single-quoted line ends). In an f-string, replacement fields may hold quotes of any kind and,
 * since Python 3.12 (PEP 701), newlines: `f"{reverse("admin:x", args=[a])}"`.
 */
function scanString(
  text: string,
  from: number,
  quote: string,
  formatted: boolean,
): { end: number; closed: boolean; newlines: number } {
  let newlines = 0;
  let j = from;
  while (j < text.length) {
    if (text[j] === '\\') {
      if (text[j + 1] === '\n') newlines++;
      j += 2;
      continue;
    }
    if (text.startsWith(quote, j)) return { end: j, closed: true, newlines };
    if (formatted && text[j] === '{') {
      if (text[j + 1] === '{') {
        j += 2;
        continue;
      }
      const field = scanField(text, j + 1);
      newlines += field.newlines;
      j = field.end;
      continue;
    }
    if (text[j] === '\n') {
      if (quote.length === 1) break;
      newlines++;
    }
    j++;
  }
  return { end: j, closed: false, newlines };
}

/** Past the `}` that closes an f-string replacement field opened just before `from`. */
function scanField(text: string, from: number): { end: number; newlines: number } {
  let depth = 1;
  let newlines = 0;
  let j = from;
  while (j < text.length) {
    const char = text[j] as string;
    if (char === '"' || char === "'") {
      const quote = text.startsWith(char.repeat(3), j) ? char.repeat(3) : char;
      const prefix = /[A-Za-z]*$/.exec(text.slice(Math.max(from, j - 3), j))?.[0] ?? '';
      const inner = scanString(text, j + quote.length, quote, /[ft]/i.test(prefix));
      newlines += inner.newlines;
      j = inner.closed ? inner.end + quote.length : inner.end;
      continue;
    }
    if (char === '{' || char === '[' || char === '(') depth++;
    else if (char === '}' || char === ']' || char === ')') {
      depth--;
      if (depth === 0) return { end: j + 1, newlines };
    } else if (char === '\n') newlines++;
    j++;
  }
  return { end: j, newlines };
}
