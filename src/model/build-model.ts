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
    sharedCacheBackends: [],
    requestHandlers: [],
    healthEndpoints: [],
    envDeclarations: [],
    serverConfigs: [],
    dockerfiles: [],
    shellScripts: [],
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
  settleAssumedDeployments(model);
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
 * A compose file named for no environment is the deployment only when nothing else is: beside a
 * render.yaml, a fly.toml or a `docker-compose.prod.yml` it is the local setup, and leaves. Kept, it
 * is said to be an assumption, once per file.
 */
function settleAssumedDeployments(model: ProjectModel): void {
  const assumed = (item: { assumedDeployment?: boolean }) => item.assumedDeployment === true;
  if (!model.services.some(assumed) && !model.datastores.some(assumed)) return;
  const local = composeFilesStartedByScripts(model);
  const startedLocally = (item: { assumedDeployment?: boolean; location: { path: string } }) =>
    assumed(item) && local.has(item.location.path);
  model.services = model.services.filter((service) => !startedLocally(service));
  model.datastores = model.datastores.filter((store) => !startedLocally(store));
  model.connections = model.connections.filter((c) => !local.has(c.location.path));
  if (model.services.some((service) => !assumed(service))) {
    const dropped = new Set(model.services.filter(assumed).map((service) => service.name));
    model.services = model.services.filter((service) => !assumed(service));
    model.datastores = model.datastores.filter((store) => !assumed(store));
    model.connections = model.connections.filter((c) => c.service === undefined || !dropped.has(c.service));
    return;
  }
  const files = new Set(
    [...model.services, ...model.datastores].filter(assumed).map((item) => item.location.path),
  );
  for (const path of files) {
    model.diagnostics.push({
      severity: 'info',
      origin: 'docker-compose',
      message: `${path} is read as the deployment, since no other hosting config is in the repository; name it \`docker-compose.prod.yml\` (or \`compose.prod.yml\`) if it is, or \`docker-compose.dev.yml\` if it is not.`,
      location: { path, line: 1 },
    });
  }
}

/**
 * Compose files a package script brings up (`docker compose -f docker/docker-compose.yml up`):
 * the stack developers start on their machines, whatever the file is called.
 */
function composeFilesStartedByScripts(model: ProjectModel): Set<string> {
  const files = new Set<string>();
  for (const manifest of model.packageManifests) {
    for (const script of Object.values(manifest.scripts)) {
      if (!/\bcompose\b/.test(script.value)) continue;
      for (const match of script.value.matchAll(/(?:-f|--file)[\s=]+["']?([^\s"']+)/g)) {
        const written = (match[1] as string).replace(/^\.\//, '');
        files.add(manifest.directory ? `${manifest.directory}/${written}` : written);
      }
    }
  }
  return files;
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
