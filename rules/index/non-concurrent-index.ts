import type { MigrationFile, MigrationOperation } from '../../src/model/project-model.ts';
import { migrationEntity, PRISMA_CONCURRENTLY_ADVICE } from '../../src/rules/migration-names.ts';
import { defineRule, type RuleFinding } from '../../src/rules/rule.ts';

type IndexOperation = Extract<MigrationOperation, { kind: 'create-index' | 'drop-index' }>;

export default defineRule({
  meta: {
    id: 'index/non-concurrent-index',
    title: 'Index built or dropped without CONCURRENTLY',
    category: 'index',
    scope: 'written-migrations',
    severity: { launch: 'note', growth: 'warning', scale: 'error', enterprise: 'error' },
    summary: 'A migration creates or drops an index on a table that already existed, without `CONCURRENTLY`.',
    ramification:
      '`CREATE INDEX` holds a SHARE lock for the whole build and `DROP INDEX` an ACCESS EXCLUSIVE lock: every INSERT, UPDATE and DELETE on the table waits until it finishes. On a table with millions of rows that is minutes of failed or queued writes during the deploy.',
    fix: 'Use `CREATE INDEX CONCURRENTLY` / `DROP INDEX CONCURRENTLY`, alone in a migration that does not run inside a transaction. A table created in the same migration needs nothing: it is empty.',
    examples: {
      bad: {
        path: 'supabase/migrations/20240502000000_orders_customer_idx.sql',
        text: 'CREATE INDEX orders_customer_id_idx ON orders (customer_id);\n',
        alongside: {
          'supabase/migrations/20240101000000_orders.sql':
            'CREATE TABLE orders (\n  id bigint PRIMARY KEY,\n  customer_id bigint NOT NULL\n);\n',
        },
      },
      good: {
        path: 'supabase/migrations/20240502000000_orders_customer_idx.sql',
        text: 'CREATE INDEX CONCURRENTLY orders_customer_id_idx ON orders (customer_id);\n',
        alongside: {
          'supabase/migrations/20240101000000_orders.sql':
            'CREATE TABLE orders (\n  id bigint PRIMARY KEY,\n  customer_id bigint NOT NULL\n);\n',
        },
      },
    },
  },
  check(model) {
    const findings: RuleFinding[] = [];
    for (const file of model.migrations) {
      for (const operation of file.operations) {
        if (operation.kind !== 'create-index' && operation.kind !== 'drop-index') continue;
        if (operation.concurrently || !operation.tableExistedBefore) continue;
        findings.push(finding(file, operation));
      }
    }
    return findings;
  },
});

function finding(file: MigrationFile, operation: IndexOperation): RuleFinding {
  const creating = operation.kind === 'create-index';
  const name = creating
    ? (operation.index.name ?? operation.index.elements.map((e) => e.column ?? e.expression).join('_'))
    : operation.name;
  const table = creating ? operation.table : (operation.table ?? 'its table');
  const verb = creating ? 'builds' : 'drops';
  const lock = creating ? 'blocks writes' : 'blocks reads and writes';
  const advice = file.transactional && file.tool === 'prisma' ? ` ${PRISMA_CONCURRENTLY_ADVICE}` : '';
  return {
    entity: migrationEntity(file, `${creating ? 'create' : 'drop'}-index:${name}`),
    message: `This migration ${verb} index ${name} on the existing table ${table} without CONCURRENTLY, which ${lock} on ${table} until it finishes.`,
    location: operation.location,
    ...(creating || operation.table ? { database: { table, index: name } } : {}),
    fix: {
      text: `Write it as \`${creating ? 'CREATE INDEX CONCURRENTLY' : 'DROP INDEX CONCURRENTLY'}\`, outside a transaction.${advice}`,
    },
  };
}
