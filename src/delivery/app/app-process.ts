import type { Logger } from 'pino';
import type { AppCredentials } from './credentials.ts';
import type { ThreadSettings } from './job-thread.ts';
import { AppMetrics } from './ops/metrics.ts';
import { BullQueue } from './queue/bullmq-queue.ts';
import { EmbeddedQueue } from './queue/embedded-queue.ts';
import { InstallationBudget, type RequestObservation } from './queue/installation-budget.ts';
import type { JobQueue, JobReport } from './queue/job-queue.ts';
import { ThreadRunner } from './queue/thread-runner.ts';
import { jobLogFields, type ReviewJob } from './review-job.ts';
import type { Attempt } from './run-review-job.ts';
import type { AppSettings } from './settings.ts';

/**
 * The review thread's module beside an entry: `app-thread.js` beside the bundle, `job-thread.ts`
 * in a checkout. Given the entry's own `import.meta.url`: in the bundle this module is in a chunk.
 */
export function threadEntryBeside(entryUrl: string): URL {
  return new URL(entryUrl.endsWith('.ts') ? './job-thread.ts' : './app-thread.js', entryUrl);
}

export interface ProcessParts {
  queue: JobQueue;
  metrics: AppMetrics;
}

export interface ProcessOptions {
  credentials: AppCredentials;
  settings: AppSettings;
  log: Logger;
  /** The review thread's module, resolved by the entry beside which it was built. */
  threadEntry: URL;
  /** Whether this process works jobs (a front door with Redis may leave them to the workers). */
  work: boolean;
}

/**
 * The queue a process of the App uses, and its metrics: BullMQ when REDIS_URL is set, the
 * embedded queue otherwise. Jobs run on worker threads, never on the thread that answers webhooks.
 */
export function processParts(options: ProcessOptions): ProcessParts {
  const { settings, credentials, log } = options;
  const budget = new InstallationBudget(settings.HEADROOM_INSTALLATION_CONCURRENCY);
  let metrics: AppMetrics | undefined;
  const observe = (observation: RequestObservation) => {
    budget.observe(observation);
    metrics?.request(observation);
  };
  const report = (done: JobReport) => {
    metrics?.job(done);
    logReport(log, done);
  };
  const started = (job: ReviewJob, attempt: Attempt) =>
    log.info(jobLogFields(job), `review started${attempt.number > 1 ? ` (attempt ${attempt.number})` : ''}`);
  const concurrency = settings.HEADROOM_CONCURRENCY;
  const runner = () =>
    new ThreadRunner({
      threads: Math.min(settings.HEADROOM_THREADS, concurrency),
      jobsPerThread: Math.ceil(concurrency / Math.min(settings.HEADROOM_THREADS, concurrency)),
      entry: options.threadEntry,
      workerData: {
        appId: credentials.appId,
        privateKey: credentials.privateKey,
        ...(credentials.baseUrl ? { baseUrl: credentials.baseUrl } : {}),
        ...(settings.REDIS_URL ? { redisUrl: settings.REDIS_URL } : {}),
        writeSpacingMs: settings.HEADROOM_WRITE_SPACING_MS,
      } satisfies ThreadSettings,
      observe,
    });
  const queue: JobQueue = settings.REDIS_URL
    ? new BullQueue({
        redisUrl: settings.REDIS_URL,
        name: settings.HEADROOM_QUEUE,
        budget,
        observe: report,
        started,
        ...(options.work
          ? { worker: { runner: runner(), concurrency, lockMs: settings.HEADROOM_JOB_LOCK_MS } }
          : {}),
      })
    : new EmbeddedQueue({ runner: runner(), budget, concurrency, observe: report, started });
  metrics = new AppMetrics(queue, budget);
  return { queue, metrics };
}

function logReport(log: Logger, report: JobReport): void {
  const fields = { ...jobLogFields(report.job), ms: report.durationMs };
  if ('outcome' in report) {
    const { outcome } = report;
    if (outcome.kind === 'reviewed') log.info(fields, `reviewed ${outcome.headSha.slice(0, 7)}`);
    else if (outcome.kind === 'superseded')
      log.info(
        fields,
        `superseded by ${outcome.by.slice(0, 7)} while reviewing ${outcome.headSha.slice(0, 7)}`,
      );
    else if (outcome.kind === 'skipped') log.debug(fields, `skipped: ${outcome.reason}`);
    else log.info(fields, `re-run for ${outcome.jobs.length} pull request(s) of this commit`);
    return;
  }
  const { failure, willRetry } = report;
  if (willRetry) log.warn(fields, `failed, will retry: ${failure.message}`);
  else log.error(fields, `failed: ${failure.message}`);
}

/** SIGTERM and SIGINT: stop taking work, let the current jobs finish, exit. */
export function drainOnSignal(log: Logger, stop: () => Promise<void>): void {
  let stopping = false;
  const onSignal = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info(`${signal}: finishing the running jobs, taking no new ones`);
    try {
      await stop();
      process.exit(0);
    } catch (error) {
      log.error({ err: error }, 'stopping failed');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void onSignal('SIGTERM'));
  process.on('SIGINT', () => void onSignal('SIGINT'));
}
