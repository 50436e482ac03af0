import { describe, expect, it } from 'vitest';
import { operationsOf, readSql, table } from './read-sql.ts';

const dir = 'supabase/migrations';

describe('replaying migrations into a schema', () => {
  it('reads inline and table-level keys, composite primary keys and foreign keys', async () => {
    const { schemas } = await readSql({
      [`${dir}/1_init.sql`]: [
        'CREATE TABLE public.users (',
        '  id bigserial PRIMARY KEY,',
        '  email text NOT NULL UNIQUE,',
        '  "displayName" text',
        ');',
        'CREATE TABLE IF NOT EXISTS "Memberships" (',
        '  team_id bigint NOT NULL,',
        '  user_id bigint REFERENCES users,',
        '  CONSTRAINT memberships_pk PRIMARY KEY (team_id, user_id),',
        '  CONSTRAINT memberships_user_fk FOREIGN KEY (user_id) REFERENCES public.users (id),',
        '  UNIQUE (user_id, team_id)',
        ');',
      ].join('\n'),
    });
    const users = table(schemas[0], 'users');
    expect(users.schema).toBe('public');
    expect(users.columns.map((c) => [c.name, c.type, c.nullable, c.location.line])).toEqual([
      ['id', 'bigserial', false, 2],
      ['email', 'text', false, 3],
      ['displayName', 'text', true, 4],
    ]);
    expect(users.primaryKey).toMatchObject({ name: 'users_pkey', columns: ['id'] });
    expect(users.uniques).toMatchObject([{ name: 'users_email_key', columns: ['email'] }]);

    const memberships = table(schemas[0], 'Memberships');
    expect(memberships.primaryKey).toMatchObject({ name: 'memberships_pk', columns: ['team_id', 'user_id'] });
    expect(memberships.columns.find((c) => c.name === 'user_id')?.nullable).toBe(false);
    expect(memberships.uniques.map((u) => u.columns)).toEqual([['user_id', 'team_id']]);
    expect(
      memberships.foreignKeys.map((fk) => [
        fk.name,
        fk.columns,
        fk.referencedTable,
        fk.referencedColumns,
        fk.location.line,
      ]),
    ).toEqual([
      ['Memberships_user_id_fkey', ['user_id'], 'users', ['id'], 8],
      ['memberships_user_fk', ['user_id'], 'users', ['id'], 10],
    ]);
  });

  it('keeps an index a later migration adds and forgets one a later migration drops', async () => {
    const { schemas, migrations } = await readSql({
      [`${dir}/1_init.sql`]:
        'CREATE TABLE posts (id int PRIMARY KEY, author_id int, slug text);\nCREATE INDEX posts_slug_idx ON posts (slug);\n',
      [`${dir}/2_index.sql`]:
        '\n\nCREATE INDEX CONCURRENTLY IF NOT EXISTS posts_author_idx ON posts (author_id DESC);\n',
      [`${dir}/3_drop.sql`]: 'DROP INDEX CONCURRENTLY IF EXISTS public.posts_slug_idx;\n',
    });
    const posts = table(schemas[0], 'posts');
    expect(posts.indexes.map((i) => [i.name, i.elements, i.location])).toEqual([
      [
        'posts_author_idx',
        [{ column: 'author_id', descending: true }],
        { path: `${dir}/2_index.sql`, line: 3 },
      ],
    ]);
    expect(operationsOf(migrations, `${dir}/1_init.sql`)).toMatchObject([
      { kind: 'create-index', table: 'posts', concurrently: false, tableExistedBefore: false },
    ]);
    expect(operationsOf(migrations, `${dir}/2_index.sql`)).toMatchObject([
      {
        kind: 'create-index',
        table: 'posts',
        concurrently: true,
        tableExistedBefore: true,
        location: { line: 3 },
      },
    ]);
    expect(operationsOf(migrations, `${dir}/3_drop.sql`)).toEqual([
      {
        kind: 'drop-index',
        name: 'posts_slug_idx',
        table: 'posts',
        concurrently: true,
        tableExistedBefore: true,
        location: { path: `${dir}/3_drop.sql`, line: 1 },
      },
    ]);
  });

  it('follows a renamed table and a renamed column into indexes, keys and foreign keys', async () => {
    const { schemas } = await readSql({
      [`${dir}/1_init.sql`]: [
        'CREATE TABLE "Account" (id int PRIMARY KEY, owner int);',
        'CREATE TABLE project (id int PRIMARY KEY, account int REFERENCES "Account" (id));',
        'CREATE INDEX project_account_idx ON project (account) WHERE account IS NOT NULL;',
        'CREATE UNIQUE INDEX account_owner_key ON "Account" (owner);',
      ].join('\n'),
      [`${dir}/2_rename.sql`]: [
        'ALTER TABLE "Account" RENAME TO accounts;',
        'ALTER TABLE accounts RENAME COLUMN id TO account_id;',
        'ALTER TABLE project RENAME COLUMN account TO account_id;',
        'ALTER INDEX project_account_idx RENAME TO project_account_id_idx;',
      ].join('\n'),
    });
    const accounts = table(schemas[0], 'accounts');
    expect(schemas[0]?.tables.map((t) => t.name)).toEqual(['accounts', 'project']);
    expect(accounts.primaryKey?.columns).toEqual(['account_id']);
    expect(accounts.indexes.map((i) => i.name)).toEqual(['account_owner_key']);
    const project = table(schemas[0], 'project');
    expect(project.foreignKeys.map((fk) => [fk.columns, fk.referencedTable, fk.referencedColumns])).toEqual([
      [['account_id'], 'accounts', ['account_id']],
    ]);
    expect(project.indexes.map((i) => [i.name, i.elements, i.predicate?.notNullColumns])).toEqual([
      ['project_account_id_idx', [{ column: 'account_id' }], ['account_id']],
    ]);
  });

  it('tells a predicate made only of IS NOT NULL conjuncts from any other predicate', async () => {
    const { schemas } = await readSql({
      [`${dir}/1_init.sql`]: [
        'CREATE TABLE t (id int, a int, b int, deleted_at timestamptz);',
        'CREATE INDEX t_a_b ON t (a, b) WHERE a IS NOT NULL AND (b IS NOT NULL);',
        'CREATE INDEX t_live ON t (a) WHERE (deleted_at IS NULL);',
        'CREATE INDEX t_mixed ON t (a) WHERE a IS NOT NULL OR b > 0;',
      ].join('\n'),
    });
    expect(table(schemas[0], 't').indexes.map((i) => [i.name, i.predicate])).toEqual([
      ['t_a_b', { text: 'a IS NOT NULL AND (b IS NOT NULL)', notNullColumns: ['a', 'b'] }],
      ['t_live', { text: '(deleted_at IS NULL)' }],
      ['t_mixed', { text: 'a IS NOT NULL OR b > 0' }],
    ]);
  });

  it('keeps expression elements as written, the access method, and leaves INCLUDE columns out of the key', async () => {
    const { schemas } = await readSql({
      [`${dir}/1_init.sql`]: [
        'CREATE TABLE t (id int, email text, data jsonb, created_at timestamptz, note text);',
        'CREATE UNIQUE INDEX t_email ON t (lower(email) text_pattern_ops DESC, (created_at::date)) INCLUDE (note);',
        'CREATE INDEX t_data ON t USING gin (data jsonb_path_ops);',
        'CREATE INDEX ON t USING hash (note);',
      ].join('\n'),
    });
    expect(table(schemas[0], 't').indexes.map((i) => [i.name, i.unique, i.method, i.elements])).toEqual([
      [
        't_email',
        true,
        undefined,
        [{ expression: 'lower(email)', descending: true }, { expression: 'created_at::date' }],
      ],
      ['t_data', false, 'gin', [{ column: 'data' }]],
      ['t_note_idx', false, 'hash', [{ column: 'note' }]],
    ]);
  });

  it('records a NOT VALID foreign key on an existing table and its later validation', async () => {
    const { schemas, migrations } = await readSql({
      [`${dir}/1_init.sql`]:
        'CREATE TABLE a (id int PRIMARY KEY);\nCREATE TABLE b (id int PRIMARY KEY, a_id int);\n',
      [`${dir}/2_fk.sql`]: [
        'CREATE TABLE c (id int PRIMARY KEY, a_id int REFERENCES a);',
        'ALTER TABLE ONLY public.b',
        '  ADD CONSTRAINT b_a_fk FOREIGN KEY (a_id) REFERENCES a (id) NOT VALID;',
        'ALTER TABLE b ADD COLUMN other_a int REFERENCES a (id);',
      ].join('\n'),
      [`${dir}/3_validate.sql`]: 'ALTER TABLE b VALIDATE CONSTRAINT b_a_fk;',
    });
    expect(
      operationsOf(migrations, `${dir}/2_fk.sql`).map((op) =>
        op.kind === 'add-foreign-key'
          ? [op.table, op.foreignKey.name, op.notValid, op.tableExistedBefore, op.location.line]
          : op.kind,
      ),
    ).toEqual([
      ['b', 'b_a_fk', true, true, 3],
      ['b', 'b_other_a_fkey', false, true, 4],
    ]);
    expect(operationsOf(migrations, `${dir}/3_validate.sql`)).toEqual([
      {
        kind: 'validate-constraint',
        table: 'b',
        name: 'b_a_fk',
        location: { path: `${dir}/3_validate.sql`, line: 1 },
      },
    ]);
    expect(
      table(schemas[0], 'c').foreignKeys.map((fk) => [fk.referencedTable, fk.referencedColumns]),
    ).toEqual([['a', ['id']]]);
  });

  it('adds and drops columns and constraints, sets NOT NULL, and drops tables', async () => {
    const { schemas } = await readSql({
      [`${dir}/1_init.sql`]: [
        'CREATE TABLE a (id int PRIMARY KEY);',
        'CREATE TABLE b (id int, a_id int, legacy text, CONSTRAINT b_a_fk FOREIGN KEY (a_id) REFERENCES a (id));',
        'CREATE INDEX b_legacy_idx ON b (legacy);',
        'CREATE TABLE gone (id int);',
      ].join('\n'),
      [`${dir}/2_alter.sql`]: [
        'ALTER TABLE b ALTER COLUMN a_id SET NOT NULL, ADD COLUMN code text, DROP COLUMN legacy;',
        'ALTER TABLE b DROP CONSTRAINT b_a_fk;',
        'CREATE UNIQUE INDEX b_id_key ON b (id);',
        'ALTER TABLE b ADD CONSTRAINT b_pkey PRIMARY KEY USING INDEX b_id_key;',
        'ALTER TABLE b ADD CONSTRAINT b_code_key UNIQUE (code);',
        'DROP TABLE gone;',
      ].join('\n'),
    });
    const b = table(schemas[0], 'b');
    expect(schemas[0]?.tables.map((t) => t.name)).toEqual(['a', 'b']);
    expect(b.columns.map((c) => [c.name, c.nullable])).toEqual([
      ['id', false],
      ['a_id', false],
      ['code', true],
    ]);
    expect(b.foreignKeys).toEqual([]);
    expect(b.indexes).toEqual([]);
    expect(b.primaryKey).toMatchObject({ name: 'b_pkey', columns: ['id'] });
    expect(b.uniques).toMatchObject([{ name: 'b_code_key', columns: ['code'] }]);
  });

  it('copies columns and, with INCLUDING INDEXES, keys from LIKE; partitions are left to their parent', async () => {
    const { schemas } = await readSql({
      [`${dir}/1_init.sql`]: [
        'CREATE TABLE events (id bigint PRIMARY KEY, at timestamptz NOT NULL) ;',
        'CREATE INDEX events_at_idx ON events (at);',
        'CREATE TABLE events_copy (LIKE events);',
        'CREATE TABLE events_full (LIKE events INCLUDING ALL);',
        'CREATE TABLE measures (at timestamptz NOT NULL, v int) PARTITION BY RANGE (at);',
        "CREATE TABLE measures_2024 PARTITION OF measures FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');",
      ].join('\n'),
    });
    const copy = table(schemas[0], 'events_copy');
    expect(copy.columns.map((c) => [c.name, c.nullable])).toEqual([
      ['id', false],
      ['at', false],
    ]);
    expect(copy.primaryKey).toBeUndefined();
    const full = table(schemas[0], 'events_full');
    expect(full.primaryKey).toMatchObject({ name: 'events_full_pkey', columns: ['id'] });
    expect(full.indexes.map((i) => [i.name, i.elements])).toEqual([
      ['events_full_at_idx', [{ column: 'at' }]],
    ]);
    expect(schemas[0]?.tables.map((t) => t.name)).not.toContain('measures_2024');
  });
});
