import { describe, expect, it } from 'vitest';
import { readSql } from './read-sql.ts';

const create = (name: string) => `CREATE TABLE ${name} (id bigint PRIMARY KEY);\n`;

describe('migration layouts', () => {
  it('recognises each tool by path and replays each directory as one group', async () => {
    const { migrations, schemas } = await readSql({
      'prisma/migrations/20240101000000_init/migration.sql': create('a'),
      'prisma/migrations/migration_lock.toml': 'provider = "postgresql"\n',
      'supabase/migrations/20240101000000_init.sql': create('b'),
      'drizzle/0000_init.sql': create('c'),
      'drizzle/20250101000000_init/migration.sql': create('d'),
      'db/migrations/000001_init.up.sql': create('e'),
      'db/migrations/000001_init.down.sql': 'DROP TABLE e;',
      'src/main/resources/db/migration/V1__init.sql': create('f'),
      'src/main/resources/db/migration/U1__init.sql': 'DROP TABLE f;',
      'migrations/1700000000000_init.sql': create('g'),
      'hasura/migrations/default/1700000000000_init/up.sql': create('h'),
      'hasura/migrations/default/1700000000000_init/down.sql': 'DROP TABLE h;',
      'sql/schema.sql': create('not_a_migration'),
    });
    expect(migrations.map((m) => [m.path, m.tool, m.directory, m.transactional])).toEqual([
      ['prisma/migrations/20240101000000_init/migration.sql', 'prisma', 'prisma/migrations', true],
      ['supabase/migrations/20240101000000_init.sql', 'supabase', 'supabase/migrations', true],
      ['drizzle/0000_init.sql', 'drizzle', 'drizzle', true],
      ['drizzle/20250101000000_init/migration.sql', 'drizzle', 'drizzle', true],
      ['db/migrations/000001_init.up.sql', 'golang-migrate', 'db/migrations', true],
      ['src/main/resources/db/migration/V1__init.sql', 'flyway', 'src/main/resources/db/migration', true],
      ['migrations/1700000000000_init.sql', 'node-pg-migrate', 'migrations', true],
      ['hasura/migrations/default/1700000000000_init/up.sql', 'plain', 'hasura/migrations/default', false],
    ]);
    expect(schemas.map((s) => [s.path, s.origin, s.provider, s.relationMode, s.role])).toContainEqual([
      'prisma/migrations',
      'sql',
      'postgresql',
      'foreignKeys',
      'state',
    ]);
    expect(schemas.find((s) => s.path === 'db/migrations')?.tables.map((t) => t.name)).toEqual(['e']);
  });

  it('orders versions by number, not by text, when their widths differ', async () => {
    const { migrations } = await readSql({
      'db/migrations/10_c.up.sql': 'SELECT 1;',
      'db/migrations/2_b.up.sql': 'SELECT 1;',
      'db/migrations/1_a.up.sql': 'SELECT 1;',
    });
    expect(migrations.map((m) => m.path)).toEqual([
      'db/migrations/1_a.up.sql',
      'db/migrations/2_b.up.sql',
      'db/migrations/10_c.up.sql',
    ]);
  });

  it('orders Flyway by dotted version (V1_1 is 1.1) and runs repeatable scripts last', async () => {
    const { migrations } = await readSql({
      'db/migration/R__views.sql': 'CREATE VIEW v AS SELECT 1;',
      'db/migration/V1_10__later.sql': 'SELECT 1;',
      'db/migration/V1_2__second.sql': 'SELECT 1;',
      'db/migration/V1__first.sql': 'SELECT 1;',
      'db/migration/V2__third.sql': 'SELECT 1;',
    });
    expect(migrations.map((m) => m.path.split('/').at(-1))).toEqual([
      'V1__first.sql',
      'V1_2__second.sql',
      'V1_10__later.sql',
      'V2__third.sql',
      'R__views.sql',
    ]);
  });

  it("follows Drizzle's journal in a custom out folder and calls the tool by its name", async () => {
    const { migrations } = await readSql({
      'src/db/migrations/meta/_journal.json': JSON.stringify({
        entries: [
          { idx: 0, tag: '0000_first' },
          { idx: 1, tag: '0001_second' },
        ],
      }),
      'src/db/migrations/0001_second.sql': 'SELECT 1;',
      'src/db/migrations/0000_first.sql': 'SELECT 1;',
      'src/db/migrations/0002_not_in_journal.sql': 'SELECT 1;',
    });
    expect(migrations.map((m) => [m.path.split('/').at(-1), m.tool])).toEqual([
      ['0000_first.sql', 'drizzle'],
      ['0001_second.sql', 'drizzle'],
      ['0002_not_in_journal.sql', 'drizzle'],
    ]);
  });

  it('replays only the up part of dbmate, goose and node-pg-migrate files', async () => {
    const { schemas } = await readSql({
      'db/migrations/20240101_dbmate.sql':
        '-- migrate:up\nCREATE TABLE a (id int PRIMARY KEY);\n\n-- migrate:down\nDROP TABLE a;\n',
      'db/migrations/20240102_goose.sql':
        '-- +goose Up\nCREATE TABLE b (id int PRIMARY KEY);\n-- +goose Down\nDROP TABLE b;\n',
      'db/migrations/20240103_npm.sql':
        '-- Up Migration\nCREATE TABLE c (id int);\n-- Down Migration\nDROP TABLE c;\n',
    });
    expect(schemas[0]?.tables.map((t) => t.name)).toEqual(['a', 'b', 'c']);
  });

  it('reads the engine from Flyway vendor folders in any case, and replays only the PostgreSQL one', async () => {
    const { schemas, migrations, diagnostics } = await readSql({
      'src/main/resources/db/migration/POSTGRESQL/V1__init.sql': create('pg_only'),
      'src/main/resources/db/migration/MYSQL/V1__init.sql': 'CREATE TABLE `my` (id bigint PRIMARY KEY);\n',
      'src/main/resources/db/migration/H2/V1__init.sql': 'CREATE ALIAS IF NOT EXISTS f FOR "x.y";\n',
    });
    expect(diagnostics).toEqual([]);
    expect(migrations.map((m) => m.path)).toEqual([
      'src/main/resources/db/migration/POSTGRESQL/V1__init.sql',
    ]);
    expect(schemas.map((s) => [s.path, s.provider])).toEqual([
      ['src/main/resources/db/migration/POSTGRESQL', 'postgresql'],
    ]);
  });

  it('reads no engine from folder names that are only names of object properties', async () => {
    const { schemas, migrations } = await readSql({
      'constructor/migrations/001_init.sql': create('a'),
      'toString/migrations/001_init.sql': create('b'),
    });
    expect(migrations.map((m) => m.path)).toEqual([
      'constructor/migrations/001_init.sql',
      'toString/migrations/001_init.sql',
    ]);
    expect(schemas.map((s) => s.provider)).toEqual(['postgresql', 'postgresql']);
  });

  it('replays a file that mentions "down" outside a marker whole', async () => {
    const { schemas } = await readSql({
      'db/migrations/20240101_countdown.sql':
        '-- countdown timers\nCREATE TABLE countdown (id int PRIMARY KEY);\n',
    });
    expect(schemas[0]?.tables.map((t) => t.name)).toEqual(['countdown']);
  });

  it('leaves out migrations that no deployment runs: test stubs, fixtures and legacy copies', async () => {
    const { migrations } = await readSql({
      'db/migrations/1_init.up.sql': create('live'),
      'db/migrations/legacy/1_init.up.sql': create('old'),
      'internal/testdata/migrations/1_init.up.sql': create('stub'),
      'test/fixtures/migrations/1_init.sql': create('fixture'),
      'tests/migrations/1_init.sql': create('test'),
    });
    expect(migrations.map((m) => m.path)).toEqual(['db/migrations/1_init.up.sql']);
  });
});
