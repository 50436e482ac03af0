import type { DbSchema, Table } from '../model/project-model.ts';

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
