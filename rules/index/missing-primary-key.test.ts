import { describe, expect, it } from 'vitest';
import { findingsFor } from '../../test/helpers/rule-findings.ts';
import rule from './missing-primary-key.ts';

describe('index/missing-primary-key', () => {
  it('reports a SQL table created without a primary key, at its CREATE TABLE', async () => {
    const findings = await findingsFor(rule, {
      'migrations/001_init.sql':
        'CREATE TABLE guilds (id text PRIMARY KEY);\n\nCREATE TABLE messages (\n  guild_id text NOT NULL,\n  body text\n);\n',
    });
    expect(findings.map((f) => [f.entity, f.location.path, f.location.line])).toEqual([
      ['messages', 'migrations/001_init.sql', 3],
    ]);
  });

  it('counts a primary key added by a later ALTER TABLE', async () => {
    const findings = await findingsFor(rule, {
      'migrations/001_init.sql': 'CREATE TABLE events (id bigint NOT NULL, kind text);\n',
      'migrations/002_pk.sql': 'ALTER TABLE events ADD PRIMARY KEY (id);\n',
    });
    expect(findings).toEqual([]);
  });

  it('reports a Prisma model identified only by @@unique, and not one with @@id', async () => {
    const schema = (block: string) => ({
      'prisma/schema.prisma': `datasource db {\n  provider = "postgresql"\n  url = env("DATABASE_URL")\n}\n\nmodel Tag {\n  postId Int\n  name   String\n  ${block}\n}\n`,
    });
    expect((await findingsFor(rule, schema('@@unique([postId, name])'))).map((f) => f.entity)).toEqual([
      'Tag',
    ]);
    expect(await findingsFor(rule, schema('@@id([postId, name])'))).toEqual([]);
  });

  it('is a note at launch and an error at scale', async () => {
    const files = { 'migrations/001.sql': 'CREATE TABLE t (a int);\n' };
    expect((await findingsFor(rule, files, 'launch'))[0]?.severity).toBe('note');
    expect((await findingsFor(rule, files, 'scale'))[0]?.severity).toBe('error');
  });
});
