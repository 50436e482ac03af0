import { describe, expect, it } from 'vitest';
import { readPrisma, readSchema } from './read-prisma.ts';

const model = 'model A {\n  id Int @id\n}\n';

describe('the Prisma datasource', () => {
  it('gives its provider and relation mode to every model of the schema', async () => {
    const schema = await readSchema(
      `datasource db {\n  provider     = "mysql"\n  url          = env("DATABASE_URL")\n  relationMode = "prisma"\n}\n${model}`,
    );
    expect([schema.provider, schema.relationMode]).toEqual(['mysql', 'prisma']);
  });

  it('reads the legacy referentialIntegrity setting as the relation mode', async () => {
    const schema = await readSchema(
      `datasource db {\n  provider             = "mysql"\n  url                  = env("DB")\n  referentialIntegrity = "prisma"\n}\n${model}`,
    );
    expect(schema.relationMode).toBe('prisma');
  });

  it('names the env vars of url and directUrl, with the datasource line', async () => {
    const schema = await readSchema(
      `${model}\ndatasource db {\n  provider  = "postgresql"\n  url       = env("POOLED_URL")\n  directUrl = env("DIRECT_URL")\n}\n`,
    );
    expect(schema.datasource).toEqual({
      urlEnv: 'POOLED_URL',
      directUrlEnv: 'DIRECT_URL',
      location: { path: 'prisma/schema.prisma', line: 5 },
    });
  });

  it('keeps a literal URL only with its password masked', async () => {
    const schema = await readSchema(
      `datasource db {\n  provider = "postgresql"\n  url      = "postgresql://app:s3cr3t@db.example.com:6543/app?pgbouncer=true"\n}\n${model}`,
    );
    expect(schema.datasource?.url).toEqual({
      value: 'postgresql://app:****@db.example.com:6543/app?pgbouncer=true',
      location: { path: 'prisma/schema.prisma', line: 3 },
    });
    expect(JSON.stringify(schema)).not.toContain('s3cr3t');
  });

  it('has provider unknown and no datasource when the schema declares none', async () => {
    const schema = await readSchema(model);
    expect([schema.provider, schema.relationMode, schema.datasource]).toEqual([
      'unknown',
      'foreignKeys',
      undefined,
    ]);
  });

  it('skips a file of enums only, which describes no table', async () => {
    const { schemas } = await readPrisma({ 'prisma/enums.prisma': 'enum Role {\n  USER\n}\n' });
    expect(schemas).toEqual([]);
  });
});
