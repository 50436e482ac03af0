import { type Fact, fact } from './fact.ts';

const CHECKED = '2026-11-24';
const SKILLS_INSTANCE_TYPES = 'render-oss/skills:skills/render-scaling/references/instance-types.md@3f2aa30';
const BLUEPRINT_SPEC = 'https://render.com/docs/blueprint-spec';
const FREE = 'https://render.com/docs/free';
const POSTGRES_CONNECTIONS = 'https://render.com/docs/postgresql-creating-connecting';
const LEGACY_POSTGRES = 'https://render.com/docs/postgresql-legacy-instance-types';

export type RenderServiceType = 'web' | 'private' | 'worker' | 'cron';

export interface ComputePlan {
  memoryMb: number;
  cpus: number;
  allowedFor: readonly RenderServiceType[];
}

const ALL: readonly RenderServiceType[] = ['web', 'private', 'worker', 'cron'];
const NOT_CRON: readonly RenderServiceType[] = ['web', 'private', 'worker'];

/** Render compute plans by Blueprint name (platform-facts §1.6). */
export const RENDER_COMPUTE_PLANS: Record<string, Fact<ComputePlan>> = {
  free: fact(
    { memoryMb: 512, cpus: 0.1, allowedFor: ['web'] },
    SKILLS_INSTANCE_TYPES,
    CHECKED,
    'Free is for web services only (blueprint-spec).',
  ),
  starter: fact({ memoryMb: 512, cpus: 0.5, allowedFor: ALL }, SKILLS_INSTANCE_TYPES, CHECKED),
  standard: fact({ memoryMb: 2048, cpus: 1, allowedFor: ALL }, SKILLS_INSTANCE_TYPES, CHECKED),
  pro: fact({ memoryMb: 4096, cpus: 2, allowedFor: ALL }, SKILLS_INSTANCE_TYPES, CHECKED),
  'pro plus': fact({ memoryMb: 8192, cpus: 4, allowedFor: ALL }, SKILLS_INSTANCE_TYPES, CHECKED),
  'pro max': fact(
    { memoryMb: 16384, cpus: 4, allowedFor: NOT_CRON },
    SKILLS_INSTANCE_TYPES,
    CHECKED,
    'Not offered for cron jobs (blueprint-spec).',
  ),
  'pro ultra': fact(
    { memoryMb: 32768, cpus: 8, allowedFor: NOT_CRON },
    SKILLS_INSTANCE_TYPES,
    CHECKED,
    'Not offered for cron jobs (blueprint-spec).',
  ),
};

/** The plan a new service gets when `plan` is omitted (older guidance said free: outdated). */
export const RENDER_DEFAULT_SERVICE_PLAN = fact('starter', BLUEPRINT_SPEC, CHECKED);

/** Free web services spin down after this many idle minutes; waking takes up to a minute. */
export const RENDER_FREE_SPIN_DOWN_MINUTES = fact(15, FREE, CHECKED);

/** Free Render Postgres expires this many days after creation, then a 14-day grace period. */
export const RENDER_FREE_POSTGRES_EXPIRY_DAYS = fact(
  30,
  FREE,
  CHECKED,
  'Older copies of the page said 90 days: outdated.',
);
export const RENDER_FREE_POSTGRES_GRACE_DAYS = fact(14, FREE, CHECKED);
export const RENDER_FREE_POSTGRES_STORAGE_GB = fact(1, FREE, CHECKED);

export interface PostgresPlan {
  memoryMb: number;
  maxConnections: number;
}

/**
 * Render Postgres: connections by RAM for the flexible plans (< 8 GB: 100; < 16 GB: 200; < 32 GB:
 * 400; else 500), legacy plans 97/197/397. Plans are named by their RAM (`pro-8gb`).
 */
export function renderPostgresPlan(name: string): Fact<PostgresPlan> | undefined {
  const legacy = LEGACY_POSTGRES_PLANS[name];
  if (legacy) return legacy;
  if (name === 'free') return fact({ memoryMb: 256, maxConnections: 100 }, POSTGRES_CONNECTIONS, CHECKED);
  const match = /^(basic|pro|accelerated)-(\d+)(mb|gb)$/.exec(name);
  if (!match || !POSTGRES_SIZES[match[1] as string]?.includes(`${match[2]}${match[3]}`)) return undefined;
  const memoryMb = Number(match[2]) * (match[3] === 'gb' ? 1024 : 1);
  const gb = memoryMb / 1024;
  const maxConnections = gb < 8 ? 100 : gb < 16 ? 200 : gb < 32 ? 400 : 500;
  return fact({ memoryMb, maxConnections }, POSTGRES_CONNECTIONS, CHECKED);
}

/** The sizes each flexible Postgres tier is sold in (platform-facts §1.9). */
const POSTGRES_SIZES: Record<string, string[]> = {
  basic: ['256mb', '1gb', '4gb'],
  pro: ['4gb', '8gb', '16gb', '32gb', '64gb', '128gb', '192gb', '256gb', '384gb', '512gb'],
  accelerated: ['16gb', '32gb', '64gb', '128gb', '256gb', '384gb', '512gb', '768gb', '1024gb'],
};

const LEGACY_POSTGRES_PLANS: Record<string, Fact<PostgresPlan>> = {
  starter: fact(
    { memoryMb: 256, maxConnections: 97 },
    LEGACY_POSTGRES,
    CHECKED,
    'Legacy plan: no new databases.',
  ),
  standard: fact(
    { memoryMb: 1024, maxConnections: 97 },
    LEGACY_POSTGRES,
    CHECKED,
    'Legacy plan: no new databases.',
  ),
  pro: fact(
    { memoryMb: 4096, maxConnections: 97 },
    LEGACY_POSTGRES,
    CHECKED,
    'Legacy plan: no new databases.',
  ),
  'pro plus': fact(
    { memoryMb: 8192, maxConnections: 197 },
    LEGACY_POSTGRES,
    CHECKED,
    'Legacy plan: no new databases.',
  ),
};

/** Connections to keep free for migrations, psql and Render's own (the tutorial budgets ~10). */
export const RENDER_POSTGRES_RESERVED_CONNECTIONS = fact(
  10,
  'https://render.com/tutorials/postgres-on-render/connection-limits-and-pooling',
  CHECKED,
);

/** Key Value's eviction policy when `maxmemoryPolicy` is omitted. */
export const RENDER_KEYVALUE_DEFAULT_POLICY = fact('allkeys-lru', BLUEPRINT_SPEC, CHECKED);

export const RENDER_FACTS = {
  RENDER_DEFAULT_SERVICE_PLAN,
  RENDER_FREE_SPIN_DOWN_MINUTES,
  RENDER_FREE_POSTGRES_EXPIRY_DAYS,
  RENDER_FREE_POSTGRES_GRACE_DAYS,
  RENDER_FREE_POSTGRES_STORAGE_GB,
  RENDER_POSTGRES_RESERVED_CONNECTIONS,
  RENDER_KEYVALUE_DEFAULT_POLICY,
  ...Object.fromEntries(
    Object.entries(RENDER_COMPUTE_PLANS).map(([name, plan]) => [`compute plan ${name}`, plan]),
  ),
  ...Object.fromEntries(
    Object.entries(LEGACY_POSTGRES_PLANS).map(([name, plan]) => [`legacy postgres ${name}`, plan]),
  ),
  'postgres pro-8gb': renderPostgresPlan('pro-8gb') as Fact<PostgresPlan>,
};
