import type { ForeignKey } from '../../src/model/project-model.ts';
import { migrationEntity } from '../../src/rules/migration-names.ts';
import { defineRule, type RuleFinding } from '../../src/rules/rule.ts';
import { quoteIdentifier } from '../../src/rules/schema-names.ts';

export default defineRule({
  meta: {
    id: 'index/foreign-key-without-not-valid',
    title: 'Foreign key added to an existing table in one step',
    category: 'index',
    scope: 'written-migrations',
    severity: { launch: 'note', growth: 'warning', scale: 'error', enterprise: 'error' },
    summary:
      'A migration adds a foreign key to a table that already existed without `NOT VALID`, so PostgreSQL checks every row while holding locks.',
    ramification:
      '`ALTER TABLE … ADD FOREIGN KEY` takes a SHARE ROW EXCLUSIVE lock on both the table and the table it references, then scans the whole table to check existing rows. Writes to both tables wait for the scan: on a large table the deploy stalls the application.',
    fix: 'Add the constraint with `NOT VALID` (instant: only new rows are checked), then run `ALTER TABLE … VALIDATE CONSTRAINT …` in a later migration; validation takes a lock that lets writes through.',
    examples: {
      bad: {
        path: 'db/migrations/000002_orders_customer_fk.up.sql',
        text: 'ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id);\n',
        alongside: {
          'db/migrations/000001_init.up.sql':
            'CREATE TABLE customers (id bigint PRIMARY KEY);\nCREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL);\nCREATE INDEX orders_customer_id_idx ON orders (customer_id);\n',
        },
      },
      good: {
        path: 'db/migrations/000002_orders_customer_fk.up.sql',
        text: 'ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;\n',
        alongside: {
          'db/migrations/000001_init.up.sql':
            'CREATE TABLE customers (id bigint PRIMARY KEY);\nCREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL);\nCREATE INDEX orders_customer_id_idx ON orders (customer_id);\n',
          'db/migrations/000003_validate_orders_customer_fk.up.sql':
            'ALTER TABLE orders VALIDATE CONSTRAINT orders_customer_fk;\n',
        },
      },
    },
  },
  check(model) {
    const findings: RuleFinding[] = [];
    for (const file of model.migrations) {
      for (const operation of file.operations) {
        if (operation.kind !== 'add-foreign-key' || operation.notValid || !operation.tableExistedBefore)
          continue;
        const { foreignKey, table } = operation;
        const name = foreignKey.name ?? `${table}(${foreignKey.columns.join(',')})`;
        findings.push({
          entity: migrationEntity(file, `add-foreign-key:${name}`),
          message: `This migration adds foreign key ${name} from the existing table ${table} to ${foreignKey.referencedTable} in one step, locking writes on both tables while every row of ${table} is checked.`,
          location: operation.location,
          database: {
            table,
            columns: [...foreignKey.columns],
            ...(foreignKey.name ? { index: foreignKey.name } : {}),
          },
          fix: {
            text: 'Add it with NOT VALID, then validate it in a later migration: in the same transaction the first lock is still held while it validates.',
            replacement: notValidSql(table, foreignKey),
          },
        });
      }
    }
    return findings;
  },
});

function notValidSql(table: string, foreignKey: ForeignKey): string {
  const list = (columns: readonly string[]) => columns.map(quoteIdentifier).join(', ');
  const name = quoteIdentifier(foreignKey.name ?? `${table}_${foreignKey.columns.join('_')}_fkey`);
  return [
    `ALTER TABLE ${quoteIdentifier(table)} ADD CONSTRAINT ${name} FOREIGN KEY (${list(foreignKey.columns)}) REFERENCES ${quoteIdentifier(foreignKey.referencedTable)} (${list(foreignKey.referencedColumns)}) NOT VALID;`,
    `ALTER TABLE ${quoteIdentifier(table)} VALIDATE CONSTRAINT ${name};`,
  ].join('\n');
}
