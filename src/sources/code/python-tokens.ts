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
      let j = i + string[0].length;
      let closed = false;
      while (j < text.length) {
        if (text[j] === '\\') {
          if (text[j + 1] === '\n') line++;
          j += 2;
          continue;
        }
        if (text.startsWith(quote, j)) {
          closed = true;
          break;
        }
        if (text[j] === '\n') {
          if (quote.length === 1) break;
          line++;
        }
        j++;
      }
      if (!closed) unterminated ??= { line: start, what: 'string' };
      push({ kind: 'string', value: text.slice(i + string[0].length, j), prefix }, start);
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
