import { fact } from './fact.ts';

const CHECKED = '2026-11-24';

/** Prisma ORM ≤ 6 opens `num_physical_cpus × 2 + 1` connections per client unless `connection_limit` says. */
export const PRISMA_DEFAULT_POOL = fact(
  { perCpu: 2, plus: 1 },
  'prisma/docs:content/200-orm/200-prisma-client/000-setup-and-configuration/050-databases-connections/115-connection-pool.mdx',
  CHECKED,
  'Physical CPUs of the machine; on a fractional-CPU plan Headroom counts max(1, floor(CPUs)).',
);

/** Prisma 7 with the `pg` driver adapter: node-postgres' own default pool size. */
export const PRISMA_7_PG_ADAPTER_POOL = fact(
  10,
  'https://www.prisma.io/docs/orm/prisma-client/setup-and-configuration/databases-connections/connection-pool',
  CHECKED,
);

/** node-postgres `Pool` default `max`. */
export const NODE_POSTGRES_DEFAULT_POOL = fact(10, 'https://node-postgres.com/apis/pool', CHECKED);

/** SQLAlchemy `create_engine` QueuePool defaults: pool_size 5 plus max_overflow 10. */
export const SQLALCHEMY_DEFAULT_POOL = fact(
  { poolSize: 5, maxOverflow: 10 },
  'https://docs.sqlalchemy.org/en/20/core/pooling.html#sqlalchemy.pool.QueuePool',
  CHECKED,
);

/** Gunicorn runs one worker unless told; its docs suggest 2 × cores + 1. */
export const GUNICORN_DEFAULT_WORKERS = fact(1, 'benoitc/gunicorn:gunicorn/config.py@65ac1a3', CHECKED);
export const GUNICORN_SUGGESTED_WORKERS = fact(
  { perCpu: 2, plus: 1 },
  'benoitc/gunicorn:docs/content/design.md@65ac1a3',
  CHECKED,
);

/**
 * Resident memory of one worker process. No vendor publishes it: these are Headroom's own
 * assumptions, always marked as such, and `capacity.memoryPerProcessMb` in the config overrides them.
 */
export const ASSUMED_PROCESS_MEMORY_MB = fact(
  { python: 150, node: 150, ruby: 250, other: 200 },
  'https://docs.gunicorn.org/en/stable/design.html#how-many-workers',
  CHECKED,
  'Assumption: small Flask/FastAPI workers measure 50–150 MB, Django or ML apps 150–500 MB (third-party reports).',
);

export const RUNTIME_FACTS = {
  PRISMA_DEFAULT_POOL,
  PRISMA_7_PG_ADAPTER_POOL,
  NODE_POSTGRES_DEFAULT_POOL,
  SQLALCHEMY_DEFAULT_POOL,
  GUNICORN_DEFAULT_WORKERS,
  GUNICORN_SUGGESTED_WORKERS,
  ASSUMED_PROCESS_MEMORY_MB,
};
