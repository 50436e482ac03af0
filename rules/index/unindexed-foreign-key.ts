import type { DbSchema, ForeignKey, Index, ProjectModel, Table } from '../../src/model/project-model.ts';
import { defineRule } from '../../src/rules/rule.ts';
import {
  columnLabels,
  columnsEntity,
  databaseObject,
  MAX_IDENTIFIER,
  prismaIndexName,
  qualifiedName,
  quoteIdentifier,
  stateSchemas,
  tableLabel,
} from '../../src/rules/schema-names.ts';

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
    fix: 'Add an index whose leading columns are the foreign key columns: `@@index([authorId])` in the Prisma model, or `CREATE INDEX CONCURRENTLY` in a migration of its own.',
    examples: {
      bad: { path: 'prisma/schema.prisma', text: postSchema('') },
      good: { path: 'prisma/schema.prisma', text: postSchema('\n  @@index([authorId])\n') },
    },
  },
  check(model) {
    return stateSchemas(model.schemas)
      .filter(referencingColumnsNeedIndex)
      .flatMap((schema) => {
        const replayed = replayedTables(model, schema);
        // By name, as foreign keys name what they reference (the first table of a name, as
        // before): a 5,000-model schema has as many keys, and a scan per key was quadratic.
        const byName = new Map<string, Table>();
        for (const table of schema.tables) if (!byName.has(table.name)) byName.set(table.name, table);
        return schema.tables.flatMap((table) =>
          table.foreignKeys
            .filter((foreignKey) => !isCovered(table, foreignKey))
            .filter((foreignKey) => !handledByMigrations(schema, replayed.get(tableKey(table)), foreignKey))
            .map((foreignKey) => ({
              entity: columnsEntity(table, foreignKey.columns),
              message: `${columnsEntity(table, foreignKey.columns)} references ${referencedLabel(byName, foreignKey)} but no index starts with ${plural(columnLabels(table, foreignKey.columns))}, so lookups and cascades through it scan ${tableLabel(table)}.`,
              location: foreignKey.location,
              fix: fixFor(schema, table, foreignKey),
              database: databaseObject(table, { columns: foreignKey.columns }),
            })),
        );
      });
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

/**
 * The tables as the Prisma schema's own migrations leave them: teams add indexes in hand-written
 * SQL (`CREATE INDEX CONCURRENTLY` beside Prisma's migrations) that the schema does not model,
 * and the database has them all the same.
 */
function replayedTables(model: ProjectModel, schema: DbSchema): Map<string, Table> {
  const tables = new Map<string, Table>();
  for (const path of schema.replayedBy ?? []) {
    const replay = model.schemas.find((s) => s.origin === 'sql' && s.path === path);
    for (const table of replay?.tables ?? []) tables.set(tableKey(table), table);
  }
  return tables;
}

/**
 * The migrations decide what the database has: an index written only in SQL covers the key, and
 * a constraint the migrations dropped (trigger.dev drops TaskRun's foreign keys on purpose, for
 * write throughput) is no foreign key at all. With Prisma's emulated relations there is no
 * constraint to find, so only the index counts.
 */
function handledByMigrations(schema: DbSchema, replayed: Table | undefined, foreignKey: ForeignKey): boolean {
  if (!replayed) return false;
  if (isCovered(replayed, foreignKey)) return true;
  if (schema.relationMode === 'prisma') return false;
  return !replayed.foreignKeys.some((key) => sameColumns(key.columns, foreignKey.columns));
}

function sameColumns(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((column, i) => column === b[i]);
}

function tableKey(table: Table): string {
  return `${table.schema ?? 'public'}.${table.name}`;
}

/** Covered when some key or usable index has the foreign key columns as its leftmost prefix. */
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

/**
 * Whether `columns` are the first columns of `candidate`, in any order: a lookup or a cascade
 * compares every foreign key column for equality, and a B-tree serves equality on its leading
 * columns whatever their order (formbricks' `@@unique([workspaceId, feedbackSourceId, …])` covers
 * the key `(feedbackSourceId, workspaceId)`).
 */
function startsWith(candidate: readonly string[], columns: readonly string[]): boolean {
  if (columns.length === 0 || columns.length > candidate.length) return false;
  const leading = new Set(candidate.slice(0, columns.length));
  return columns.every((column) => leading.has(column));
}

function referencedLabel(tables: ReadonlyMap<string, Table>, foreignKey: ForeignKey): string {
  const referenced = tables.get(foreignKey.referencedTable);
  return referenced ? tableLabel(referenced) : foreignKey.referencedTable;
}

function plural(columns: readonly string[]): string {
  return columns.length === 1 ? `\`${columns[0]}\`` : `(${columns.map((c) => `\`${c}\``).join(', ')})`;
}

function fixFor(schema: DbSchema, table: Table, foreignKey: ForeignKey) {
  const columns = foreignKey.columns.map(quoteIdentifier).join(', ');
  if (schema.origin === 'prisma') {
    const fields = columnLabels(table, foreignKey.columns).join(', ');
    // Built first under the name Prisma will give it, `prisma migrate` finds it there instead of
    // locking the table to build it.
    const name = prismaIndexName(table, foreignKey.columns, 'idx');
    const sql = name
      ? ` On a large table, build it first without blocking writes: \`CREATE INDEX CONCURRENTLY ${quoteIdentifier(name)} ON ${qualifiedName(table)} (${columns});\``
      : '';
    return {
      text: `Add \`@@index([${fields}])\` to model ${tableLabel(table)}.${sql}`,
      replacement: `@@index([${fields}])`,
    };
  }
  const name = quoteIdentifier(`idx_${table.name}_${foreignKey.columns.join('_')}`.slice(0, MAX_IDENTIFIER));
  return {
    text: 'Create the index in a migration of its own, concurrently so writes are not blocked while it builds.',
    replacement: `CREATE INDEX CONCURRENTLY ${name} ON ${qualifiedName(table)} (${columns});`,
  };
}
