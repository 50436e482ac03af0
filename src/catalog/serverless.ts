import { fact } from './fact.ts';

/** Concurrent function instances Vercel scales to on Hobby and Pro (Enterprise: 100,000+). */
export const VERCEL_MAX_CONCURRENCY = fact(
  30_000,
  'https://vercel.com/docs/functions/limitations',
  '2026-11-24',
);

/** Netlify functions scale per request; no published ceiling. Headroom counts them as "many". */
export const NETLIFY_ASSUMED_CONCURRENCY = fact(
  1_000,
  'https://docs.netlify.com/build/functions/configuration',
  '2026-11-24',
  "Headroom's assumption: Netlify publishes no concurrency ceiling.",
);
