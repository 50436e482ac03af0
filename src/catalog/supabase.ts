import { type Fact, fact } from './fact.ts';

const COMPUTE = 'supabase/supabase:apps/docs/content/guides/platform/compute-and-disk.mdx';
const CHECKED = '2026-11-24';

export interface SupabaseCompute {
  memoryMb: number;
  /** Recommended `max_connections` (customisable). */
  maxConnections: number;
  /** Clients the shared pooler (Supavisor) accepts. */
  poolerClients: number;
}

const SIZES: Array<[string, number, number, number]> = [
  ['nano', 512, 60, 200],
  ['micro', 1024, 60, 200],
  ['small', 2048, 90, 400],
  ['medium', 4096, 120, 600],
  ['large', 8192, 160, 800],
  ['xl', 16384, 240, 1000],
  ['2xl', 32768, 380, 1500],
  ['4xl', 65536, 480, 3000],
  ['8xl', 131072, 490, 6000],
  ['12xl', 196608, 500, 9000],
  ['16xl', 262144, 500, 12000],
];

/** Supabase compute sizes; the free plan runs on Nano. */
export const SUPABASE_COMPUTE: Record<string, Fact<SupabaseCompute>> = Object.fromEntries(
  SIZES.map(([name, memoryMb, maxConnections, poolerClients]) => [
    name,
    fact(
      { memoryMb, maxConnections, poolerClients },
      COMPUTE,
      CHECKED,
      'Recommended values; a project can change max_connections.',
    ),
  ]),
);

/** Transaction-mode port of Supavisor and of the dedicated PgBouncer; 5432 is session mode. */
export const SUPABASE_TRANSACTION_POOLER_PORT = fact(
  6543,
  'supabase/supabase:apps/docs/content/guides/database/connecting-to-postgres.mdx',
  CHECKED,
);
