import { fact } from './fact.ts';

const CHECKED = '2026-11-24';

/** With app sleeping on, a service sleeps after this many minutes without outbound traffic. */
export const RAILWAY_SLEEP_AFTER_MINUTES = fact(
  10,
  'https://docs.railway.com/reference/app-sleeping',
  CHECKED,
  'Counted on outbound packets: an open database pool keeps the service awake; the first request after sleep may fail with a 502.',
);
