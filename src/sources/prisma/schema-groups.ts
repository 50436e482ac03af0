import type { ParsedPrismaFile } from './parse-file.ts';
import type { PrismaConfigFacts } from './prisma-config.ts';

/** The files of one Prisma schema and the path that names it (the file, or the folder). */
export interface SchemaGroup {
  path: string;
  files: ParsedPrismaFile[];
}

/**
 * One folder of .prisma files is one schema. The folder that holds the `datasource` or a
 * `generator` (or that prisma.config.ts names) is a schema root, and the .prisma files in its
 * subfolders belong to it too, as Prisma reads multi-file schemas recursively.
 */
export function groupSchemaFiles(
  files: readonly ParsedPrismaFile[],
  configs: readonly PrismaConfigFacts[],
): SchemaGroup[] {
  const named = configs.flatMap((config) => (config.schema ? [configSchemaPath(config)] : []));
  const namedFiles = new Set(named.filter((path) => path.endsWith('.prisma')));
  const namedFolders = new Set(named.filter((path) => !path.endsWith('.prisma')));
  // A named folder is the schema: a datasource in one of its subfolders does not start another.
  const roots = new Set([
    ...namedFolders,
    ...files
      .filter((file) => declaresSetup(file) && !namedFiles.has(file.path))
      .map((file) => dirname(file.path))
      .filter((folder) => nearestRoot(folder, namedFolders) === undefined),
  ]);
  const groups = new Map<string, ParsedPrismaFile[]>();
  for (const file of files) {
    const key = namedFiles.has(file.path)
      ? file.path
      : (nearestRoot(dirname(file.path), roots) ?? dirname(file.path));
    groups.set(key, [...(groups.get(key) ?? []), file]);
  }
  return [...groups].map(([key, members]) => {
    const [only] = members;
    const single =
      only &&
      members.length === 1 &&
      (key === only.path || (dirname(only.path) === key && !namedFolders.has(key)));
    return { path: single ? only.path : key, files: members };
  });
}

/** The schema path a config names, relative to the repository root. */
export function configSchemaPath(config: PrismaConfigFacts): string {
  return joinPath(dirname(config.path), config.schema ?? '');
}

function declaresSetup(file: ParsedPrismaFile): boolean {
  return file.blocks.some((block) => block.type === 'datasource' || block.type === 'generator');
}

function nearestRoot(folder: string, roots: ReadonlySet<string>): string | undefined {
  for (let current: string | undefined = folder; current !== undefined; current = parent(current)) {
    if (roots.has(current)) return current;
  }
  return undefined;
}

function parent(folder: string): string | undefined {
  return folder === '' ? undefined : dirname(folder);
}

export function dirname(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

/** `a/b` + `./c/../d/` → `a/b/d`: enough for the relative paths a config writes. */
export function joinPath(base: string, relative: string): string {
  const parts = base === '' ? [] : base.split('/');
  for (const part of relative.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return parts.join('/');
}
