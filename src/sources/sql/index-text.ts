import { isKeyword, isPunct, lex, type Token } from './lexer.ts';

/** The written text of a `CREATE INDEX` statement's parts that the AST gives no end for. */
export interface IndexText {
  /** Per key element, its expression as written (`lower(email)`, `a + b`), or its column. */
  expressions: string[];
  /** The WHERE predicate as written, without the keyword. */
  predicate?: string;
}

/**
 * Reads a `CREATE INDEX` statement's element list (the first parenthesised list: names
 * before it cannot contain a parenthesis) and the predicate after `WHERE`.
 */
export function indexText(statement: Buffer): IndexText {
  const tokens = lex(statement);
  const open = tokens.findIndex((token) => isPunct(statement, token, '('));
  const elements: Token[][] = [];
  let current: Token[] = [];
  let depth = 0;
  let close = tokens.length;
  for (let i = open + 1; open >= 0 && i < tokens.length; i++) {
    const token = tokens[i] as Token;
    if (isPunct(statement, token, '(')) depth++;
    if (isPunct(statement, token, ')') && depth-- === 0) {
      close = i;
      break;
    }
    if (depth === 0 && isPunct(statement, token, ',')) {
      elements.push(current);
      current = [];
    } else {
      current.push(token);
    }
  }
  if (current.length > 0) elements.push(current);

  const where = tokens.findIndex((token, i) => i > close && isKeyword(statement, token, 'where'));
  let last = tokens.length - 1;
  while (last > where && isPunct(statement, tokens[last], ';')) last--;
  const from = tokens[where + 1];
  const to = tokens[last];
  const predicate =
    where >= 0 && from && to && last > where ? statement.toString('utf8', from.start, to.end) : undefined;
  return {
    expressions: elements.map((element) => expressionOf(statement, element)),
    ...(predicate !== undefined ? { predicate } : {}),
  };
}

/**
 * The expression of an element written as `(expr) …` or `func(args) …` (PostgreSQL's grammar
 * allows nothing else), without what follows it: opclass, collation, ordering.
 */
function expressionOf(statement: Buffer, element: Token[]): string {
  const first = element[0];
  if (!first) return '';
  const wrapped = isPunct(statement, first, '(');
  let depth = 0;
  for (const token of element) {
    if (isPunct(statement, token, '(')) depth++;
    else if (isPunct(statement, token, ')') && --depth === 0) {
      return wrapped
        ? statement.toString('utf8', first.end, token.start).trim()
        : statement.toString('utf8', first.start, token.end);
    }
  }
  return statement.toString('utf8', first.start, first.end);
}
