import { type Fact, fact } from './fact.ts';

const CHECKED = '2026-11-24';
const PGBOUNCER_CONFIG = 'pgbouncer/pgbouncer:doc/config.md@13a344f';

/** PostgreSQL's own `max_connections` default, what a self-managed or undocumented host gets. */
export const POSTGRES_DEFAULT_MAX_CONNECTIONS = fact(
  100,
  'https://www.postgresql.org/docs/current/runtime-config-connection.html',
  CHECKED,
);

/** PgBouncer defaults a self-hosted pooler starts with. */
export const PGBOUNCER_DEFAULTS = fact(
  { listenPort: 6432, poolMode: 'session', maxClientConn: 100, defaultPoolSize: 20 },
  PGBOUNCER_CONFIG,
  CHECKED,
);

/**
 * First PgBouncer version that can track protocol-level prepared statements
 * (`max_prepared_statements`, on by default since 1.24). From it on, Prisma needs no `pgbouncer=true`.
 */
export const PGBOUNCER_PREPARED_STATEMENTS_SINCE = fact(
  '1.21.0',
  'prisma/docs:content/200-orm/200-prisma-client/000-setup-and-configuration/050-databases-connections/200-pgbouncer.mdx',
  CHECKED,
  `Default 200 since 1.24.0, 0 (off) in 1.21–1.23 (${PGBOUNCER_CONFIG}).`,
);

/** Railway runs the stock PostgreSQL image and documents no limit of its own. */
export const RAILWAY_POSTGRES_MAX_CONNECTIONS = fact(
  100,
  'railwayapp/docs:content/docs/databases/postgresql.md@c2a634f',
  CHECKED,
  "Unverified: Railway states no limit; this is PostgreSQL's default.",
);

/** Railway's PgBouncer template, per replica. */
export const RAILWAY_PGBOUNCER = fact(
  { defaultPoolSize: 20, maxClientConn: 1000, mode: 'transaction' },
  'railwayapp/docs:content/docs/databases/postgresql-pgbouncer.md@c2a634f',
  CHECKED,
);

/** Heroku Postgres connection limits by plan. */
export const HEROKU_POSTGRES_CONNECTIONS: Record<string, Fact<number>> = Object.fromEntries(
  (
    [
      ['essential-0', 20],
      ['essential-1', 20, 'Sources disagree (20 or 40): the lower figure is kept.'],
      ['essential-2', 40],
      ['standard-0', 120],
      ['premium-0', 120],
      ['standard-2', 400],
      ['premium-2', 400],
    ] as const
  ).map(([plan, connections, note]) => [
    plan,
    fact(
      connections,
      'https://devcenter.heroku.com/articles/heroku-postgres-plans',
      CHECKED,
      note ?? 'Read from third-party copies of the plans table; the official page was not readable.',
    ),
  ]),
);
