import { NEON_MAX_CONNECTIONS } from '../catalog/neon.ts';
import { POSTGRES_DEFAULT_MAX_CONNECTIONS } from '../catalog/postgres.ts';
import { SUPABASE_COMPUTE } from '../catalog/supabase.ts';
import { isLocalHost } from '../model/connection-url.ts';
import type { Location } from '../model/location.ts';
import type { Connection, ConnectionUrl, Datastore, ProjectModel, Service } from '../model/project-model.ts';

/** Who reaches one database, and how. */
export interface DatabaseReach {
  name: string;
  entity: string;
  location: Location;
  store?: Datastore;
  /** Services whose processes hold their own connections to the database. */
  direct: Array<{ service: Service; url?: ConnectionUrl }>;
  /** Some client goes through a pooler. */
  pooled: boolean;
  notes: string[];
}

/** A Render datastore: the services given its URL by `fromDatabase`. */
export function renderDatabaseReach(model: ProjectModel, store: Datastore): DatabaseReach {
  const reach: DatabaseReach = {
    name: store.name,
    entity: store.id,
    location: store.location,
    store,
    direct: [],
    pooled: Boolean(store.managedPooler),
    notes: [],
  };
  for (const service of model.services) {
    const bindings = service.env.flatMap((e) =>
      e.source.kind === 'fromDatabase' && e.source.name === store.name ? [e.source.property] : [],
    );
    if (bindings.length === 0) continue;
    if (bindings.some((property) => property !== 'connectionPoolString')) {
      if (service.kind === 'static') continue;
      reach.direct.push({ service });
    } else {
      reach.pooled = true;
      reach.notes.push(`${service.name} goes through Render's PgBouncer and is not counted`);
    }
  }
  return reach;
}

/**
 * Postgres databases outside the hosting config (Supabase, Neon, any host), found from the
 * connection URLs services receive, one per database — a Supabase project's direct host and its
 * pooler are one database.
 */
export function externalDatabases(model: ProjectModel): DatabaseReach[] {
  const byKey = new Map<string, DatabaseReach>();
  const prismaDirectKeys = new Set(model.schemas.flatMap((s) => s.datasource?.directUrlEnv ?? []));
  for (const service of model.services) {
    if (service.kind === 'static') continue;
    const seen = new Set<string>();
    for (const connection of connectionsOf(model, service)) {
      const { url } = connection;
      const identity = databaseIdentity(url);
      let reach = byKey.get(identity.key);
      if (!reach) {
        reach = {
          name: identity.name,
          entity: connection.id,
          location: connection.location,
          direct: [],
          pooled: false,
          notes: [identity.limitNote],
        };
        byKey.set(identity.key, reach);
      }
      if (url.pooler) {
        reach.pooled = true;
        reach.notes.push(
          `${service.name} reaches it through a pooler (${connection.key}) and is not counted`,
        );
      } else if (service.kind === 'serverless') {
        reach.notes.push(
          `${service.name} runs as functions with a direct ${connection.key}: not counted, see pooling/serverless-without-pooler`,
        );
      } else if (!prismaDirectKeys.has(connection.key) && !seen.has(identity.key)) {
        // Prisma's directUrl only serves migrations; the runtime pool goes through `url`.
        seen.add(identity.key);
        reach.direct.push({ service, url });
      }
    }
  }
  return [...byKey.values()];
}

/**
 * The Postgres URLs a service receives, one per key: a literal in its hosting config first, then
 * a real env file in its directory, then a template (.env.example). A key the hosting config binds
 * another way (`fromDatabase`) is not taken from env files, and local hosts are development only.
 */
export function connectionsOf(model: ProjectModel, service: Service): Connection[] {
  const boundElsewhere = new Set(
    service.env.filter((e) => e.source.kind !== 'value' && e.source.kind !== 'unset').map((e) => e.key),
  );
  const rank = (connection: Connection) => {
    if (connection.service !== undefined) return connection.service === service.name ? 0 : undefined;
    if (boundElsewhere.has(connection.key) || directoryOf(connection.location.path) !== service.rootDir)
      return undefined;
    return model.envFiles.find((f) => f.path === connection.location.path)?.kind === 'template' ? 2 : 1;
  };
  const best = new Map<string, { connection: Connection; rank: number }>();
  for (const connection of model.connections) {
    if (connection.url.dialect !== 'postgres' || isLocalHost(connection.url.host)) continue;
    const r = rank(connection);
    if (r === undefined) continue;
    const current = best.get(connection.key);
    if (!current || r < current.rank) best.set(connection.key, { connection, rank: r });
  }
  return [...best.values()].map((b) => b.connection);
}

function directoryOf(path: string): string {
  return path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
}

/** Which database a URL reaches, its display name, and what is known of its limit. */
function databaseIdentity(url: ConnectionUrl): { key: string; name: string; limitNote: string } {
  const host = (url.host ?? '').toLowerCase();
  const supabaseRef = host.endsWith('.pooler.supabase.com')
    ? url.user?.split('.').at(-1)
    : /^db\.([a-z0-9]+)\.supabase\.co$/.exec(host)?.[1];
  if (supabaseRef) {
    const sizes = Object.entries(SUPABASE_COMPUTE);
    const [smallest, largest] = [sizes[0], sizes.at(-1)];
    return {
      key: `supabase:${supabaseRef}`,
      name: `Supabase ${supabaseRef}`,
      limitNote: `the Supabase compute size is not in the repository: max_connections runs from ${smallest?.[1].value.maxConnections} (${smallest?.[0]}) to ${largest?.[1].value.maxConnections} (${largest?.[0]})`,
    };
  }
  if (host.endsWith('.neon.tech')) {
    const endpoint = (host.split('.')[0] ?? host).replace(/-pooler$/, '');
    const smallest = Object.entries(NEON_MAX_CONNECTIONS)[0];
    return {
      key: `neon:${endpoint}`,
      name: `Neon ${endpoint}`,
      limitNote: `the Neon compute size is not in the repository: max_connections is ${smallest?.[1].value} at ${smallest?.[0]} and grows with it`,
    };
  }
  return {
    key: `${host}:${url.port ?? 5432}/${url.database ?? ''}`,
    name: host,
    limitNote: `plan of ${host} unknown: PostgreSQL's default max_connections is ${POSTGRES_DEFAULT_MAX_CONNECTIONS.value}`,
  };
}
