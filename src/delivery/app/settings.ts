import * as z from 'zod/mini';
import '../../zod-messages.ts';

/** A whole number from the environment's text, within `min`…`max`. */
const wholeNumber = (fallback: number, min: number, max = Number.MAX_SAFE_INTEGER) =>
  z._default(z.coerce.number().check(z.int(), z.minimum(min), z.maximum(max)), fallback);
const count = (fallback: number) => wholeNumber(fallback, 1, 64);
const flag = (fallback: boolean) =>
  z.pipe(
    z._default(z.enum(['true', 'false', '1', '0']), fallback ? 'true' : 'false'),
    z.transform((value) => value === 'true' || value === '1'),
  );

/** The App's own settings, beside probot's (APP_ID, PRIVATE_KEY, WEBHOOK_SECRET, PORT, LOG_LEVEL…). */
const SettingsSchema = z.object({
  /** BullMQ on this Redis or Valkey; without it, the embedded queue. */
  REDIS_URL: z.optional(z.url()),
  /** Reviews one process runs at once. A review mostly waits on GitHub, so there are more than threads. */
  HEADROOM_CONCURRENCY: count(8),
  /** Threads the reviews of one process share: parsing takes a core while it runs. */
  HEADROOM_THREADS: count(2),
  /** Reviews of one installation running at once, across every worker. */
  HEADROOM_INSTALLATION_CONCURRENCY: count(4),
  /** Whether `npm start` also works jobs; with Redis, `false` makes it a front door only. */
  HEADROOM_WORK_JOBS: flag(true),
  /** How long a worker holds a job without renewing its lock before another may take it over (BullMQ). */
  HEADROOM_JOB_LOCK_MS: wholeNumber(30_000, 1_000),
  /**
   * Spacing of one installation's writes and GraphQL queries. GitHub asks for a second between
   * writes on github.com; a GitHub Enterprise Server (or a test's fake GitHub) may allow less.
   */
  HEADROOM_WRITE_SPACING_MS: wholeNumber(1_000, 0, 60_000),
  /** Name of the BullMQ queue: two Apps may share a Redis. */
  HEADROOM_QUEUE: z._default(z.string().check(z.minLength(1)), 'headroom-reviews'),
});

export type AppSettings = z.infer<typeof SettingsSchema>;

/** The settings from the environment; a wrong value stops the start with the variable's name. */
export function readSettings(env: NodeJS.ProcessEnv = process.env): AppSettings {
  const parsed = SettingsSchema.safeParse(env);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  throw new Error(`Invalid App settings:\n  ${problems.join('\n  ')}`);
}
