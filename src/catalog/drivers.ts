import { type Fact, fact } from './fact.ts';

const CHECKED = '2026-11-24';

/** How many connections one process of a client library may hold by default. */
export interface ClientPool {
  /** Library as people name it. */
  library: string;
  /** Packages (npm or PyPI) that bring this pool. */
  packages: readonly string[];
  size: number;
  /** How the size is made up, for the capacity note. */
  detail: string;
}

const SQLALCHEMY = { poolSize: 5, maxOverflow: 10 };

/**
 * Default pools, the ORMs before the drivers they wrap: a service with both SQLAlchemy and asyncpg
 * uses SQLAlchemy's pool.
 */
export const CLIENT_POOL_DEFAULTS: readonly Fact<ClientPool>[] = [
  fact(
    {
      library: 'SQLAlchemy',
      packages: ['sqlalchemy', 'flask-sqlalchemy', 'sqlmodel'],
      size: SQLALCHEMY.poolSize + SQLALCHEMY.maxOverflow,
      detail: `pool_size ${SQLALCHEMY.poolSize} + max_overflow ${SQLALCHEMY.maxOverflow}`,
    },
    'https://docs.sqlalchemy.org/en/20/core/engines.html#sqlalchemy.create_engine',
    CHECKED,
    'QueuePool; create_async_engine uses the same sizes.',
  ),
  fact(
    {
      library: 'Django',
      packages: ['django'],
      size: 1,
      detail: 'one connection per thread of a process',
    },
    'https://docs.djangoproject.com/en/5.2/ref/databases/#persistent-connections',
    CHECKED,
    'Threaded workers (gthread) open one per thread: set capacity.services.<name>.poolSize to the thread count.',
  ),
  fact(
    { library: 'Sequelize', packages: ['sequelize'], size: 5, detail: 'pool.max 5' },
    'https://sequelize.org/docs/v6/other-topics/connection-pool/',
    CHECKED,
  ),
  fact(
    { library: 'Knex', packages: ['knex'], size: 10, detail: 'pool max 10' },
    'https://knexjs.org/guide/#pool',
    CHECKED,
  ),
  fact(
    { library: 'asyncpg', packages: ['asyncpg'], size: 10, detail: 'create_pool max_size 10' },
    'https://magicstack.github.io/asyncpg/current/api/index.html#connection-pools',
    CHECKED,
  ),
  fact(
    { library: 'node-postgres', packages: ['pg', 'typeorm'], size: 10, detail: 'Pool max 10' },
    'brianc/node-postgres:packages/pg/lib/defaults.js@7aee261',
    CHECKED,
    'TypeORM pools through node-postgres with its default.',
  ),
  fact(
    { library: 'postgres.js', packages: ['postgres'], size: 10, detail: 'max 10' },
    'https://github.com/porsager/postgres#connection-details',
    CHECKED,
  ),
];
