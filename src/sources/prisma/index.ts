import type { Diagnostic } from '../../model/location.ts';
import type { DbSchema, ModelFragment } from '../../model/project-model.ts';
import type { Source } from '../source.ts';
import { parsePrismaFile } from './parse-file.ts';
import { type PrismaConfigFacts, readPrismaConfig } from './prisma-config.ts';
import { type ParsedPrismaFile, toDbSchema } from './schema-model.ts';

const CONFIG_FILE = /(^|\/)prisma\.config\.(ts|mts|js|mjs|cjs)$/;

/**
 * Prisma schemas: one `schema.prisma`, or a folder of .prisma files (multi-file schemas),
 * plus what `prisma.config.ts` states (Prisma 7 moved the datasource URL there).
 */
export const prismaSource: Source = {
  id: 'prisma',
  matches: (path) => path.endsWith('.prisma') || CONFIG_FILE.test(path),
  read(files) {
    const diagnostics: Diagnostic[] = [];
    const configs: PrismaConfigFacts[] = [];
    const folders = new Map<string, ParsedPrismaFile[]>();
    const counts = new Map<string, number>();
    for (const file of files) {
      if (CONFIG_FILE.test(file.path)) {
        const { facts, diagnostics: found } = readPrismaConfig(file.path, file.text);
        configs.push(facts);
        diagnostics.push(...found);
        continue;
      }
      const folder = dirname(file.path);
      counts.set(folder, (counts.get(folder) ?? 0) + 1);
      const { schema, diagnostics: found } = parsePrismaFile(file.path, file.text);
      diagnostics.push(...found);
      if (schema) folders.set(folder, [...(folders.get(folder) ?? []), { path: file.path, schema }]);
    }
    const schemas: DbSchema[] = [];
    for (const [folder, parsed] of folders) {
      const multiFile = (counts.get(folder) ?? 0) > 1;
      const schema = toDbSchema(multiFile ? folder : (parsed[0]?.path ?? folder), parsed);
      if (schema.tables.length === 0 && !schema.datasource) continue;
      applyConfig(schema, configs);
      schemas.push(schema);
    }
    const fragment: ModelFragment = { schemas, diagnostics };
    return fragment;
  },
};

/** Prisma 7: the datasource URL lives in prisma.config.ts, not in the schema. */
function applyConfig(schema: DbSchema, configs: readonly PrismaConfigFacts[]): void {
  const config = configs.find((c) => c.urlEnv || c.directUrlEnv);
  if (!config) return;
  const datasource = schema.datasource ?? { location: { path: schema.path, line: 1 } };
  datasource.urlEnv ??= config.urlEnv;
  datasource.directUrlEnv ??= config.directUrlEnv;
  if (!datasource.urlEnv) delete datasource.urlEnv;
  if (!datasource.directUrlEnv) delete datasource.directUrlEnv;
  schema.datasource = datasource;
}

function dirname(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}
