import { describe, expect, it } from 'vitest';
import { readPrisma, table } from './read-prisma.ts';

const SETUP =
  'datasource db {\n  provider = "postgresql"\n  url      = env("DATABASE_URL")\n}\n\ngenerator client {\n  provider = "prisma-client-js"\n}\n';

describe('multi-file Prisma schemas', () => {
  it('reads a folder of .prisma files as one schema named by the folder, relations across files', async () => {
    const { schemas } = await readPrisma({
      'prisma/schema/schema.prisma': SETUP,
      'prisma/schema/user.prisma': 'model User {\n  id    Int    @id\n  posts Post[]\n  @@map("users")\n}\n',
      'prisma/schema/post.prisma':
        'model Post {\n  id       Int  @id\n  authorId Int\n  author   User @relation(fields: [authorId], references: [id])\n}\n',
    });
    expect(schemas.map((s) => [s.path, s.provider])).toEqual([['prisma/schema', 'postgresql']]);
    const post = table(schemas[0], 'Post');
    expect(post.foreignKeys[0]).toMatchObject({
      referencedTable: 'users',
      location: { path: 'prisma/schema/post.prisma', line: 4 },
    });
    expect(table(schemas[0], 'User').location).toEqual({ path: 'prisma/schema/user.prisma', line: 1 });
  });

  it('adds the files of subfolders to the folder that holds the datasource', async () => {
    const { schemas } = await readPrisma({
      'db/schema/main.prisma': SETUP,
      'db/schema/billing/invoice.prisma': 'model Invoice {\n  id Int @id\n}\n',
    });
    expect(schemas.map((s) => [s.path, s.tables.map((t) => t.name)])).toEqual([['db/schema', ['Invoice']]]);
  });

  it('names a single-file schema by its file, and keeps separate projects apart', async () => {
    const { schemas } = await readPrisma({
      'apps/api/prisma/schema.prisma': `${SETUP}model A {\n  id Int @id\n}\n`,
      'apps/web/prisma/schema.prisma': `${SETUP.replace('postgresql', 'sqlite')}model B {\n  id Int @id\n}\n`,
    });
    expect(schemas.map((s) => [s.path, s.provider, s.tables.map((t) => t.name)])).toEqual([
      ['apps/api/prisma/schema.prisma', 'postgresql', ['A']],
      ['apps/web/prisma/schema.prisma', 'sqlite', ['B']],
    ]);
  });
});
