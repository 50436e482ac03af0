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

  it('takes the schema folder that package.json names, so a datasource in a subfolder still reaches every model', async () => {
    const files = {
      'packages/db/prisma/schema/base/db.prisma': SETUP,
      'packages/db/prisma/schema/models/user.prisma': 'model User {\n  id Int @id\n}\n',
      'packages/db/prisma/schema/models/post.prisma':
        'model Post {\n  id       Int  @id\n  authorId Int\n  author   User @relation(fields: [authorId], references: [id])\n}\n',
    };
    const named = await readPrisma({
      ...files,
      'packages/db/package.json': JSON.stringify({ name: 'db', prisma: { schema: './prisma/schema' } }),
    });
    expect(named.schemas.map((s) => [s.path, s.provider, s.tables.map((t) => t.name)])).toEqual([
      ['packages/db/prisma/schema', 'postgresql', ['User', 'Post']],
    ]);
    // Without the key the models folder is a schema of its own with no datasource: no provider.
    const unnamed = await readPrisma({ ...files, 'packages/db/package.json': '{"name":"db"}' });
    expect(unnamed.schemas.map((s) => [s.path, s.provider])).toEqual([
      ['packages/db/prisma/schema/base/db.prisma', 'postgresql'],
      ['packages/db/prisma/schema/models', 'unknown'],
    ]);
  });

  it('reads nothing from a package.json alone, and leaves a broken one to the manifest reader', async () => {
    expect(await readPrisma({ 'package.json': '{"prisma": {"schema": "db"}}' })).toEqual({
      schemas: [],
      diagnostics: [],
    });
    const { schemas, diagnostics } = await readPrisma({
      'prisma/schema.prisma': `${SETUP}model A {\n  id Int @id\n}\n`,
      'package.json': '{"prisma": ',
    });
    expect(diagnostics).toEqual([]);
    expect(schemas.map((s) => s.path)).toEqual(['prisma/schema.prisma']);
  });
});
