import { RENDER_POSTGRES_RESERVED_CONNECTIONS, renderPostgresPlan } from '../catalog/render.ts';
import type { Datastore, ProjectModel, Service } from '../model/project-model.ts';
import type { CapacitySummary, DatabaseCapacity, Figure, ServiceCapacity } from './capacity.ts';
import { poolSizeOf } from './pool.ts';
import { memoryPerProcess, planResources, processesOf, type ServiceCapacityConfig } from './processes.ts';

export interface CapacityConfig {
  memoryPerProcessMb?: number;
  services?: Record<string, ServiceCapacityConfig>;
}

/** The capacity the configuration implies: per service and per database, every number sourced. */
export function computeCapacity(model: ProjectModel, config: CapacityConfig = {}): CapacitySummary {
  const services = model.services
    .filter((s) => s.kind !== 'static' && s.kind !== 'serverless')
    .map((s) => serviceCapacity(model, s, config));
  const databases = model.datastores
    .filter((d) => d.kind === 'postgres')
    .map((d) => databaseCapacity(model, d, services, config));
  return { services, databases };
}

export function serviceCapacity(
  model: ProjectModel,
  service: Service,
  config: CapacityConfig = {},
): ServiceCapacity {
  const own = config.services?.[service.name] ?? {};
  const { memoryMb, cpus } = planResources(service);
  const capacity: ServiceCapacity = {
    service: service.name,
    platform: service.platform,
    instances: { min: service.instances.min, max: service.instances.max },
    processes: processesOf(model, service, own),
    memoryPerProcessMb: memoryPerProcess(model, service, {
      ...own,
      ...(config.memoryPerProcessMb ? { defaultMb: config.memoryPerProcessMb } : {}),
    }),
  };
  if (service.plan) capacity.plan = service.plan.name;
  if (memoryMb) capacity.memoryMb = memoryMb;
  if (cpus) capacity.cpus = cpus;
  return capacity;
}

/** Σ over the services that receive the database's URL of max instances × processes × pool size. */
function databaseCapacity(
  model: ProjectModel,
  database: Datastore,
  services: readonly ServiceCapacity[],
  config: CapacityConfig,
): DatabaseCapacity {
  const contributors: DatabaseCapacity['contributors'] = [];
  for (const service of model.services) {
    const receives = service.env.some(
      (e) =>
        e.source.kind === 'fromDatabase' &&
        e.source.name === database.name &&
        e.source.property !== 'connectionPoolString',
    );
    if (!receives) continue;
    const capacity = services.find((s) => s.service === service.name);
    if (!capacity) continue;
    const poolSize: Figure = poolSizeOf(
      model,
      service,
      capacity.cpus?.value,
      undefined,
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
  const demand = contributors.reduce((sum, c) => sum + c.instances * c.processes.value * c.poolSize.value, 0);
  const result: DatabaseCapacity = { datastore: database.name, demand, contributors };
  if (database.plan) result.plan = database.plan.name;
  const plan =
    database.platform === 'render' && database.plan ? renderPostgresPlan(database.plan.name) : undefined;
  if (plan) {
    const reserved = RENDER_POSTGRES_RESERVED_CONNECTIONS.value;
    result.limit = {
      value: plan.value.maxConnections - reserved,
      source: database.plan?.explicit ? 'read' : 'default',
      note: `${plan.value.maxConnections} connections on Render ${database.plan?.name}, less ${reserved} kept for migrations and psql`,
    };
    result.percent = (demand / result.limit.value) * 100;
  }
  return result;
}
