import type { Table } from '../../src/model/project-model.ts';
import { defineRule } from '../../src/rules/rule.ts';
import { databaseObject, stateSchemas, tableLabel } from '../../src/rules/schema-names.ts';

export default defineRule({
  meta: {
    id: 'index/missing-primary-key',
    title: 'Table without a primary key',
    category: 'index',
    severity: { launch: 'note', growth: 'warning', scale: 'error', enterprise: 'error' },
    summary: 'A table (or Prisma model) that has no primary key.',
    ramification:
      'Without a primary key, duplicate rows cannot be prevented and rows cannot be addressed one by one. PostgreSQL refuses UPDATE and DELETE on such a table once it is published for logical replication — the mechanism behind read replicas, zero-downtime major upgrades and most migration tools — so the day you need to scale the database, this table blocks it.',
    fix: 'Add a primary key: `@id` or `@@id([...])` in Prisma, or `ALTER TABLE … ADD PRIMARY KEY (…)` (on a large table, build a unique index concurrently first and add the key `USING INDEX`).',
    examples: {
      bad: {
        path: 'supabase/migrations/20240101000000_events.sql',
        text: 'CREATE TABLE events (\n  user_id bigint NOT NULL,\n  kind text NOT NULL,\n  created_at timestamptz NOT NULL DEFAULT now()\n);\n',
      },
      good: {
        path: 'supabase/migrations/20240101000000_events.sql',
        text: 'CREATE TABLE events (\n  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n  user_id bigint NOT NULL,\n  kind text NOT NULL,\n  created_at timestamptz NOT NULL DEFAULT now()\n);\n',
      },
    },
  },
  check(model) {
    return stateSchemas(model.schemas)
      .filter((schema) => schema.provider !== 'mongodb')
      .flatMap((schema) =>
        schema.tables
          .filter((table) => table.primaryKey === undefined)
          .filter((table) => !(schema.provider === 'mysql' && innoDbClusterKey(table)))
          .map((table) => ({
            entity: tableLabel(table),
            message:
              schema.provider === 'mysql'
                ? `${tableLabel(table)} has no primary key and no unique key on required columns, so InnoDB clusters it on a hidden row id: duplicate rows are possible, and row-based replication makes each replica scan the whole table for every row changed.`
                : `${tableLabel(table)} has no primary key, so duplicate rows are possible and logical replication (read replicas, online upgrades) cannot update or delete its rows.`,
            location: table.location,
            database: databaseObject(table),
            fix:
              schema.origin === 'prisma'
                ? {
                    text: `Give model ${tableLabel(table)} an \`@id\` field or an \`@@id([...])\` over the columns that identify a row.`,
                  }
                : {
                    text: 'Add a primary key in a new migration; for a large table, create a unique index concurrently first, then `ADD CONSTRAINT … PRIMARY KEY USING INDEX …`.',
                  },
          })),
      );
  },
});

/**
 * MySQL/InnoDB: a table without a primary key is clustered on its first unique key whose columns
 * are all NOT NULL, which then identifies rows for replication as a primary key would.
 */
function innoDbClusterKey(table: Table): boolean {
  const required = (column: string) => table.columns.find((c) => c.name === column)?.nullable === false;
  const uniqueKeys = [
    ...table.uniques.map((key) => key.columns),
    ...table.indexes
      .filter((index) => index.unique && !index.predicate && index.elements.every((e) => e.column))
      .map((index) => index.elements.map((e) => e.column as string)),
  ];
  return uniqueKeys.some((columns) => columns.length > 0 && columns.every(required));
}
