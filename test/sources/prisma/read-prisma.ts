import type { DbSchema, ModelFragment, Table } from '../../../src/model/project-model.ts';
import { prismaSource } from '../../../src/sources/prisma/index.ts';

/** Runs the Prisma source on in-memory files, as the file set would hand them over. */
export async function readPrisma(
  files: Record<string, string>,
): Promise<Required<Pick<ModelFragment, 'schemas' | 'diagnostics'>>> {
  const fragment = await prismaSource.read(Object.entries(files).map(([path, text]) => ({ path, text })));
  return { schemas: fragment.schemas ?? [], diagnostics: fragment.diagnostics ?? [] };
}

/** The only schema read from one file; fails the test when there is not exactly one. */
export async function readSchema(text: string, path = 'prisma/schema.prisma'): Promise<DbSchema> {
  const { schemas } = await readPrisma({ [path]: text });
  if (schemas.length !== 1) throw new Error(`expected one schema, got ${schemas.length}`);
  return schemas[0] as DbSchema;
}

export function table(schema: DbSchema | undefined, modelName: string): Table {
  const found = schema?.tables.find((t) => t.modelName === modelName);
  if (!found) throw new Error(`no model ${modelName}`);
  return found;
}
