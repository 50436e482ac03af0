import type { Fact } from './fact.ts';
import { PROVIDED_ENV } from './platform-env.ts';
import { RENDER_FACTS } from './render.ts';
import { RUNTIME_FACTS } from './runtimes.ts';
import { NETLIFY_ASSUMED_CONCURRENCY, VERCEL_MAX_CONCURRENCY } from './serverless.ts';
import { TIER_DATABASE_NEEDS } from './tiers.ts';

/** Every platform number a rule or the capacity summary uses, for the audit test and reviewers. */
export const ALL_FACTS: Record<string, Fact<unknown>> = {
  ...RENDER_FACTS,
  ...RUNTIME_FACTS,
  TIER_DATABASE_NEEDS,
  VERCEL_MAX_CONCURRENCY,
  NETLIFY_ASSUMED_CONCURRENCY,
  ...Object.fromEntries(
    Object.entries(PROVIDED_ENV).map(([host, list]) => [`env provided by ${host}`, list]),
  ),
};
