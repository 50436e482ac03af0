import type { DbSchema, MigrationFile, Table } from '../../../src/model/project-model.ts';
import { sqlSource } from '../../../src/sources/sql/index.ts';

/** Runs the SQL source on in-memory files, as the review does after matching their paths. */
export async function readSql(files: Record<string, string>) {
  const matched = Object.entries(files)
    .filter(([path]) => sqlSource.matches(path))
    .map(([path, text]) => ({ path, text }));
  const fragment = await sqlSource.read(matched);
  return {
    schemas: fragment.schemas ?? [],
    migrations: fragment.migrations ?? [],
    diagnostics: fragment.diagnostics ?? [],
  };
}

export function table(schema: DbSchema | undefined, name: string): Table {
  const found = schema?.tables.find((t) => t.name === name);
  if (!found) throw new Error(`no table ${name} in ${schema?.path}`);
  return found;
}

export function operationsOf(migrations: MigrationFile[], path: string) {
  const file = migrations.find((m) => m.path === path);
  if (!file) throw new Error(`no migration ${path}`);
  return file.operations;
}
