import type { DbSchema, Table } from '../model/project-model.ts';
import type { DatabaseObject } from './rule.ts';

/** How findings name a table: the Prisma model when there is one, else the SQL name. */
export function tableLabel(table: Table): string {
  if (table.modelName) return table.modelName;
  return table.schema && table.schema !== 'public' ? `${table.schema}.${table.name}` : table.name;
}

/** How findings name columns: Prisma field names when known, else database names. */
export function columnLabels(table: Table, columns: readonly string[]): string[] {
  return columns.map((name) => table.columns.find((column) => column.name === name)?.fieldName ?? name);
}

/** `Post.authorId`, or `Membership.(orgId,userId)` for several columns. */
export function columnsEntity(table: Table, columns: readonly string[]): string {
  const labels = columnLabels(table, columns);
  return `${tableLabel(table)}.${labels.length === 1 ? labels[0] : `(${labels.join(',')})`}`;
}

/** Schemas that describe current tables (a migrations replay shadowed by Prisma is left out). */
export function stateSchemas(schemas: readonly DbSchema[]): DbSchema[] {
  return schemas.filter((schema) => schema.role === 'state');
}

/** A table and, optionally, its columns or index, by their database names. */
export function databaseObject(
  table: Pick<Table, 'name' | 'schema'>,
  detail: { columns?: readonly string[]; index?: string } = {},
): DatabaseObject {
  return {
    table: table.name,
    ...(table.schema && table.schema !== 'public' ? { schema: table.schema } : {}),
    ...(detail.columns ? { columns: [...detail.columns] } : {}),
    ...(detail.index ? { index: detail.index } : {}),
  };
}

/** PostgreSQL folds unquoted names to lower case, so anything else must be quoted. */
export function quoteIdentifier(name: string): string {
  return /^[a-z_][a-z0-9_]*$/.test(name) ? name : `"${name.replaceAll('"', '""')}"`;
}

/** `schema.table` for SQL, quoted where needed, the default schema left out. */
export function qualifiedName(table: Pick<Table, 'name' | 'schema'>): string {
  return [table.schema && table.schema !== 'public' ? table.schema : undefined, table.name]
    .filter((part) => part !== undefined)
    .map(quoteIdentifier)
    .join('.');
}

/** PostgreSQL's limit on identifiers (NAMEDATALEN - 1), past which names are cut. */
export const MAX_IDENTIFIER = 63;

/**
 * The name Prisma Migrate gives an index or key it creates: `<table>_<columns>_<suffix>` by
 * database names (`idx`, `key`, `pkey`), or nothing when that passes PostgreSQL's limit (Prisma
 * then shortens it by its own rule).
 */
export function prismaIndexName(
  table: Pick<Table, 'name'>,
  columns: readonly string[],
  suffix: string,
): string | undefined {
  const name = [table.name, ...columns, suffix].join('_');
  return name.length <= MAX_IDENTIFIER ? name : undefined;
}
