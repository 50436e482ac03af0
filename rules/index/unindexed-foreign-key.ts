import type { DbSchema, ForeignKey, Index, Table } from '../../src/model/project-model.ts';
import { defineRule } from '../../src/rules/rule.ts';
import { columnLabels, columnsEntity, stateSchemas, tableLabel } from '../../src/rules/schema-names.ts';

export default defineRule({
  meta: {
    id: 'index/unindexed-foreign-key',
    title: 'Foreign key without an index',
    category: 'index',
    severity: { launch: 'warning', growth: 'error', scale: 'error', enterprise: 'error' },
    summary:
      'A foreign key whose columns are not the leading columns of any index, unique constraint or primary key.',
    ramification:
      'PostgreSQL never indexes referencing columns. Every join or filter on the relation (`where: { authorId }`, `include`) scans the whole table, and every delete or key update on the parent table scans the child table while holding locks. It is invisible with a thousand rows and becomes the slowest query once the table grows.',
    fix: 'Add an index whose leading columns are the foreign key columns, in the same order: `@@index([authorId])` in the Prisma model, or `CREATE INDEX CONCURRENTLY` in a migration of its own.',
    examples: {
      bad: { path: 'prisma/schema.prisma', text: postSchema('') },
      good: { path: 'prisma/schema.prisma', text: postSchema('\n  @@index([authorId])\n') },
    },
  },
  check(model) {
    return stateSchemas(model.schemas)
      .filter(referencingColumnsNeedIndex)
      .flatMap((schema) =>
        schema.tables.flatMap((table) =>
          table.foreignKeys
            .filter((foreignKey) => !isCovered(table, foreignKey))
            .map((foreignKey) => ({
              entity: columnsEntity(table, foreignKey.columns),
              message: `${columnsEntity(table, foreignKey.columns)} references ${referencedLabel(schema, foreignKey)} but no index starts with ${plural(columnLabels(table, foreignKey.columns))}, so lookups and cascades through it scan ${tableLabel(table)}.`,
              location: foreignKey.location,
              fix: fixFor(schema, table, foreignKey),
            })),
        ),
      );
  },
});

function postSchema(postExtra: string): string {
  return `datasource db {
  provider = "postgresql"
  url      = env("DATABASE_URL")
}

model User {
  id    Int    @id @default(autoincrement())
  posts Post[]
}

model Post {
  id       Int  @id @default(autoincrement())
  author   User @relation(fields: [authorId], references: [id])
  authorId Int
${postExtra}}
`;
}

/**
 * PostgreSQL, SQL Server and SQLite never index referencing columns. MySQL/InnoDB creates the
 * index with the constraint, so only Prisma's emulated relations (no constraint at all) need one.
 * MongoDB has no such joins, and CockroachDB indexes foreign keys itself.
 */
function referencingColumnsNeedIndex(schema: DbSchema): boolean {
  if (schema.provider === 'mongodb' || schema.provider === 'cockroachdb') return false;
  if (schema.relationMode === 'prisma') return true;
  return schema.provider === 'postgresql' || schema.provider === 'sqlserver' || schema.provider === 'sqlite';
}

/** Covered when some key or usable index has the foreign key columns as its leftmost prefix, in order. */
export function isCovered(table: Table, foreignKey: ForeignKey): boolean {
  const keys = [table.primaryKey, ...table.uniques].filter((key) => key !== undefined);
  if (keys.some((key) => startsWith(key.columns, foreignKey.columns))) return true;
  return table.indexes.some((index) => indexCovers(index, foreignKey.columns));
}

function indexCovers(index: Index, columns: readonly string[]): boolean {
  if (!predicateKeepsReferencingRows(index, columns)) return false;
  // An expression element ends the usable prefix: the planner cannot match a plain column to it.
  const leading: string[] = [];
  for (const element of index.elements) {
    if (element.column === undefined) break;
    leading.push(element.column);
  }
  const method = index.method?.toLowerCase() ?? 'btree';
  if (method === 'btree') return startsWith(leading, columns);
  // A hash index answers equality on exactly its one column, which is what a foreign key lookup is.
  if (method === 'hash') return columns.length === 1 && leading.length === 1 && leading[0] === columns[0];
  return false;
}

/** A partial index helps only if its predicate cannot exclude a row whose foreign key is set. */
function predicateKeepsReferencingRows(index: Index, columns: readonly string[]): boolean {
  if (!index.predicate) return true;
  const notNull = index.predicate.notNullColumns;
  return notNull?.every((column) => columns.includes(column)) ?? false;
}

function startsWith(candidate: readonly string[], prefix: readonly string[]): boolean {
  return (
    prefix.length > 0 &&
    prefix.length <= candidate.length &&
    prefix.every((column, i) => candidate[i] === column)
  );
}

function referencedLabel(schema: DbSchema, foreignKey: ForeignKey): string {
  const referenced = schema.tables.find((table) => table.name === foreignKey.referencedTable);
  return referenced ? tableLabel(referenced) : foreignKey.referencedTable;
}

/** PostgreSQL folds unquoted names to lower case, so anything else must be quoted. */
function quoteIdentifier(name: string): string {
  return /^[a-z_][a-z0-9_]*$/.test(name) ? name : `"${name.replaceAll('"', '""')}"`;
}

function plural(columns: readonly string[]): string {
  return columns.length === 1 ? `\`${columns[0]}\`` : `(${columns.map((c) => `\`${c}\``).join(', ')})`;
}

function fixFor(schema: DbSchema, table: Table, foreignKey: ForeignKey) {
  if (schema.origin === 'prisma') {
    const fields = columnLabels(table, foreignKey.columns).join(', ');
    return {
      text: `Add \`@@index([${fields}])\` to model ${tableLabel(table)}.`,
      replacement: `@@index([${fields}])`,
    };
  }
  const qualified = [table.schema && table.schema !== 'public' ? table.schema : undefined, table.name]
    .filter((part) => part !== undefined)
    .map(quoteIdentifier)
    .join('.');
  const name = quoteIdentifier(`idx_${table.name}_${foreignKey.columns.join('_')}`.slice(0, 63));
  return {
    text: 'Create the index in a migration of its own, concurrently so writes are not blocked while it builds.',
    replacement: `CREATE INDEX CONCURRENTLY ${name} ON ${qualified} (${foreignKey.columns.map(quoteIdentifier).join(', ')});`,
  };
}
