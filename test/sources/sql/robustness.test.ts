import { describe, expect, it } from 'vitest';
import { readSql, table } from './read-sql.ts';

const dir = 'supabase/migrations';

describe('migrations that do not all parse', () => {
  it('reports a rejected statement at its file and line, and still replays the rest of that file and the next', async () => {
    const bad = `${dir}/1_init.sql`;
    const { schemas, diagnostics } = await readSql({
      [bad]: [
        '-- positions are bytes for the AST but characters for errors',
        'CREATE TABLE a (id int PRIMARY KEY);',
        '\\connect app',
        'CREATE TABLE b ( -- é, ü and 🚀 before the error',
        '  id int PRIMARY KEY',
        ') ENGINE=InnoDB;',
        "CREATE INDEX a_id_idx ON a (id); -- 'quote in a comment",
        'CREATE TABLE `c` (id int);',
        'CREATE TABLE d (id int);',
      ].join('\n'),
      [`${dir}/2_next.sql`]: 'CREATE INDEX d_id_idx ON d (id);',
    });
    expect(diagnostics.map((d) => [d.severity, d.origin, d.location])).toEqual([
      ['warning', 'sql', { path: bad, line: 6 }],
      ['warning', 'sql', { path: bad, line: 8 }],
    ]);
    expect(diagnostics[0]?.message).toContain('syntax error at or near "ENGINE"');
    expect(schemas[0]?.tables.map((t) => [t.name, t.location.line])).toEqual([
      ['a', 2],
      ['d', 9],
    ]);
    expect(table(schemas[0], 'a').indexes.map((i) => [i.name, i.location.line])).toEqual([['a_id_idx', 7]]);
    expect(table(schemas[0], 'd').indexes.map((i) => i.name)).toEqual(['d_id_idx']);
  });

  it('says how many more statements were skipped instead of listing them all', async () => {
    const lines = Array.from({ length: 8 }, (_, i) => `CREATE TABLE t${i} (id int) ENGINE=InnoDB;`);
    const { diagnostics } = await readSql({ [`${dir}/1_mysql.sql`]: lines.join('\n') });
    expect(diagnostics.map((d) => d.location.line)).toEqual([1, 2, 3, 4, 5]);
    expect(diagnostics.at(-1)?.message).toContain('3 more statement(s)');
  });

  it('is not confused by semicolons inside dollar-quoted bodies, strings, identifiers and nested comments', async () => {
    const { schemas, diagnostics } = await readSql({
      [`${dir}/1_functions.sql`]: [
        'CREATE EXTENSION IF NOT EXISTS "uuid-ossp" WITH SCHEMA extensions;',
        'SET search_path = public;',
        'CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$',
        'BEGIN NEW.updated_at := now(); RETURN NEW; END;',
        '$$;',
        "CREATE FUNCTION tagged() RETURNS text AS $body$ SELECT 'a;b'; $body$ LANGUAGE sql;",
        '/* outer /* nested; */ still a comment; */',
        "CREATE TABLE \"semi;colon\" (id int PRIMARY KEY, note text DEFAULT E'it\\'s; fine');",
        'CREATE TRIGGER t BEFORE UPDATE ON "semi;colon" FOR EACH ROW EXECUTE FUNCTION touch();',
        'ALTER TABLE "semi;colon" ENABLE ROW LEVEL SECURITY;',
        'CREATE POLICY "read own" ON "semi;colon" FOR SELECT USING (auth.uid() IS NOT NULL);',
        'GRANT SELECT ON "semi;colon" TO authenticated;',
        'COMMENT ON TABLE "semi;colon" IS \'a; b\';',
        "DO $$ BEGIN RAISE NOTICE 'x;y'; END $$;",
        // One bad statement forces the statement-by-statement path over everything above.
        'CREATE TABLE broken (id int) ENGINE=InnoDB;',
        'CREATE INDEX semi_note_idx ON "semi;colon" (note);',
      ].join('\n'),
    });
    expect(diagnostics.map((d) => d.location.line)).toEqual([15]);
    const table_ = table(schemas[0], 'semi;colon');
    expect(table_.location.line).toBe(8);
    expect(table_.indexes.map((i) => [i.name, i.location.line])).toEqual([['semi_note_idx', 16]]);
  });

  it('replays foreign keys that DO blocks add, at the line they are written', async () => {
    const { schemas, migrations } = await readSql({
      [`${dir}/1_init.sql`]: 'CREATE TABLE a (id int PRIMARY KEY);\nCREATE TABLE b (id int, a_id int);\n',
      [`${dir}/2_fk.sql`]: [
        'DO $$ BEGIN',
        "  IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'b_a_fk') THEN",
        '    ALTER TABLE b ADD CONSTRAINT b_a_fk FOREIGN KEY (a_id) REFERENCES a (id);',
        '  END IF;',
        'EXCEPTION WHEN duplicate_object THEN null;',
        'END $$;',
      ].join('\n'),
    });
    expect(table(schemas[0], 'b').foreignKeys.map((fk) => [fk.name, fk.location.line])).toEqual([
      ['b_a_fk', 3],
    ]);
    expect(migrations[1]?.operations).toMatchObject([
      {
        kind: 'add-foreign-key',
        table: 'b',
        notValid: false,
        tableExistedBefore: true,
        location: { line: 3 },
      },
    ]);
  });

  it('never throws on unterminated quotes or comments', async () => {
    for (const text of [
      "CREATE TABLE a (id int); SELECT 'open",
      'CREATE TABLE a (id int); /* open',
      'SELECT $$ open',
    ]) {
      const { diagnostics } = await readSql({ [`${dir}/1_x.sql`]: text });
      expect(diagnostics.every((d) => d.location.path === `${dir}/1_x.sql`)).toBe(true);
    }
  });

  it('replays 500 migration files in well under a few seconds', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 500; i++) {
      files[`${dir}/${String(i).padStart(4, '0')}_step.sql`] = [
        `CREATE TABLE t${i} (id bigint PRIMARY KEY, parent_id bigint REFERENCES t${Math.max(0, i - 1)} (id), name text NOT NULL);`,
        `CREATE INDEX t${i}_parent_idx ON t${i} (parent_id) WHERE parent_id IS NOT NULL;`,
        `CREATE FUNCTION f${i}() RETURNS int AS $$ SELECT ${i}; $$ LANGUAGE sql;`,
        `ALTER TABLE t${i} ADD COLUMN extra text;`,
      ].join('\n');
    }
    const started = performance.now();
    const { schemas, migrations } = await readSql(files);
    const elapsed = performance.now() - started;
    expect(migrations).toHaveLength(500);
    expect(schemas[0]?.tables).toHaveLength(500);
    expect(elapsed).toBeLessThan(3000);
  });
});
