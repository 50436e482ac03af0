import { readdir, readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { readPrisma, table } from './read-prisma.ts';

const fixtures = new URL('../../fixtures/prisma/', import.meta.url);

async function fixtureFiles(folder: string, as: string): Promise<Record<string, string>> {
  const names = await readdir(new URL(folder, fixtures));
  const entries = await Promise.all(
    names.map(async (name) => [
      `${as}/${name}`,
      await readFile(new URL(`${folder}${name}`, fixtures), 'utf8'),
    ]),
  );
  return Object.fromEntries(entries);
}

describe('real schemas (see test/fixtures/prisma/README.md)', () => {
  it('dub: a multi-file MySQL schema in relationMode prisma', async () => {
    const { schemas, diagnostics } = await readPrisma(
      await fixtureFiles('dub/schema/', 'packages/prisma/schema'),
    );
    expect(diagnostics).toEqual([]);
    expect(schemas).toHaveLength(1);
    const [schema] = schemas;
    expect([schema?.path, schema?.provider, schema?.relationMode, schema?.datasource?.urlEnv]).toEqual([
      'packages/prisma/schema',
      'mysql',
      'prisma',
      'DATABASE_URL',
    ]);
    expect(schema?.tables).toHaveLength(10);
    // `@@index(source)`: one field, no brackets.
    expect(table(schema, 'User').indexes.map((i) => i.elements.map((e) => e.column))).toEqual([
      ['source'],
      ['defaultWorkspace'],
      ['referredByWorkspaceId'],
    ]);
    expect(
      table(schema, 'ProgramPartnerTag').foreignKeys.find((fk) => fk.relationField === 'partnerTag'),
    ).toEqual({
      columns: ['partnerTagId', 'programId'],
      referencedTable: 'PartnerTag',
      referencedColumns: ['id', 'programId'],
      relationField: 'partnerTag',
      location: { path: 'packages/prisma/schema/tag.prisma', line: 52 },
    });
  });

  it('cal.com: composite @@id, named relations, @map(name:) and @@map(name:)', async () => {
    const { schemas, diagnostics } = await readPrisma({
      'packages/prisma/schema.prisma': await readFile(new URL('calcom/schema.prisma', fixtures), 'utf8'),
    });
    expect(diagnostics).toEqual([]);
    const [schema] = schemas;
    expect(schema?.tables).toHaveLength(6);
    expect(schema?.datasource).toMatchObject({ urlEnv: 'DATABASE_URL', directUrlEnv: 'DATABASE_DIRECT_URL' });
    expect(table(schema, 'Host').primaryKey?.columns).toEqual(['userId', 'eventTypeId']);
    const user = table(schema, 'User');
    expect([user.name, user.columns.find((c) => c.fieldName === 'createdDate')?.name]).toEqual([
      'users',
      'created',
    ]);
    expect(
      table(schema, 'EventType').foreignKeys.map((fk) => [
        fk.relationField,
        fk.referencedTable,
        fk.location.line,
      ]),
    ).toEqual([
      ['owner', 'users', 73],
      ['parent', 'EventType', 76],
      ['schedule', 'Schedule', 80],
      ['instantMeetingSchedule', 'Schedule', 84],
    ]);
  });
});
