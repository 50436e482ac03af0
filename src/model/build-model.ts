import { maskCredentials } from './mask-credentials.ts';
import type { ModelFragment, ProjectModel } from './project-model.ts';

export function emptyModel(): ProjectModel {
  return {
    services: [],
    datastores: [],
    connections: [],
    envFiles: [],
    schemas: [],
    migrations: [],
    dependencies: [],
    packageManifests: [],
    envReads: [],
    inProcessCaches: [],
    requestHandlers: [],
    serverConfigs: [],
    diagnostics: [],
  };
}

/** Concatenates fragments, list by list, in the order given. */
export function mergeFragments(fragments: readonly ModelFragment[]): ProjectModel {
  const model = emptyModel();
  for (const fragment of fragments) {
    for (const key of Object.keys(model) as Array<keyof ProjectModel>) {
      const items = fragment[key];
      // One push per item: spreading a list of hundreds of thousands into a call overflows the stack.
      if (items) for (const item of items) (model[key] as unknown[]).push(item);
    }
  }
  return model;
}

/** Merges source fragments into one model and relates what only the whole shows. */
export function buildModel(fragments: readonly ModelFragment[]): ProjectModel {
  const model = mergeFragments(fragments);
  markHistorySchemas(model);
  model.diagnostics = distinct(model.diagnostics);
  maskCredentials(model);
  return model;
}

/**
 * A reader that reads one setting for several services (a Fly `[[vm]]` shared by process
 * groups) says the same thing each time: one diagnostic per file, line and message.
 */
function distinct(diagnostics: ProjectModel['diagnostics']): ProjectModel['diagnostics'] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.location.path}\0${d.location.line}\0${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * A Prisma schema and the SQL its migrations replay describe the same tables; table rules
 * judge the Prisma schema (the source of truth) and migration rules keep the replay.
 */
function markHistorySchemas(model: ProjectModel): void {
  const prismaSchemas = model.schemas.filter((s) => s.origin === 'prisma');
  if (prismaSchemas.length === 0) return;
  for (const schema of model.schemas) {
    if (schema.origin !== 'sql') continue;
    for (const prisma of prismaSchemas) {
      const dir = dirname(prisma.path);
      if (schema.path !== joinPath(dir, 'migrations') && !schema.path.startsWith(`${dir}/`)) continue;
      schema.role = 'history';
      prisma.replayedBy = [...(prisma.replayedBy ?? []), schema.path];
    }
  }
}

function dirname(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

function joinPath(dir: string, name: string): string {
  return dir ? `${dir}/${name}` : name;
}
