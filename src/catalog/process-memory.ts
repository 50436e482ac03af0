import { fact } from './fact.ts';

export type RuntimeFamily = 'python' | 'node' | 'ruby' | 'other';

/**
 * Resident memory of one worker process. No vendor publishes it: these are Headroom's own
 * assumptions, always reported as assumed, and `capacity.memoryPerProcessMb` in the config (or
 * per service) overrides them. Python takes the top of the range reported for small Flask/FastAPI
 * workers (50–150 MB); Django or ML apps need 150–500 MB and should state theirs.
 */
export const ASSUMED_PROCESS_MEMORY_MB = fact<Record<RuntimeFamily, number>>(
  { python: 150, node: 150, ruby: 250, other: 200 },
  'https://docs.gunicorn.org/en/stable/design.html#how-many-workers',
  '2026-11-24',
  "Headroom's assumption; third-party measurements only (platform-facts §2.7).",
);
