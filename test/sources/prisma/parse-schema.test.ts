import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { getSchema, PrismaParser, VisitorClassFactory } from '@mrleebo/prisma-ast';
import { describe, expect, it } from 'vitest';
import { type PrismaSyntaxError, parsePrismaSchema } from '../../../src/sources/prisma/parse-schema.ts';
import { scanPrismaText } from '../../../src/sources/prisma/scan-text.ts';

const root = new URL('../../../', import.meta.url).pathname;

/** Every .prisma file of the real projects kept as fixtures, and of the examples. */
function realSchemas(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.prisma'))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)))
    .sort();
}

const parser = new PrismaParser({ nodeLocationTracking: 'full' });
const visitor = new (VisitorClassFactory(parser))();

/** prisma-ast's tree as Headroom reads it: no comments or blank lines, locations by start line. */
function prismaAst(text: string): unknown {
  const reduce = (value: unknown): unknown => {
    if (Array.isArray(value))
      return value
        .filter((item) => !(item && (item.type === 'comment' || item.type === 'break')))
        .map(reduce);
    if (!value || typeof value !== 'object') return value;
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key, v]) => key !== 'comment' && v !== undefined)
        .map(([key, v]) => [
          key,
          key === 'location' ? { startLine: (v as { startLine: number }).startLine } : reduce(v),
        ]),
    );
  };
  return reduce(getSchema(text, { parser, visitor }).list);
}

/** The line each parser stops at, or `undefined` when it reads the whole text. */
function stopLines(text: string): { ours?: number; prismaAst?: number } {
  const stop = (parse: () => unknown, line: (error: unknown) => number) => {
    try {
      parse();
      return undefined;
    } catch (error) {
      return line(error);
    }
  };
  return {
    ours: stop(
      () => parsePrismaSchema(text),
      (error) => (error as PrismaSyntaxError).line,
    ),
    prismaAst: stop(
      () => getSchema(text, { parser, visitor }),
      // At the end of the file chevrotain's token has no line; the reader reports the last one.
      (error) => {
        const line = (error as { token: { startLine: number } }).token.startLine;
        return Number.isFinite(line) ? line : text.split('\n').length;
      },
    ),
  };
}

describe('the Prisma schema parser', () => {
  const files = [...realSchemas('test/fixtures'), ...realSchemas('examples')];

  it('has real schemas to be held to', () => {
    expect(files.length).toBeGreaterThanOrEqual(20);
  });

  it.each(files)('gives prisma-ast’s tree for %s', (path) => {
    const { text } = scanPrismaText(readFileSync(join(root, path), 'utf8'));
    expect(parsePrismaSchema(text)).toEqual(prismaAst(text));
  });

  it('reads every value form: functions, keys, arrays, empty arrays, native types, numbers, escapes', () => {
    const text = [
      'datasource db {',
      '  provider   = "postgresql"',
      '  extensions = [pgcrypto, postgis(version: "2.1")]',
      '}',
      'model M {',
      '  id   Int @id @default(autoincrement())',
      '  type String @db.VarChar(255)',
      '  n    Float @default(-1.5e3)',
      '  tags String[] @default([])',
      '  geo  Unsupported("geometry(Point, 4326)")?',
      '  e    String @default("a\\"b")',
      '  u    String @default(dbgenerated("gen_random_uuid()")) @db.Uuid',
      '  @@index([type(sort: Desc, length: 10), n], type: BTree, map: "m_idx")',
      '  @@index(type)',
      '  @@unique(fields: [id, n], name: "x")',
      '}',
      'enum E {',
      '  A @map("a")',
      '  @@map("es")',
      '}',
      'view V {',
      '  id Int @unique',
      '}',
      '',
    ].join('\n');
    expect(parsePrismaSchema(text)).toEqual(prismaAst(text));
  });

  it.each([
    ['an attribute cut by a line break', 'model A {\n  id Int @id\n  x String @default(\n}\n'],
    ['an array across lines, which Prisma rejects too', 'model A {\n  a Int\n  @@index([\n    a\n  ])\n}\n'],
    ['a block not closed', 'model A {\n  id Int @id\n'],
    ['a block without a name', 'model {\n  id Int\n}\n'],
    ['a field without a type', 'model A {\n  id\n}\n'],
  ])('stops where prisma-ast stops on %s', (_name, text) => {
    const lines = stopLines(text);
    expect(lines.ours).toBeDefined();
    expect(lines.ours).toBe(lines.prismaAst);
  });

  it('stops at an unknown block keyword, on its line (prisma-ast stops a line later)', () => {
    expect(() => parsePrismaSchema('model A {\n  id Int @id\n}\ntable B {\n  id Int\n}\n')).toThrow(
      expect.objectContaining({ line: 4, found: '"table"' }),
    );
  });
});
