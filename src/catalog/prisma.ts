import { fact } from './fact.ts';

const CHECKED = '2026-11-24';
const CONNECTION_POOL =
  'prisma/docs:content/200-orm/200-prisma-client/000-setup-and-configuration/050-databases-connections/115-connection-pool.mdx';

/**
 * Prisma ORM ≤ 6 opens `num_physical_cpus × 2 + 1` connections per client unless `connection_limit`
 * says. Headroom counts a plan's CPUs as max(1, floor(CPUs)): a 0.5-CPU plan still runs on at least
 * one physical core, and Prisma sees whole cores, never fractions.
 */
export const PRISMA_DEFAULT_POOL = fact(
  { perCpu: 2, plus: 1 },
  CONNECTION_POOL,
  CHECKED,
  'Physical CPUs of the machine Prisma sees; on a shared host that may be more than the plan sells.',
);

/** How long a query waits for a free pooled connection before failing with P2024. */
export const PRISMA_POOL_TIMEOUT_SECONDS = fact(10, CONNECTION_POOL, CHECKED);

/**
 * From Prisma 7 the client talks through a driver adapter: the driver's pool applies and the URL's
 * `connection_limit` no longer does. With `@prisma/adapter-pg` that is node-postgres' `max` of 10.
 */
export const PRISMA_DRIVER_ADAPTERS_SINCE_MAJOR = fact(
  7,
  'https://www.prisma.io/docs/orm/prisma-client/setup-and-configuration/databases-connections/connection-pool',
  CHECKED,
);
export const PRISMA_7_PG_ADAPTER_POOL = fact(
  10,
  'https://www.prisma.io/docs/orm/prisma-client/setup-and-configuration/databases-connections/connection-pool',
  CHECKED,
);
