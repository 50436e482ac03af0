import { describe, expect, it } from 'vitest';
import { readPrisma, table } from './read-prisma.ts';

describe('Prisma files that do not parse', () => {
  it('reports the line of the error, and the other files of the schema still count', async () => {
    const { schemas, diagnostics } = await readPrisma({
      'prisma/schema/schema.prisma':
        'datasource db {\n  provider = "postgresql"\n  url      = env("DATABASE_URL")\n}\n',
      'prisma/schema/broken.prisma': 'model Broken {\n  id   Int @id\n  name String @default(\n}\n',
      'prisma/schema/post.prisma': 'model Post {\n  id Int @id\n}\n',
    });
    expect(diagnostics).toEqual([
      expect.objectContaining({
        severity: 'error',
        origin: 'prisma',
        location: { path: 'prisma/schema/broken.prisma', line: 3 },
      }),
    ]);
    expect(schemas[0]?.tables.map((t) => t.name)).toEqual(['Post']);
  });

  it('still reads the blocks of a broken file that parse on their own', async () => {
    const { schemas, diagnostics } = await readPrisma({
      'prisma/schema.prisma':
        'model A {\n  id Int @id\n  x String @default(\n}\n\nmodel B {\n  id Int @id\n  y Int\n}\n',
    });
    expect(diagnostics.map((d) => d.location.line)).toEqual([3]);
    expect(table(schemas[0], 'B').columns.map((c) => [c.name, c.location.line])).toEqual([
      ['id', 7],
      ['y', 8],
    ]);
  });

  it('reports characters prisma-ast would silently drop, such as an unterminated string', async () => {
    const { diagnostics } = await readPrisma({
      'prisma/schema.prisma': 'model A {\n  id Int @id\n  s  String @default("open)\n  $t Int\n}\n',
    });
    expect(diagnostics.map((d) => [d.location.line, d.message])).toEqual([
      [3, 'prisma/schema.prisma is not a valid Prisma schema: unexpected character "\\""; it was skipped.'],
      [4, 'prisma/schema.prisma is not a valid Prisma schema: unexpected character "$"; it was skipped.'],
    ]);
  });
});
