import { type Fact, fact } from './fact.ts';

const CHECKED = '2026-11-24';
const DYNO_TYPES = 'https://devcenter.heroku.com/articles/dyno-types';

export interface DynoSize {
  memoryMb: number;
  /** Eco and Basic run at most one dyno per process type. */
  maxQuantity: number;
  /** Eco dynos sleep when the web dyno receives no traffic. */
  sleeps: boolean;
}

/** Dyno sizes as `app.json` formation writes them (case-insensitive; `free`/`hobby` are retired). */
export const HEROKU_DYNO_SIZES: Record<string, Fact<DynoSize>> = {
  eco: fact({ memoryMb: 512, maxQuantity: 1, sleeps: true }, DYNO_TYPES, CHECKED),
  basic: fact({ memoryMb: 512, maxQuantity: 1, sleeps: false }, DYNO_TYPES, CHECKED),
  'standard-1x': fact({ memoryMb: 512, maxQuantity: 100, sleeps: false }, DYNO_TYPES, CHECKED),
  'standard-2x': fact({ memoryMb: 1024, maxQuantity: 100, sleeps: false }, DYNO_TYPES, CHECKED),
  'performance-m': fact({ memoryMb: 2560, maxQuantity: 100, sleeps: false }, DYNO_TYPES, CHECKED),
  'performance-l': fact({ memoryMb: 14336, maxQuantity: 100, sleeps: false }, DYNO_TYPES, CHECKED),
  'performance-l-ram': fact({ memoryMb: 30720, maxQuantity: 100, sleeps: false }, DYNO_TYPES, CHECKED),
  'performance-xl': fact({ memoryMb: 63488, maxQuantity: 100, sleeps: false }, DYNO_TYPES, CHECKED),
  'performance-2xl': fact({ memoryMb: 129024, maxQuantity: 100, sleeps: false }, DYNO_TYPES, CHECKED),
};

/** Eco web dynos sleep after this many minutes without web traffic. */
export const HEROKU_ECO_SLEEP_MINUTES = fact(
  30,
  'https://devcenter.heroku.com/articles/eco-dyno-hours',
  CHECKED,
);

/**
 * The config vars an add-on sets on the app it is attached to: Heroku Postgres adds DATABASE_URL,
 * Heroku Key-Value Store (the `heroku-redis` add-on) REDIS_URL.
 */
export const HEROKU_ADDON_CONFIG_VARS = fact<Record<string, string[]>>(
  { 'heroku-postgresql': ['DATABASE_URL'], 'heroku-redis': ['REDIS_URL'] },
  'https://devcenter.heroku.com/articles/heroku-postgresql#provisioning-heroku-postgres',
  '2026-12-03',
);
