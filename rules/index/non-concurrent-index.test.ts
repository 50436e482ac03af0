import { describe, expect, it } from 'vitest';
import { findingsFor } from '../../test/helpers/rule-findings.ts';
import rule from './non-concurrent-index.ts';

const init =
  'CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint);\nCREATE INDEX orders_first ON orders (customer_id);\n';

describe('index/non-concurrent-index', () => {
  it('reports CREATE and DROP INDEX without CONCURRENTLY on a table from an earlier migration', async () => {
    const findings = await findingsFor(rule, {
      'supabase/migrations/20240101000000_init.sql': init,
      'supabase/migrations/20240201000000_more.sql':
        'DROP INDEX orders_first;\n\nCREATE INDEX orders_customer ON orders (customer_id, id);\n',
    });
    expect(findings.map((f) => [f.location.path, f.location.line])).toEqual([
      ['supabase/migrations/20240201000000_more.sql', 1],
      ['supabase/migrations/20240201000000_more.sql', 3],
    ]);
    expect(findings[1]?.message).toContain('blocks writes on orders');
  });

  it('does not report indexes on a table created in the same migration, nor CONCURRENTLY ones', async () => {
    expect(await findingsFor(rule, { 'supabase/migrations/20240101000000_init.sql': init })).toEqual([]);
    expect(
      await findingsFor(rule, {
        'supabase/migrations/20240101000000_init.sql': init,
        'supabase/migrations/20240201000000_more.sql':
          'CREATE INDEX CONCURRENTLY orders_customer ON orders (customer_id, id);\n',
      }),
    ).toEqual([]);
  });

  it('tells Prisma users how to run CONCURRENTLY outside the migration transaction', async () => {
    const [finding] = await findingsFor(rule, {
      'prisma/migrations/20240101000000_init/migration.sql': init,
      'prisma/migrations/20240201000000_idx/migration.sql':
        'CREATE INDEX "orders_id_customer" ON "orders"("id", "customer_id");\n',
    });
    expect(finding?.fix?.text).toContain('--create-only');
  });
});
