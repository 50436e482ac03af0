import { describe, expect, it } from 'vitest';
import { findingsFor } from '../../test/helpers/rule-findings.ts';
import rule from './foreign-key-without-not-valid.ts';

const init =
  'CREATE TABLE customers (id bigint PRIMARY KEY);\nCREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint);\n';

describe('index/foreign-key-without-not-valid', () => {
  it('reports a foreign key added to an existing table in one step, with the two-step fix', async () => {
    const [finding, ...rest] = await findingsFor(rule, {
      'db/migrations/000001_init.up.sql': init,
      'db/migrations/000002_fk.up.sql':
        '-- link orders to customers\nALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id);\n',
    });
    expect(rest).toEqual([]);
    expect(finding?.location).toMatchObject({ path: 'db/migrations/000002_fk.up.sql', line: 2 });
    expect(finding?.fix?.replacement).toContain(
      'NOT VALID;\nALTER TABLE orders VALIDATE CONSTRAINT orders_customer_fk;',
    );
  });

  it('quotes the names PostgreSQL would fold in its SQL, as in a Prisma migration', async () => {
    const [finding] = await findingsFor(rule, {
      'prisma/migrations/20240101000000_init/migration.sql':
        'CREATE TABLE "Customer" ("id" TEXT PRIMARY KEY);\nCREATE TABLE "Order" ("id" TEXT PRIMARY KEY, "customerId" TEXT);\n',
      'prisma/migrations/20240201000000_fk/migration.sql':
        'ALTER TABLE "Order" ADD CONSTRAINT "Order_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id");\n',
    });
    expect(finding?.database).toEqual({
      table: 'Order',
      columns: ['customerId'],
      index: 'Order_customerId_fkey',
    });
    expect(finding?.fix?.replacement).toBe(
      'ALTER TABLE "Order" ADD CONSTRAINT "Order_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer" (id) NOT VALID;\nALTER TABLE "Order" VALIDATE CONSTRAINT "Order_customerId_fkey";',
    );
  });

  it('accepts NOT VALID, and foreign keys on tables created in the same migration', async () => {
    expect(
      await findingsFor(rule, {
        'db/migrations/000001_init.up.sql': init,
        'db/migrations/000002_fk.up.sql':
          'ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;\n',
      }),
    ).toEqual([]);
    expect(
      await findingsFor(rule, {
        'db/migrations/000001_init.up.sql': `${init}ALTER TABLE orders ADD FOREIGN KEY (customer_id) REFERENCES customers (id);\n`,
      }),
    ).toEqual([]);
  });
});
