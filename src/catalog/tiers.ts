import type { Tier } from '../rules/rule.ts';
import { fact } from './fact.ts';

/**
 * What a database needs at each target tier. Headroom's own sizing, not a vendor's number: it
 * follows the seeds' roadmaps (free/256 MB at launch, 1 GB for 1k–10k users, 4–8 GB past 10k) and
 * Render's connection limits by RAM.
 */
export const TIER_DATABASE_NEEDS = fact<Record<Tier, { memoryMb: number; connections: number }>>(
  {
    launch: { memoryMb: 256, connections: 50 },
    growth: { memoryMb: 1024, connections: 100 },
    scale: { memoryMb: 4096, connections: 200 },
    enterprise: { memoryMb: 16384, connections: 400 },
  },
  'https://render.com/docs/postgresql-creating-connecting',
  '2026-11-24',
  "Headroom's assumption from the seeds' scaling plans; the source gives the connection limits by RAM.",
);
