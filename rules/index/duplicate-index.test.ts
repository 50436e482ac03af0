import { describe, expect, it } from 'vitest';
import { findingsFor } from '../../test/helpers/rule-findings.ts';
import rule from './duplicate-index.ts';

const migrations = (sql: string) => ({
  'db/migrations/000001_init.up.sql':
    'CREATE TABLE events (id bigint PRIMARY KEY, account_id bigint, kind text, created_at timestamptz);\n',
  'db/migrations/000002_indexes.up.sql': sql,
});

async function entities(sql: string): Promise<string[]> {
  return (await findingsFor(rule, migrations(sql), 'scale')).map((f) => f.entity);
}

describe('index/duplicate-index', () => {
  it('reports an index whose columns lead another index, at the redundant one', async () => {
    const findings = await findingsFor(
      rule,
      migrations(
        'CREATE INDEX events_account ON events (account_id);\nCREATE INDEX events_account_created ON events (account_id, created_at);\n',
      ),
      'scale',
    );
    expect(findings.map((f) => [f.entity, f.location.line])).toEqual([['events.index:events_account', 1]]);
    expect(findings[0]?.message).toContain('events_account_created');
    expect(findings[0]?.fix?.replacement).toBe('DROP INDEX CONCURRENTLY events_account;');
    expect(findings[0]?.database).toEqual({
      table: 'events',
      columns: ['account_id'],
      index: 'events_account',
    });
  });

  it('reports the later of two identical indexes only, and an index repeating the primary key', async () => {
    expect(await entities('CREATE INDEX a ON events (kind);\nCREATE INDEX b ON events (kind);\n')).toEqual([
      'events.index:b',
    ]);
    expect(await entities('CREATE INDEX events_id ON events (id);\n')).toEqual(['events.index:events_id']);
  });

  it('keeps a unique index next to a wider plain one, different predicates, orders and methods', async () => {
    expect(
      await entities(
        'CREATE UNIQUE INDEX u ON events (account_id);\nCREATE INDEX w ON events (account_id, kind);\n',
      ),
    ).toEqual([]);
    expect(
      await entities(
        "CREATE INDEX p ON events (account_id) WHERE kind = 'x';\nCREATE INDEX w ON events (account_id, kind);\n",
      ),
    ).toEqual([]);
    expect(
      await entities(
        'CREATE INDEX a ON events (kind, account_id);\nCREATE INDEX b ON events (account_id, kind);\n',
      ),
    ).toEqual([]);
    expect(
      await entities(
        'CREATE INDEX h ON events USING hash (account_id);\nCREATE INDEX w ON events (account_id, kind);\n',
      ),
    ).toEqual([]);
  });

  it('works on Prisma @@index and @@unique', async () => {
    const schema = (blocks: string) => ({
      'prisma/schema.prisma': `datasource db {\n  provider = "postgresql"\n  url = env("DATABASE_URL")\n}\n\nmodel Event {\n  id Int @id\n  accountId Int\n  kind String\n  ${blocks}\n}\n`,
    });
    const found = await findingsFor(
      rule,
      schema('@@index([accountId])\n  @@unique([accountId, kind])'),
      'scale',
    );
    expect(found.map((f) => f.entity)).toHaveLength(1);
    expect(found[0]?.entity).toMatch(/^Event\.index:/);
    // The name Prisma Migrate gives the index, which is what the database holds.
    expect(found[0]?.database).toEqual({
      table: 'Event',
      columns: ['accountId'],
      index: 'Event_accountId_idx',
    });
    expect(
      await findingsFor(rule, schema('@@index([kind])\n  @@unique([accountId, kind])'), 'scale'),
    ).toEqual([]);
  });
});
