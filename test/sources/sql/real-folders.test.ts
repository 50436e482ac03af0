/** Real migration folders (see test/fixtures/sql/README.md for where they come from). */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { operationsOf, readSql, table } from './read-sql.ts';

const fixtures = new URL('../../fixtures/sql/', import.meta.url).pathname;

async function folder(name: string): Promise<Record<string, string>> {
  const root = join(fixtures, name);
  const files: Record<string, string> = {};
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files[relative(root, path)] = await readFile(path, 'utf8');
  }
  return files;
}

describe('umami: Prisma migrations with column renames, index drops and numbered folders', async () => {
  const { schemas, migrations, diagnostics } = await readSql(await folder('umami'));
  const dir = 'prisma/migrations';
  const [schema] = schemas;

  it('replays the folders in numeric order without a diagnostic', () => {
    expect(diagnostics).toEqual([]);
    expect(migrations.map((m) => [m.path.split('/')[2], m.tool, m.transactional])).toEqual([
      ['01_init', 'prisma', true],
      ['02_report_schema_session_data', 'prisma', true],
      ['03_metric_performance_index', 'prisma', true],
      ['17_remove_duplicate_key', 'prisma', true],
      ['27_optimize_website_event_indexes', 'prisma', true],
    ]);
  });

  it('carries the renamed event_data columns into its primary key and indexes', () => {
    const eventData = table(schema, 'event_data');
    expect(eventData.columns.map((c) => c.name)).toEqual([
      'event_data_id',
      'website_id',
      'website_event_id',
      'event_key',
      'string_value',
      'number_value',
      'date_value',
      'data_type',
      'created_at',
    ]);
    expect(eventData.primaryKey).toMatchObject({ name: 'event_data_pkey', columns: ['event_data_id'] });
  });

  it('drops the duplicate unique indexes of migration 17 and the superseded ones of migration 27', () => {
    const names = (name: string) => table(schema, name).indexes.map((i) => i.name);
    expect(names('session')).not.toContain('session_session_id_key');
    expect(names('user')).toEqual(['user_username_key']);
    expect(names('website_event')).toEqual([
      'website_event_created_at_idx',
      'website_event_session_id_idx',
      'website_event_website_id_idx',
      'website_event_website_id_created_at_idx',
      'website_event_website_id_session_id_created_at_idx',
      'website_event_website_id_created_at_url_query_idx',
      'website_event_website_created_type_session_visit_idx',
      'website_event_website_created_path_type_session_idx',
      'website_event_website_created_referrer_type_session_idx',
      'website_event_website_created_title_type_session_idx',
      'website_event_website_created_event_type_session_idx',
    ]);
  });

  it('records the blocking index builds of migration 27 on an existing table, at their lines', () => {
    const operations = operationsOf(migrations, `${dir}/27_optimize_website_event_indexes/migration.sql`);
    expect(
      operations.map((op) => [
        op.kind,
        op.kind === 'create-index' || op.kind === 'drop-index' ? op.concurrently : undefined,
        op.location.line,
      ]),
    ).toEqual([
      ['create-index', false, 23],
      ['create-index', false, 27],
      ['create-index', false, 31],
      ['create-index', false, 35],
      ['create-index', false, 39],
      ['drop-index', false, 44],
      ['drop-index', false, 45],
      ['drop-index', false, 46],
      ['drop-index', false, 47],
    ]);
    expect(operations.every((op) => 'tableExistedBefore' in op && op.tableExistedBefore)).toBe(true);
  });
});

describe('Pikacnu/reader: Drizzle with a custom out folder, statement breakpoints and DO-block foreign keys', async () => {
  const { schemas, migrations, diagnostics } = await readSql(await folder('drizzle-reader'));
  const [schema] = schemas;

  it('is recognised as Drizzle through its journal and replayed in journal order', () => {
    expect(diagnostics).toEqual([]);
    expect(schema?.path).toBe('db/migrations');
    expect(migrations.map((m) => [m.path.split('/').at(-1), m.tool])).toEqual([
      ['0000_clumsy_mister_fear.sql', 'drizzle'],
      ['0001_shallow_falcon.sql', 'drizzle'],
      ['0019_common_dark_beast.sql', 'drizzle'],
    ]);
  });

  it('sees the foreign keys that the DO blocks add, once each after the drop and re-add of 0019', () => {
    expect(
      table(schema, 'comment').foreignKeys.map((fk) => [
        fk.columns,
        fk.referencedTable,
        fk.referencedColumns,
        fk.location.line,
      ]),
    ).toEqual([
      [['book_id'], 'book', ['id'], 76],
      [['user_id'], 'account', ['user_id'], 82],
    ]);
    expect(table(schema, 'book').foreignKeys.map((fk) => [fk.name, fk.location])).toEqual([
      ['book_author_id_account_user_id_fk', { path: 'db/migrations/0019_common_dark_beast.sql', line: 9 }],
    ]);
  });

  it('treats serial columns as NOT NULL and keeps the column added later', () => {
    const chapter = table(schema, 'chapter');
    expect(chapter.columns.map((c) => [c.name, c.type, c.nullable])).toEqual([
      ['id', 'serial', false],
      ['book_id', 'serial', false],
      ['title', 'text', true],
      ['content', 'text', true],
      ['chapter_id', 'int4', true],
    ]);
    expect(table(schema, 'account').uniques).toMatchObject([
      { name: 'account_email_unique', columns: ['email'] },
    ]);
  });
});
