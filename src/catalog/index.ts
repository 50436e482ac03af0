import { CLIENT_POOL_DEFAULTS } from './drivers.ts';
import type { Fact } from './fact.ts';
import * as fly from './fly.ts';
import * as heroku from './heroku.ts';
import { NEON_MAX_CONNECTIONS, NEON_POOLER } from './neon.ts';
import * as planAvailability from './plan-availability.ts';
import { PROVIDED_ENV, PROVIDED_ENV_PREFIXES } from './platform-env.ts';
import * as postgres from './postgres.ts';
import * as prisma from './prisma.ts';
import { ASSUMED_PROCESS_MEMORY_MB } from './process-memory.ts';
import * as railway from './railway.ts';
import * as render from './render.ts';
import { NETLIFY_ASSUMED_CONCURRENCY, VERCEL_MAX_CONCURRENCY } from './serverless.ts';
import * as servers from './servers.ts';
import { SUPABASE_COMPUTE, SUPABASE_TRANSACTION_POOLER_PORT } from './supabase.ts';
import { TIER_DATABASE_NEEDS } from './tiers.ts';

/** Every platform number a rule or the capacity summary uses, for the audit test and reviewers. */
export const ALL_FACTS: Record<string, Fact<unknown>> = {
  ...singleFacts(render),
  ...table('render compute', render.RENDER_COMPUTE_PLANS),
  ...table('render postgres', render.RENDER_POSTGRES_PLANS),
  ...table('render key value', render.RENDER_KEYVALUE_PLANS),
  ...singleFacts(postgres),
  ...table('heroku postgres', postgres.HEROKU_POSTGRES_CONNECTIONS),
  ...table('supabase compute', SUPABASE_COMPUTE),
  SUPABASE_TRANSACTION_POOLER_PORT,
  ...table('neon max_connections', NEON_MAX_CONNECTIONS),
  NEON_POOLER,
  ...singleFacts(prisma),
  ...Object.fromEntries(CLIENT_POOL_DEFAULTS.map((pool) => [`pool of ${pool.value.library}`, pool])),
  ...singleFacts(servers),
  ASSUMED_PROCESS_MEMORY_MB,
  ...singleFacts(planAvailability),
  ...singleFacts(fly),
  ...singleFacts(railway),
  ...singleFacts(heroku),
  ...table('heroku dyno', heroku.HEROKU_DYNO_SIZES),
  TIER_DATABASE_NEEDS,
  VERCEL_MAX_CONCURRENCY,
  NETLIFY_ASSUMED_CONCURRENCY,
  ...table('env provided by', PROVIDED_ENV),
  PROVIDED_ENV_PREFIXES,
};

function table<T>(prefix: string, facts: Record<string, Fact<T>>): Record<string, Fact<T>> {
  return Object.fromEntries(Object.entries(facts).map(([name, value]) => [`${prefix} ${name}`, value]));
}

/** The exports of a catalog module that are single facts (tables and functions aside). */
function singleFacts(module: Record<string, unknown>): Record<string, Fact<unknown>> {
  return Object.fromEntries(
    Object.entries(module).filter(
      (entry): entry is [string, Fact<unknown>] =>
        typeof entry[1] === 'object' && entry[1] !== null && 'source' in entry[1] && 'checked' in entry[1],
    ),
  );
}
