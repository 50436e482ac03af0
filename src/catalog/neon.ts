import { type Fact, fact } from './fact.ts';

const POOLING = 'https://neon.com/docs/connect/connection-pooling';
const CHECKED = '2026-11-24';

/** Neon's `max_connections` by compute size in CU (1 CU = 4 GB RAM); capped at 4000 from 9 CU. */
export const NEON_MAX_CONNECTIONS: Record<string, Fact<number>> = Object.fromEntries(
  (
    [
      [0.25, 104],
      [0.5, 209],
      [1, 419],
      [2, 839],
      [3, 1258],
      [4, 1678],
      [5, 2098],
      [6, 2517],
      [7, 2937],
      [8, 3357],
      [9, 4000],
    ] as const
  ).map(([cu, connections]) => [
    `${cu} CU`,
    fact(connections, POOLING, CHECKED, '7 of them are reserved for the superuser.'),
  ]),
);

/** Neon's PgBouncer (the `-pooler` host): transaction mode, clients accepted, share of max_connections. */
export const NEON_POOLER = fact(
  { mode: 'transaction', maxClients: 10000, serverPoolShare: 0.9 },
  POOLING,
  CHECKED,
  'Protocol-level prepared statements work through it (an old 2022 copy of the page says otherwise: outdated).',
);
