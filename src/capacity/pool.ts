import {
  NODE_POSTGRES_DEFAULT_POOL,
  PRISMA_7_PG_ADAPTER_POOL,
  PRISMA_DEFAULT_POOL,
  SQLALCHEMY_DEFAULT_POOL,
} from '../catalog/runtimes.ts';
import type { ConnectionUrl, ProjectModel, Service } from '../model/project-model.ts';
import type { Figure } from './capacity.ts';
import { dependenciesOf, type ServiceCapacityConfig } from './processes.ts';

/**
 * Connections one process may open to Postgres: the URL's `connection_limit`, the config, or the
 * default of the client library the service depends on.
 */
export function poolSizeOf(
  model: ProjectModel,
  service: Service,
  cpus: number | undefined,
  url?: ConnectionUrl,
  config: ServiceCapacityConfig = {},
): Figure | undefined {
  if (config.poolSize)
    return { value: config.poolSize, source: 'config', note: 'capacity.services in headroom.yml' };
  const limit = Number(url?.params.connection_limit);
  if (Number.isInteger(limit) && limit > 0)
    return { value: limit, source: 'read', note: `connection_limit=${limit}` };
  const names = new Set(dependenciesOf(model, service).map((d) => d.name));
  if (names.has('@prisma/adapter-pg'))
    return { value: PRISMA_7_PG_ADAPTER_POOL.value, source: 'default', note: 'Prisma 7 pg adapter default' };
  if (names.has('@prisma/client')) {
    const physical = Math.max(1, Math.floor(cpus ?? 1));
    const value = physical * PRISMA_DEFAULT_POOL.value.perCpu + PRISMA_DEFAULT_POOL.value.plus;
    return { value, source: 'default', note: `Prisma default 2 × ${physical} CPU + 1` };
  }
  if (names.has('sqlalchemy') || names.has('flask-sqlalchemy')) {
    const { poolSize, maxOverflow } = SQLALCHEMY_DEFAULT_POOL.value;
    return {
      value: poolSize + maxOverflow,
      source: 'default',
      note: `SQLAlchemy pool_size ${poolSize} + max_overflow ${maxOverflow}`,
    };
  }
  if (names.has('pg') || names.has('postgres'))
    return { value: NODE_POSTGRES_DEFAULT_POOL.value, source: 'default', note: 'node-postgres Pool max 10' };
  return undefined;
}
