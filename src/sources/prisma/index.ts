import type { Diagnostic } from '../../model/location.ts';
import type { DbSchema, ModelFragment } from '../../model/project-model.ts';
import { loadBabel } from '../babel-parser.ts';
import type { Source } from '../source.ts';
import { type ParsedPrismaFile, parsePrismaFile } from './parse-file.ts';
import { type PrismaConfigFacts, readPrismaConfig } from './prisma-config.ts';
import { configSchemaPath, dirname, groupSchemaFiles, type SchemaGroup } from './schema-groups.ts';
import { toDbSchema } from './schema-model.ts';

const CONFIG_FILE = /(^|\/)prisma\.config\.(ts|mts|js|mjs|cjs)$/;
const PACKAGE_JSON = /(^|\/)package\.json$/;

/**
 * Prisma schemas: one `schema.prisma`, or a folder of .prisma files (multi-file schemas),
 * plus what `prisma.config.ts` states (Prisma 7 moved the datasource URL there).
 */
export const prismaSource: Source = {
  id: 'prisma',
  matches: (path) => path.endsWith('.prisma') || CONFIG_FILE.test(path) || PACKAGE_JSON.test(path),
  async read(files) {
    if (files.every((file) => PACKAGE_JSON.test(file.path))) return {};
    if (files.some((file) => CONFIG_FILE.test(file.path))) await loadBabel();
    const diagnostics: Diagnostic[] = [];
    const configs: PrismaConfigFacts[] = [];
    const packageSchemas: PrismaConfigFacts[] = [];
    const parsed: ParsedPrismaFile[] = [];
    for (const file of files) {
      if (PACKAGE_JSON.test(file.path)) {
        const facts = packageJsonConfig(file.path, file.text);
        if (facts) packageSchemas.push(facts);
        continue;
      }
      const read = CONFIG_FILE.test(file.path)
        ? readPrismaConfig(file.path, file.text)
        : parsePrismaFile(file.path, file.text);
      diagnostics.push(...read.diagnostics);
      if ('facts' in read) configs.push(read.facts);
      else parsed.push(read.file);
    }
    const schemas: DbSchema[] = [];
    for (const group of groupSchemaFiles(parsed, [...configs, ...packageSchemas])) {
      const schema = toDbSchema(group.path, group.files);
      // A folder of enums or generators alone describes no tables and no connection.
      if (schema.tables.length === 0 && !schema.datasource) continue;
      const config = configFor(group, configs);
      if (config) applyConfig(schema, config);
      schemas.push(schema);
    }
    const fragment: ModelFragment = { schemas, diagnostics };
    return fragment;
  },
};

/**
 * Before prisma.config.ts, package.json's `"prisma": { "schema": "…" }` named the schema file or
 * folder, relative to that package.json. A manifest that does not parse is the manifest source's
 * to report.
 */
function packageJsonConfig(path: string, text: string): PrismaConfigFacts | undefined {
  try {
    const schema: unknown = JSON.parse(text)?.prisma?.schema;
    return typeof schema === 'string' && schema !== '' ? { path, schema } : undefined;
  } catch {
    return undefined;
  }
}

/** The config that names this schema, or else the nearest one above it that names none. */
function configFor(group: SchemaGroup, configs: readonly PrismaConfigFacts[]): PrismaConfigFacts | undefined {
  const naming = configs.find((config) => {
    if (!config.schema) return false;
    const named = configSchemaPath(config);
    return named === group.path || group.files.some((file) => file.path === named);
  });
  if (naming) return naming;
  return configs
    .filter((config) => !config.schema && isWithin(group.path, dirname(config.path)))
    .sort((a, b) => b.path.length - a.path.length)[0];
}

function isWithin(path: string, folder: string): boolean {
  return folder === '' || path.startsWith(`${folder}/`);
}

/** Prisma 7: the datasource URL lives in prisma.config.ts; a URL the schema states wins. */
function applyConfig(schema: DbSchema, config: PrismaConfigFacts): void {
  if (!config.urlEnv && !config.directUrlEnv) return;
  const datasource = schema.datasource ?? { location: { path: config.path, line: 1 } };
  if (!datasource.urlEnv && !datasource.url && config.urlEnv) datasource.urlEnv = config.urlEnv;
  if (!datasource.directUrlEnv && !datasource.directUrl && config.directUrlEnv)
    datasource.directUrlEnv = config.directUrlEnv;
  schema.datasource = datasource;
}
