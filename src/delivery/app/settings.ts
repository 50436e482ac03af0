import * as z from 'zod';

const count = (fallback: number) => z.coerce.number().int().min(1).max(64).default(fallback);
const flag = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0'])
    .default(fallback ? 'true' : 'false')
    .transform((value) => value === 'true' || value === '1');

/** The App's own settings, beside probot's (APP_ID, PRIVATE_KEY, WEBHOOK_SECRET, PORT, LOG_LEVEL…). */
const SettingsSchema = z.object({
  /** BullMQ on this Redis or Valkey; without it, the embedded queue. */
  REDIS_URL: z.string().url().optional(),
  /** Reviews one process runs at once. A review mostly waits on GitHub, so there are more than threads. */
  HEADROOM_CONCURRENCY: count(8),
  /** Threads the reviews of one process share: parsing takes a core while it runs. */
  HEADROOM_THREADS: count(2),
  /** Reviews of one installation running at once, across every worker. */
  HEADROOM_INSTALLATION_CONCURRENCY: count(4),
  /** Whether `npm start` also works jobs; with Redis, `false` makes it a front door only. */
  HEADROOM_WORK_JOBS: flag(true),
  /** How long a worker holds a job without renewing its lock before another may take it over (BullMQ). */
  HEADROOM_JOB_LOCK_MS: z.coerce.number().int().min(1_000).default(30_000),
  /**
   * Spacing of one installation's writes and GraphQL queries. GitHub asks for a second between
   * writes on github.com; a GitHub Enterprise Server (or a test's fake GitHub) may allow less.
   */
  HEADROOM_WRITE_SPACING_MS: z.coerce.number().int().min(0).max(60_000).default(1_000),
  /** Name of the BullMQ queue: two Apps may share a Redis. */
  HEADROOM_QUEUE: z.string().min(1).default('headroom-reviews'),
});

export type AppSettings = z.infer<typeof SettingsSchema>;

/** The settings from the environment; a wrong value stops the start with the variable's name. */
export function readSettings(env: NodeJS.ProcessEnv = process.env): AppSettings {
  const parsed = SettingsSchema.safeParse(env);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  throw new Error(`Invalid App settings:\n  ${problems.join('\n  ')}`);
}
