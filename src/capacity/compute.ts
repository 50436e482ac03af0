import { RENDER_POSTGRES_RESERVED_CONNECTIONS, renderPostgresPlan } from '../catalog/render.ts';
import type { Location } from '../model/location.ts';
import type { Datastore, ProjectModel, Service } from '../model/project-model.ts';
import type {
  CapacityConfig,
  CapacitySummary,
  DatabaseCapacity,
  Figure,
  ServiceCapacity,
} from './capacity.ts';
import { poolSizeOf, threadsOf } from './pool.ts';
import { memoryPerProcess, planResources, processesOf } from './processes.ts';
import { type DatabaseReach, externalDatabases, renderDatabaseReach } from './reach.ts';
import { type SolidQueueRun, solidQueueOf } from './solid-queue.ts';

/**
 * A database's demand with what rules need to report on it: the entity and the line to point at,
 * and whether a pooler is in use at all.
 */
export interface DatabaseDemand extends DatabaseCapacity {
  entity: string;
  location: Location;
  /** The Render datastore, when the database is declared in the hosting config. */
  store?: Datastore;
  /** Some client reaches it through a pooler (Render PgBouncer, Supavisor, Neon `-pooler`…). */
  pooled: boolean;
}

/** The capacity the configuration implies: per service and per database, every number sourced. */
export function computeCapacity(model: ProjectModel, config: CapacityConfig = {}): CapacitySummary {
  const { services, databases } = capacityDetails(model, config);
  return {
    services,
    databases: databases.map(({ entity: _e, location: _l, store: _s, pooled: _p, ...summary }) => summary),
  };
}

/** The same figures as `computeCapacity`, with the entity and location of each database for rules. */
export function capacityDetails(
  model: ProjectModel,
  config: CapacityConfig = {},
): { services: ServiceCapacity[]; databases: DatabaseDemand[] } {
  const deployed = model.services.filter((s) => s.kind !== 'static' && s.kind !== 'serverless');
  // Solid Queue is read once per service: its processes shape both the service and its database.
  const queues = new Map(deployed.map((s) => [s.name, solidQueueOf(model, s)] as const));
  const services = deployed.map((s) => serviceCapacity(model, s, config, queues.get(s.name)));
  const reaches = [
    ...model.datastores.filter((d) => d.kind === 'postgres').map((d) => renderDatabaseReach(model, d)),
    ...externalDatabases(model),
  ];
  return {
    services,
    databases: reaches.map((reach) => databaseDemand(model, reach, services, queues, config)),
  };
}

export function serviceCapacity(
  model: ProjectModel,
  service: Service,
  config: CapacityConfig = {},
  queue: SolidQueueRun | undefined = solidQueueOf(model, service),
): ServiceCapacity {
  const own = config.services?.[service.name] ?? {};
  const { memoryMb, cpus, note } = planResources(service);
  const capacity: ServiceCapacity = {
    service: service.name,
    platform: service.platform,
    instances: { min: service.instances.min, max: service.instances.max },
    processes:
      queue && !queue.inPuma && !own.processes
        ? queue.processes
        : processesOf(model, service, own, cpus?.value),
    memoryPerProcessMb: memoryPerProcess(model, service, {
      ...own,
      ...(config.memoryPerProcessMb ? { defaultMb: config.memoryPerProcessMb } : {}),
    }),
  };
  const threads = threadsOf(model, service);
  if (threads) capacity.threadsPerProcess = threads;
  if (queue?.inPuma) capacity.jobProcesses = queue.processes;
  if (service.plan) capacity.plan = service.plan.name;
  if (memoryMb) capacity.memoryMb = memoryMb;
  if (cpus) capacity.cpus = cpus;
  if (note) capacity.notes = [note];
  return capacity;
}

/** Σ over the services that reach the database directly of max instances × processes × pool size. */
function databaseDemand(
  model: ProjectModel,
  reach: DatabaseReach,
  services: readonly ServiceCapacity[],
  queues: ReadonlyMap<string, SolidQueueRun | undefined>,
  config: CapacityConfig,
): DatabaseDemand {
  const contributors: DatabaseCapacity['contributors'] = [];
  for (const { service, url } of reach.direct) {
    const capacity = services.find((s) => s.service === service.name);
    if (!capacity) continue;
    // Solid Queue's processes hold connections of their own, beside Puma's or instead of them.
    const queue = queues.get(service.name);
    if (!queue || queue.inPuma) {
      const poolSize: Figure = poolSizeOf(
        model,
        service,
        capacity.cpus?.value,
        url,
        config.services?.[service.name],
      ) ?? {
        value: 1,
        source: 'assumed',
        note: 'no pool setting or known client library: 1 connection per process assumed',
      };
      contributors.push({
        service: service.name,
        instances: service.instances.max,
        processes: capacity.processes,
        poolSize,
      });
    }
    for (const group of queue?.groups ?? [])
      contributors.push({
        service: `${service.name}: ${group.label}`,
        instances: service.instances.max,
        processes: group.processes,
        poolSize: group.connectionsEach,
      });
  }
  const demand = contributors.reduce((sum, c) => sum + c.instances * c.processes.value * c.poolSize.value, 0);
  const result: DatabaseDemand = {
    datastore: reach.name,
    demand,
    contributors,
    entity: reach.entity,
    location: reach.location,
    pooled: reach.pooled,
  };
  const notes = [...reach.notes];
  if (reach.store) {
    result.store = reach.store;
    const limit = renderLimit(reach.store, notes);
    if (limit) {
      result.limit = limit;
      result.percent = (demand / limit.value) * 100;
    }
  }
  if (reach.store?.plan) result.plan = reach.store.plan.name;
  if (notes.length) result.notes = notes;
  return result;
}

function renderLimit(store: Datastore, notes: string[]): Figure | undefined {
  if (!store.plan) return undefined;
  const plan = renderPostgresPlan(store.plan.name);
  if (!plan) {
    notes.push(`Render Postgres plan "${store.plan.name}" is not in Headroom's catalog: limit unknown`);
    return undefined;
  }
  const reserved = RENDER_POSTGRES_RESERVED_CONNECTIONS.value;
  const { maxConnections } = plan.value;
  return {
    value: maxConnections - reserved,
    source: store.plan.explicit ? 'read' : 'default',
    note: `${maxConnections} connections on Render ${store.plan.name}${store.plan.explicit ? '' : ' (the default plan)'}, less ${reserved} kept for migrations and psql`,
  };
}
