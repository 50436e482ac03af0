/**
 * A parser for the Prisma schema language that gives the same tree as @mrleebo/prisma-ast (its
 * `Block` list, comments and blank lines left out, locations reduced to the start line), in one
 * pass over the text. prisma-ast builds a chevrotain grammar when loaded and keeps a concrete
 * syntax tree per file: about a second and hundreds of megabytes for 5,000 models. Values are
 * kept as written (`"users"` with its quotes, `-1`, `true`), as prisma-ast keeps them.
 * `test/sources/prisma/parse-schema.test.ts` holds it to prisma-ast's tree on real schemas.
 *
 * Like Prisma, it takes no line break inside an attribute's arguments, a function call or an
 * array; `/* … *\/` comments are blanked beforehand (scan-text.ts), as for prisma-ast.
 */
import type { AstNode } from './prisma-ast-nodes.ts';

/** Where parsing stopped: the line, and what was found there as the diagnostic says it. */
export class PrismaSyntaxError extends Error {
  readonly line: number;
  readonly found: string;

  constructor(line: number, found: string) {
    super(`unexpected ${found} at line ${line}`);
    this.line = line;
    this.found = found;
  }
}

type TokenKind = 'name' | 'string' | 'number' | 'punct' | 'newline' | 'end';

interface Token {
  kind: TokenKind;
  text: string;
  line: number;
}

const BLOCK_KEYWORDS = new Set(['model', 'view', 'type', 'enum', 'datasource', 'generator']);

/** Arrays and calls nest at most this deep: no real schema comes close, and recursion must end. */
export const MAX_VALUE_DEPTH = 64;

/** The top-level blocks of one schema file. Throws a `PrismaSyntaxError` where it is not Prisma. */
export function parsePrismaSchema(text: string): AstNode[] {
  return new SchemaParser(tokenize(text)).blocks();
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let line = 1;
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      tokens.push({ kind: 'newline', text: '\n', line });
      line++;
      i++;
    } else if (c === 32 || c === 9 || c === 13) {
      i++;
    } else if (c === 47 && text.charCodeAt(i + 1) === 47) {
      while (i < text.length && text.charCodeAt(i) !== 10) i++;
    } else if (c === 34) {
      const start = i;
      i++;
      while (i < text.length && text.charCodeAt(i) !== 34 && text.charCodeAt(i) !== 10)
        i += text.charCodeAt(i) === 92 ? 2 : 1;
      if (text.charCodeAt(i) !== 34) throw new PrismaSyntaxError(line, '"\\""');
      i++;
      tokens.push({ kind: 'string', text: text.slice(start, i), line });
    } else if (isDigit(c) || (c === 45 && isDigit(text.charCodeAt(i + 1)))) {
      NUMBER.lastIndex = i;
      const number = (NUMBER.exec(text) as RegExpExecArray)[0];
      tokens.push({ kind: 'number', text: number, line });
      i += number.length;
    } else if (isNameStart(c)) {
      const start = i;
      while (i < text.length && isNamePart(text.charCodeAt(i))) i++;
      tokens.push({ kind: 'name', text: text.slice(start, i), line });
    } else {
      const punct = text.startsWith('@@', i) ? '@@' : (text[i] as string);
      tokens.push({ kind: 'punct', text: punct, line });
      i += punct.length;
    }
  }
  tokens.push({ kind: 'end', text: '', line });
  return tokens;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** prisma-ast's number literal; a leading zero stands alone, as in JSON. */
const NUMBER = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;

/** Identifiers as prisma-ast lexes them: `[a-zA-Z][\w-]*`. */
function isNameStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isNamePart(c: number): boolean {
  return isNameStart(c) || isDigit(c) || c === 95 || c === 45;
}

class SchemaParser {
  readonly #tokens: Token[];
  #at = 0;
  #depth = 0;

  constructor(tokens: Token[]) {
    this.#tokens = tokens;
  }

  blocks(): AstNode[] {
    const blocks: AstNode[] = [];
    for (;;) {
      this.#skipLines();
      const token = this.#peek();
      if (token.kind === 'end') return blocks;
      if (token.kind !== 'name' || !BLOCK_KEYWORDS.has(token.text)) this.#fail(token);
      this.#next();
      const name = this.#expect('name').text;
      this.#expectPunct('{');
      const location = { startLine: token.line };
      if (token.text === 'datasource' || token.text === 'generator')
        blocks.push({ type: token.text, name, assignments: this.#body(() => this.#assignment()), location });
      else if (token.text === 'enum')
        blocks.push({ type: 'enum', name, enumerators: this.#body(() => this.#enumerator()), location });
      else blocks.push({ type: token.text, name, properties: this.#body(() => this.#property()), location });
    }
  }

  /** Lines up to the closing `}`, each read by `item`, which ends where its line ends. */
  #body(item: () => AstNode): AstNode[] {
    const items: AstNode[] = [];
    for (;;) {
      this.#skipLines();
      if (this.#isPunct('}')) {
        this.#next();
        return items;
      }
      items.push(item());
      this.#endOfLine();
    }
  }

  #assignment(): AstNode {
    const key = this.#expect('name');
    this.#expectPunct('=');
    return { type: 'assignment', key: key.text, value: this.#value(), location: { startLine: key.line } };
  }

  #enumerator(): AstNode {
    if (this.#isPunct('@@')) return this.#blockAttribute();
    const name = this.#expect('name');
    const attributes = this.#fieldAttributes();
    return {
      type: 'enumerator',
      name: name.text,
      ...(attributes.length ? { attributes } : {}),
      location: { startLine: name.line },
    };
  }

  #property(): AstNode {
    if (this.#isPunct('@@')) return this.#blockAttribute();
    const name = this.#expect('name');
    const typeName = this.#expect('name');
    const fieldType = this.#isPunct('(') ? this.#call(typeName) : typeName.text;
    const array = this.#isPunct('[');
    if (array) {
      this.#next();
      this.#expectPunct(']');
    }
    const optional = this.#isPunct('?');
    if (optional) this.#next();
    const attributes = this.#fieldAttributes();
    return {
      type: 'field',
      name: name.text,
      fieldType,
      array,
      optional,
      ...(attributes.length ? { attributes } : {}),
      location: { startLine: name.line },
    };
  }

  #blockAttribute(): AstNode {
    const at = this.#next();
    return this.#attribute(at, 'object');
  }

  #fieldAttributes(): AstNode[] {
    const attributes: AstNode[] = [];
    while (this.#isPunct('@')) attributes.push(this.#attribute(this.#next(), 'field'));
    return attributes;
  }

  /** `@name`, `@group.name`, either with `(arguments)`. */
  #attribute(at: Token, kind: 'field' | 'object'): AstNode {
    let name = this.#expect('name').text;
    let group: string | undefined;
    if (this.#isPunct('.')) {
      this.#next();
      group = name;
      name = this.#expect('name').text;
    }
    const args = this.#isPunct('(') ? this.#arguments() : undefined;
    return {
      type: 'attribute',
      name,
      kind,
      ...(group !== undefined ? { group } : {}),
      ...(args ? { args } : {}),
      location: { startLine: at.line },
    };
  }

  #arguments(): AstNode[] {
    return this.#list('(', ')', () => ({ type: 'attributeArgument', value: this.#argument() }));
  }

  /** `key: value` or a value. */
  #argument(): AstNode {
    const token = this.#peek();
    if (token.kind === 'name' && this.#peek(1).kind === 'punct' && this.#peek(1).text === ':') {
      this.#next();
      this.#next();
      return { type: 'keyValue', key: token.text, value: this.#value(), location: { startLine: token.line } };
    }
    return this.#value();
  }

  #value(): AstNode {
    const token = this.#peek();
    if (token.kind === 'string' || token.kind === 'number') return this.#next().text;
    if (token.kind === 'name') {
      this.#next();
      return this.#isPunct('(') ? this.#call(token) : token.text;
    }
    if (this.#isPunct('[')) {
      const args = this.#list('[', ']', () => this.#value());
      return args.length ? { type: 'array', args } : { type: 'array' };
    }
    return this.#fail(token);
  }

  #call(name: Token): AstNode {
    const params = this.#list('(', ')', () => this.#argument());
    return {
      type: 'function',
      name: name.text,
      ...(params.length ? { params } : {}),
      location: { startLine: name.line },
    };
  }

  /** `open item, item… close` on one line. */
  #list(open: string, close: string, item: () => AstNode): AstNode[] {
    const opening = this.#expectPunct(open);
    if (++this.#depth > MAX_VALUE_DEPTH)
      throw new PrismaSyntaxError(opening.line, `"${open}" nested deeper than ${MAX_VALUE_DEPTH} levels`);
    try {
      return this.#items(close, item);
    } finally {
      this.#depth--;
    }
  }

  #items(close: string, item: () => AstNode): AstNode[] {
    const items: AstNode[] = [];
    if (this.#isPunct(close)) {
      this.#next();
      return items;
    }
    for (;;) {
      items.push(item());
      if (this.#isPunct(',')) {
        this.#next();
        continue;
      }
      this.#expectPunct(close);
      return items;
    }
  }

  #endOfLine(): void {
    const token = this.#peek();
    if (token.kind === 'newline') this.#next();
    else if (!(token.kind === 'punct' && token.text === '}')) this.#fail(token);
  }

  #skipLines(): void {
    while (this.#peek().kind === 'newline') this.#at++;
  }

  #peek(ahead = 0): Token {
    return this.#tokens[Math.min(this.#at + ahead, this.#tokens.length - 1)] as Token;
  }

  #next(): Token {
    const token = this.#peek();
    if (token.kind !== 'end') this.#at++;
    return token;
  }

  #isPunct(text: string): boolean {
    const token = this.#peek();
    return token.kind === 'punct' && token.text === text;
  }

  #expect(kind: TokenKind): Token {
    const token = this.#peek();
    if (token.kind !== kind) this.#fail(token);
    return this.#next();
  }

  #expectPunct(text: string): Token {
    if (!this.#isPunct(text)) this.#fail(this.#peek());
    return this.#next();
  }

  #fail(token: Token): never {
    const found =
      token.kind === 'end'
        ? 'the end of the file'
        : token.kind === 'newline'
          ? 'a line break'
          : `"${token.text}"`;
    throw new PrismaSyntaxError(token.line, found);
  }
}
