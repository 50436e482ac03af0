import { fact } from './fact.ts';

const CHECKED = '2026-11-24';
const CONFIGURATION = 'https://fly.io/docs/reference/configuration/';

/**
 * How soon the Fly Proxy stops an idle machine when `auto_stop_machines` is on: it checks for
 * excess capacity "every few minutes" and publishes no exact figure.
 */
export const FLY_AUTOSTOP_DELAY = fact(
  'a few minutes',
  'https://fly.io/docs/reference/fly-proxy-autostop-autostart/',
  CHECKED,
  'Fly publishes no exact idle delay; the proxy re-evaluates every few minutes.',
);

/** `auto_stop_machines` when the service omits it: the reference page's default (legacy `true` = stop). */
export const FLY_AUTO_STOP_DEFAULT = fact(
  'stop',
  CONFIGURATION,
  CHECKED,
  '`fly launch` writes `auto_stop_machines = "stop"`; the stored reference page gives `true` (≙ stop).',
);

/** Machines kept running when `min_machines_running` is omitted. */
export const FLY_MIN_MACHINES_DEFAULT = fact(0, CONFIGURATION, CHECKED);

/** Memory of the `size` presets `fly.toml` may name instead of `memory` (MB). */
export const FLY_VM_SIZES = fact<Record<string, { memoryMb: number; cpus: number }>>(
  {
    'shared-cpu-1x': { memoryMb: 256, cpus: 1 },
    'shared-cpu-2x': { memoryMb: 512, cpus: 2 },
    'shared-cpu-4x': { memoryMb: 1024, cpus: 4 },
    'shared-cpu-8x': { memoryMb: 2048, cpus: 8 },
    'performance-1x': { memoryMb: 2048, cpus: 1 },
    'performance-2x': { memoryMb: 4096, cpus: 2 },
    'performance-4x': { memoryMb: 8192, cpus: 4 },
    'performance-8x': { memoryMb: 16384, cpus: 8 },
    'performance-16x': { memoryMb: 32768, cpus: 16 },
  },
  'https://fly.io/docs/machines/guides-examples/machine-sizing/',
  CHECKED,
  'Default memory of each preset; `memory` in the same [[vm]] overrides it.',
);
