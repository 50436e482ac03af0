import { beforeAll, describe, expect, it } from 'vitest';
import { loadBabel } from '../../../src/sources/babel-parser.ts';
import { prismaSource } from '../../../src/sources/prisma/index.ts';
import { readPrismaConfig } from '../../../src/sources/prisma/prisma-config.ts';

// The readers are called directly here: the sources load Babel before calling them.
beforeAll(loadBabel);

import { readPrisma } from './read-prisma.ts';

const PRISMA_7 = `import 'dotenv/config';
import { defineConfig, env } from 'prisma/config';

type Env = { DATABASE_URL: string };

export default defineConfig({
  schema: 'db/schema.prisma',
  migrations: {
    path: 'db/migrations',
    seed: 'tsx db/seed.ts',
  },
  datasource: {
    url: env<Env>('DATABASE_URL'),
  },
});
`;

describe('prisma.config.ts', () => {
  it('is matched in any folder and in its JavaScript spellings', () => {
    expect(
      ['prisma.config.ts', 'apps/api/prisma.config.mts', 'prisma.config.cjs', 'prisma/schema.prisma'].map(
        prismaSource.matches,
      ),
    ).toEqual([true, true, true, true]);
    expect(prismaSource.matches('src/prisma.ts')).toBe(false);
  });

  it('is read without running it: schema path, migrations path, datasource env var', () => {
    expect(readPrismaConfig('apps/api/prisma.config.ts', PRISMA_7)).toEqual({
      facts: {
        path: 'apps/api/prisma.config.ts',
        schema: 'db/schema.prisma',
        migrationsPath: 'db/migrations',
        urlEnv: 'DATABASE_URL',
      },
      diagnostics: [],
    });
  });

  it('understands path.join(__dirname, …) and process.env', () => {
    const { facts } = readPrismaConfig(
      'prisma.config.ts',
      `import path from 'node:path';
export default {
  schema: path.join(__dirname, 'prisma', 'schema'),
  datasource: { url: process.env.DATABASE_URL! },
} satisfies PrismaConfig;
`,
    );
    expect(facts).toEqual({ path: 'prisma.config.ts', schema: 'prisma/schema', urlEnv: 'DATABASE_URL' });
  });

  it('gives the env var it names to the schema it names (Prisma 7 has no url in the schema)', async () => {
    const { schemas } = await readPrisma({
      'apps/api/prisma.config.ts': PRISMA_7,
      'apps/api/db/schema.prisma':
        'datasource db {\n  provider = "postgresql"\n}\nmodel A {\n  id Int @id\n}\n',
      'apps/web/prisma/schema.prisma':
        'datasource db {\n  provider = "sqlite"\n}\nmodel B {\n  id Int @id\n}\n',
    });
    expect(schemas.map((s) => [s.path, s.datasource?.urlEnv])).toEqual([
      ['apps/api/db/schema.prisma', 'DATABASE_URL'],
      ['apps/web/prisma/schema.prisma', undefined],
    ]);
  });

  it('makes the folder it names one schema, even without a datasource in it', async () => {
    const { schemas } = await readPrisma({
      'prisma.config.ts': "export default { schema: './models', datasource: { url: env('DB_URL') } };\n",
      'models/a.prisma': 'model A {\n  id Int @id\n}\n',
      'models/b.prisma': 'model B {\n  id Int @id\n}\n',
    });
    expect(schemas.map((s) => [s.path, s.provider, s.datasource?.urlEnv, s.tables.length])).toEqual([
      ['models', 'unknown', 'DB_URL', 2],
    ]);
  });

  it('reports a config it cannot read with its line, and does not throw', () => {
    const { diagnostics } = readPrismaConfig(
      'prisma.config.ts',
      'export default defineConfig({\n  schema: ,\n});\n',
    );
    expect(diagnostics).toEqual([
      expect.objectContaining({ severity: 'warning', location: { path: 'prisma.config.ts', line: 2 } }),
    ]);
  });
});
