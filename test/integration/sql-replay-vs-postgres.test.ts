/**
 * The oracle for the SQL replay: apply the same migrations to a real PostgreSQL and compare
 * what pg_catalog says (tables, primary keys, unique constraints, foreign keys, indexes) with
 * the schema Headroom replayed without a database. The server comes from test/postgres-server.ts.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { loadModule, parseSync } from 'libpg-query';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { DbSchema } from '../../src/model/project-model.ts';
import { compareVersions } from '../../src/sources/sql/layout.ts';
import { modelOf } from '../helpers/rule-findings.ts';

const repoRoot = new URL('../../', import.meta.url).pathname;

interface Shape {
  tables: string[];
  primaryKeys: string[];
  uniques: string[];
  foreignKeys: string[];
  indexes: string[];
}

const cases: Array<{ name: string; files: () => Promise<Record<string, string>> }> = [
  { name: 'fastapi-render migrations', files: () => folder('examples/fastapi-render/migrations') },
  { name: 'discord-bot migrations', files: () => folder('examples/discord-bot-render/db/migrations') },
  {
    name: 'prisma migrations of the Next.js example',
    files: () => folder('examples/nextjs-prisma-supabase/prisma/migrations'),
  },
  {
    name: "kestra's PostgreSQL Flyway set (real files)",
    files: () =>
      folder(
        'test/fixtures/real/kestra-engines/jdbc-postgres/src/main/resources/migrations/postgres',
        'jdbc-postgres/src/main/resources/migrations/postgres',
      ),
  },
  {
    name: "Pikacnu/reader's Drizzle migrations with DO-block foreign keys (real files)",
    files: () => folder('test/fixtures/sql/drizzle-reader/db/migrations', 'db/migrations'),
  },
  {
    name: 'renames, drops and partial indexes across migrations',
    files: async () => ({
      'db/migrations/000001_init.up.sql': `
        CREATE TABLE accounts (id bigint PRIMARY KEY, slug text NOT NULL, CONSTRAINT accounts_slug_key UNIQUE (slug));
        CREATE TABLE "Projects" (
          id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
          account_id bigint NOT NULL REFERENCES accounts (id),
          owner_id bigint,
          archived_at timestamptz,
          title text
        );
        CREATE INDEX projects_owner_idx ON "Projects" (owner_id) WHERE owner_id IS NOT NULL;
        CREATE INDEX projects_live_idx ON "Projects" (account_id) WHERE archived_at IS NULL;
        CREATE INDEX projects_lower_idx ON "Projects" (lower(title));
        CREATE FUNCTION touch() RETURNS trigger AS $$ BEGIN RETURN NEW; END; $$ LANGUAGE plpgsql;`,
      'db/migrations/000002_rename.up.sql': `
        ALTER TABLE "Projects" RENAME TO projects;
        ALTER TABLE projects RENAME COLUMN owner_id TO user_id;
        ALTER TABLE projects ADD COLUMN team_id bigint;
        ALTER TABLE projects ADD CONSTRAINT projects_team_fk FOREIGN KEY (team_id) REFERENCES accounts (id) NOT VALID;
        DROP INDEX projects_lower_idx;
        CREATE UNIQUE INDEX CONCURRENTLY projects_account_user_key ON projects (account_id, user_id);`,
      'db/migrations/000003_more.up.sql': `
        CREATE TABLE memberships (account_id bigint REFERENCES accounts, user_id bigint NOT NULL, PRIMARY KEY (account_id, user_id));
        ALTER TABLE accounts DROP CONSTRAINT accounts_slug_key;
        ALTER INDEX projects_owner_idx RENAME TO projects_user_idx;`,
    }),
  },
];

let admin: pg.Client;
const server = inject('pg');
const connect = (database: string) =>
  new pg.Client({ ...server, user: server.user ?? process.env.PGUSER, database });

beforeAll(async () => {
  await loadModule();
  admin = connect('postgres');
  await admin.connect();
});

afterAll(async () => {
  await admin?.end();
});

describe('SQL replay matches PostgreSQL', () => {
  it.each(cases.map((c, i) => [c.name, c, i] as const))('%s', async (_name, testCase, i) => {
    const files = await testCase.files();
    const database = `headroom_oracle_${process.pid}_${i}`;
    await admin.query(`DROP DATABASE IF EXISTS ${database}`);
    await admin.query(`CREATE DATABASE ${database}`);
    const client = connect(database);
    await client.connect();
    try {
      const schemas = (await modelOf(files)).schemas.filter((s) => s.origin === 'sql');
      expect(schemas).toHaveLength(1);
      for (const path of Object.keys(files).sort(byMigrationOrder)) {
        // CONCURRENTLY refuses to run inside the implicit transaction of a multi-statement query.
        for (const statement of splitForServer(files[path] as string)) await client.query(statement);
      }
      expect(replayedShape(schemas[0] as DbSchema)).toEqual(await catalogShape(client));
    } finally {
      await client.end();
      await admin.query(`DROP DATABASE IF EXISTS ${database}`);
    }
  });
});

/** The .sql files under `dir`, at their paths in the repository or, for fixtures, under `mount`. */
async function folder(dir: string, mount = dir): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  const root = join(repoRoot, dir);
  const walk = async (current: string): Promise<void> => {
    for (const entry of await readdir(current, { withFileTypes: true })) {
      const full = join(current, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.name.endsWith('.sql'))
        files[join(mount, relative(root, full))] = await readFile(full, 'utf8');
    }
  };
  await walk(root);
  return files;
}

/** The tools' order: numeric-aware, so Flyway's V1_5 runs before V1_10. */
function byMigrationOrder(a: string, b: string): number {
  return compareVersions(a, b);
}

/** One statement at a time, cut where PostgreSQL's own parser says statements are. */
function splitForServer(sql: string): string[] {
  const bytes = Buffer.from(sql, 'utf8');
  return (parseSync(sql).stmts ?? []).map((s: { stmt_location?: number; stmt_len?: number }) => {
    const start = s.stmt_location ?? 0;
    const end = s.stmt_len ? start + s.stmt_len : bytes.length;
    return bytes.subarray(start, end).toString('utf8');
  });
}

function replayedShape(schema: DbSchema): Shape {
  const shape: Shape = { tables: [], primaryKeys: [], uniques: [], foreignKeys: [], indexes: [] };
  for (const table of schema.tables) {
    shape.tables.push(table.name);
    if (table.primaryKey) shape.primaryKeys.push(`${table.name}(${table.primaryKey.columns.join(',')})`);
    for (const unique of table.uniques) shape.uniques.push(`${table.name}(${unique.columns.join(',')})`);
    for (const fk of table.foreignKeys) {
      shape.foreignKeys.push(`${table.name}(${fk.columns.join(',')})->${fk.referencedTable}`);
    }
    for (const index of table.indexes) {
      const elements = index.elements.map((e) => e.column ?? 'expr').join(',');
      shape.indexes.push(
        `${table.name}.${index.name}(${elements})${index.unique ? ' unique' : ''}${index.predicate ? ' partial' : ''}`,
      );
    }
  }
  for (const list of Object.values(shape)) list.sort();
  return shape;
}

async function catalogShape(client: pg.Client): Promise<Shape> {
  const rows = async (sql: string) => (await client.query<{ v: string }>(sql)).rows.map((r) => r.v).sort();
  const columns = `(SELECT string_agg(a.attname, ',' ORDER BY k.ord) FROM unnest(con.conkey) WITH ORDINALITY k(attnum, ord)
      JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum)`;
  const publicTables = `JOIN pg_class t ON t.oid = con.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = 'public'`;
  return {
    tables: await rows(
      `SELECT c.relname AS v FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'r'`,
    ),
    primaryKeys: await rows(
      `SELECT t.relname || '(' || ${columns} || ')' AS v FROM pg_constraint con ${publicTables} WHERE con.contype = 'p'`,
    ),
    uniques: await rows(
      `SELECT t.relname || '(' || ${columns} || ')' AS v FROM pg_constraint con ${publicTables} WHERE con.contype = 'u'`,
    ),
    foreignKeys: await rows(
      `SELECT t.relname || '(' || ${columns} || ')->' || r.relname AS v FROM pg_constraint con ${publicTables}
       JOIN pg_class r ON r.oid = con.confrelid WHERE con.contype = 'f'`,
    ),
    indexes: await rows(
      `SELECT t.relname || '.' || c.relname || '(' ||
         (SELECT string_agg(CASE WHEN k.attnum = 0 THEN 'expr' ELSE a.attname END, ',' ORDER BY k.ord)
            FROM unnest(i.indkey::int2[]) WITH ORDINALITY k(attnum, ord)
            LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
           WHERE k.ord <= i.indnkeyatts) || ')' ||
         CASE WHEN i.indisunique THEN ' unique' ELSE '' END ||
         CASE WHEN i.indpred IS NOT NULL THEN ' partial' ELSE '' END AS v
       FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_class t ON t.oid = i.indrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = 'public'
       WHERE NOT EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conindid = i.indexrelid AND con.contype IN ('p', 'u'))`,
    ),
  };
}
