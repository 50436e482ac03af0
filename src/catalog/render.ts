import { type Fact, fact } from './fact.ts';

const CHECKED = '2026-11-24';
const SKILLS = 'render-oss/skills';
const SKILLS_INSTANCE_TYPES = `${SKILLS}:skills/render-scaling/references/instance-types.md@3f2aa30`;
const SKILLS_SERVICE_MAPPING = `${SKILLS}:skills/render-migrate-from-heroku/references/service-mapping.md@3f2aa30`;
const SKILLS_CONFIGURATION = `${SKILLS}:skills/render-deploy/references/configuration-guide.md@3f2aa30`;
const BLUEPRINT_SPEC = 'https://render.com/docs/blueprint-spec';
const FREE = 'https://render.com/docs/free';
const POSTGRES_CONNECTIONS = 'https://render.com/docs/postgresql-creating-connecting';
const POSTGRES_PLANS = 'https://render.com/docs/postgresql-refresh';
const LEGACY_POSTGRES = 'https://render.com/docs/postgresql-legacy-instance-types';

// ───────────────────────────── compute ─────────────────────────────

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

// ───────────────────────────── free tier ─────────────────────────────

/** Free web services spin down after this many idle minutes; waking takes up to a minute. */
export const RENDER_FREE_SPIN_DOWN_MINUTES = fact(15, FREE, CHECKED);

/** Free instance hours per workspace and month; when spent, every free web service is suspended. */
export const RENDER_FREE_INSTANCE_HOURS = fact(750, FREE, CHECKED);

/** Free Render Postgres expires this many days after creation, then a 14-day grace period. */
export const RENDER_FREE_POSTGRES_EXPIRY_DAYS = fact(
  30,
  FREE,
  CHECKED,
  'Older copies of the page said 90 days: outdated.',
);
export const RENDER_FREE_POSTGRES_GRACE_DAYS = fact(14, FREE, CHECKED);
export const RENDER_FREE_POSTGRES_STORAGE_GB = fact(1, FREE, CHECKED);

// ───────────────────────────── Postgres ─────────────────────────────

export interface PostgresPlan {
  memoryMb: number;
  /** Absent where Render publishes no CPU figure (the Basic plans). */
  cpus?: number;
  maxConnections: number;
}

/** Flexible plans: the connection limit follows RAM (< 8 GB: 100; < 16 GB: 200; < 32 GB: 400; else 500). */
function connectionsForMemory(memoryMb: number): number {
  const gb = memoryMb / 1024;
  return gb < 8 ? 100 : gb < 16 ? 200 : gb < 32 ? 400 : 500;
}

/** Sizes each flexible tier is sold in, and its CPU per GB of RAM (Pro 1:4, Accelerated 1:8). */
const FLEXIBLE_TIERS: Record<string, { sizesGb: number[]; cpuPerGb?: number }> = {
  basic: { sizesGb: [0.25, 1, 4] },
  pro: { sizesGb: [4, 8, 16, 32, 64, 128, 192, 256, 384, 512], cpuPerGb: 1 / 4 },
  accelerated: { sizesGb: [16, 32, 64, 128, 256, 384, 512, 768, 1024], cpuPerGb: 1 / 8 },
};

function flexiblePlans(): Record<string, Fact<PostgresPlan>> {
  const plans: Record<string, Fact<PostgresPlan>> = {
    free: fact(
      { memoryMb: 256, cpus: 0.1, maxConnections: 100 },
      POSTGRES_CONNECTIONS,
      CHECKED,
      `RAM and CPU from ${SKILLS_CONFIGURATION}.`,
    ),
  };
  for (const [tier, { sizesGb, cpuPerGb }] of Object.entries(FLEXIBLE_TIERS)) {
    for (const gb of sizesGb) {
      const memoryMb = gb * 1024;
      const name = `${tier}-${gb < 1 ? `${memoryMb}mb` : `${gb}gb`}`;
      const plan: PostgresPlan = { memoryMb, maxConnections: connectionsForMemory(memoryMb) };
      if (cpuPerGb) plan.cpus = gb * cpuPerGb;
      plans[name] = fact(
        plan,
        POSTGRES_CONNECTIONS,
        CHECKED,
        cpuPerGb
          ? `CPU from the tier's CPU:RAM ratio (${POSTGRES_PLANS}).`
          : 'Render publishes no CPU figure for Basic plans.',
      );
    }
  }
  return plans;
}

/** Legacy plans (no new databases): ≤ 6 GB → 97 connections, 6–10 GB → 197. */
const LEGACY_POSTGRES_PLANS: Record<string, Fact<PostgresPlan>> = {
  starter: fact({ memoryMb: 256, cpus: 0.1, maxConnections: 97 }, LEGACY_POSTGRES, CHECKED),
  standard: fact({ memoryMb: 1024, cpus: 1, maxConnections: 97 }, LEGACY_POSTGRES, CHECKED),
  pro: fact({ memoryMb: 4096, cpus: 2, maxConnections: 97 }, LEGACY_POSTGRES, CHECKED),
  'pro plus': fact({ memoryMb: 8192, cpus: 4, maxConnections: 197 }, LEGACY_POSTGRES, CHECKED),
};

/** Every Render Postgres plan by Blueprint name (`free`, `basic-256mb`, `pro-8gb`, legacy `pro plus`). */
export const RENDER_POSTGRES_PLANS: Record<string, Fact<PostgresPlan>> = {
  ...flexiblePlans(),
  ...LEGACY_POSTGRES_PLANS,
};

export function renderPostgresPlan(name: string): Fact<PostgresPlan> | undefined {
  return RENDER_POSTGRES_PLANS[name];
}

/** The plan a new database gets when `plan` is omitted. */
export const RENDER_DEFAULT_POSTGRES_PLAN = fact('basic-256mb', BLUEPRINT_SPEC, CHECKED);

/** Connections to keep free for migrations, psql and Render's own (the tutorial budgets ~10). */
export const RENDER_POSTGRES_RESERVED_CONNECTIONS = fact(
  10,
  'https://render.com/tutorials/postgres-on-render/connection-limits-and-pooling',
  CHECKED,
);

// ───────────────────────────── Key Value ─────────────────────────────

export interface KeyValuePlan {
  memoryMb: number;
  maxConnections: number;
}

/** Render Key Value plans (platform-facts §1.10). */
export const RENDER_KEYVALUE_PLANS: Record<string, Fact<KeyValuePlan>> = {
  free: fact(
    { memoryMb: 25, maxConnections: 50 },
    SKILLS_SERVICE_MAPPING,
    CHECKED,
    'No persistence: data is lost on restart.',
  ),
  starter: fact({ memoryMb: 256, maxConnections: 250 }, SKILLS_SERVICE_MAPPING, CHECKED),
  standard: fact({ memoryMb: 1024, maxConnections: 1000 }, SKILLS_SERVICE_MAPPING, CHECKED),
  pro: fact(
    { memoryMb: 5120, maxConnections: 5000 },
    SKILLS_SERVICE_MAPPING,
    CHECKED,
    'Unverified: interpolated between standard and pro plus.',
  ),
  'pro plus': fact({ memoryMb: 10240, maxConnections: 10000 }, SKILLS_SERVICE_MAPPING, CHECKED),
};

export const RENDER_DEFAULT_KEYVALUE_PLAN = fact('starter', BLUEPRINT_SPEC, CHECKED);

/** Key Value's eviction policy when `maxmemoryPolicy` is omitted. */
export const RENDER_KEYVALUE_DEFAULT_POLICY = fact('allkeys-lru', BLUEPRINT_SPEC, CHECKED);
