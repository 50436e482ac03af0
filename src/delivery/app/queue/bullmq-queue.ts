import { DelayedError, type Job, Queue, UnrecoverableError, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { jobKey, type ReviewJob } from '../review-job.ts';
import type { JobOutcome } from '../run-review-job.ts';
import type { InstallationBudget } from './installation-budget.ts';
import {
  asJobFailure,
  type Enqueued,
  type JobObserver,
  type JobQueue,
  type JobRunner,
  type QueueHealth,
  type QueueStats,
  RETRY,
  type StartObserver,
} from './job-queue.ts';

export interface BullQueueOptions {
  redisUrl: string;
  name: string;
  budget: InstallationBudget;
  /** Given a runner, this process works jobs too; without one it only queues them. */
  worker?: { runner: JobRunner; concurrency: number; lockMs: number };
  observe?: JobObserver;
  started?: StartObserver;
  retry?: { attempts: number; firstDelayMs: number };
}

const HEALTH_TIMEOUT_MS = 1_000;

/** A job of an installation at its cap, or short of rate limit, waits this long before it is tried again. */
const TURN_WAIT_MS = 1_000;

/**
 * The queue on Redis, with BullMQ as the engine; any number of processes queue and work jobs.
 * - A job's id is its delivery and pull request: a redelivery is not queued twice.
 * - Its deduplication id is the pull request, with `keepLastIfActive`: while one job of a pull
 *   request waits, another delivery adds nothing (the waiting job reads the newest head when it
 *   runs); while one runs, the latest delivery is kept and queued when it ends. So no two jobs of
 *   one pull request ever run at once, on any worker.
 * - A worker killed mid-job stops renewing its lock; BullMQ's stalled-job check hands the job to
 *   another worker, which finds the head's check run and completes it.
 */
export class BullQueue implements JobQueue {
  readonly engine = 'bullmq';
  readonly #options: BullQueueOptions;
  readonly #queue: Queue;
  readonly #worker: Worker | undefined;
  readonly #connections: Redis[] = [];

  constructor(options: BullQueueOptions) {
    this.#options = options;
    this.#queue = new Queue(options.name, { connection: this.#connect() });
    const work = options.worker;
    this.#worker =
      work &&
      new Worker(options.name, (job, token) => this.#process(job, token), {
        connection: this.#connect(),
        concurrency: work.concurrency,
        lockDuration: work.lockMs,
        stalledInterval: work.lockMs,
        maxStalledCount: 2,
      });
    // BullMQ reports a failed job and a lost connection as events; an unheard `error` would end the process.
    this.#worker?.on('error', () => undefined);
    this.#queue.on('error', () => undefined);
  }

  async add(job: ReviewJob): Promise<Enqueued> {
    const id = jobIdOf(job);
    if (await this.#queue.getJob(id)) return 'duplicate';
    const retry = this.#options.retry ?? RETRY;
    const added = await this.#queue.add('review', job, {
      jobId: id,
      deduplication: { id: jobKey(job), keepLastIfActive: true },
      attempts: retry.attempts,
      backoff: { type: 'exponential', delay: retry.firstDelayMs },
      // Kept a day so that a redelivery is recognised; failed ones a week, to be looked at.
      removeOnComplete: { age: 24 * 3600, count: 10_000 },
      removeOnFail: { age: 7 * 24 * 3600 },
    });
    return added.id === id ? 'queued' : 'merged';
  }

  async stats(): Promise<QueueStats> {
    const counts = await this.#queue.getJobCounts('waiting', 'prioritized', 'active', 'delayed');
    const [oldest] = await this.#queue.getJobs(['waiting', 'prioritized'], 0, 0, true);
    return {
      waiting: (counts.waiting ?? 0) + (counts.prioritized ?? 0),
      active: counts.active ?? 0,
      delayed: counts.delayed ?? 0,
      oldestWaitingMs: oldest ? Date.now() - (oldest.data as ReviewJob).receivedAt : 0,
    };
  }

  async health(): Promise<QueueHealth> {
    try {
      // The queue's own connection, not a new one: the question is whether this process reaches Redis.
      const [connection] = this.#connections;
      // Commands wait for a lost connection to come back; a health check must not.
      const timeout = new Promise<never>((_, reject) => {
        setTimeout(
          () => reject(new Error(`no answer in ${HEALTH_TIMEOUT_MS} ms`)),
          HEALTH_TIMEOUT_MS,
        ).unref();
      });
      await Promise.race([connection?.ping(), timeout]);
      return { ok: true, detail: 'redis reachable' };
    } catch (error) {
      return {
        ok: false,
        detail: `redis unreachable: ${error instanceof Error ? error.message : String(error)}`,
      };
    }
  }

  /** Stops taking jobs and waits for the running ones; waiting jobs stay in Redis for the other workers. */
  async close(): Promise<void> {
    await this.#worker?.close();
    await this.#options.worker?.runner.close();
    await this.#queue.close();
    for (const connection of this.#connections) connection.disconnect();
  }

  #connect(): Redis {
    // BullMQ's workers block on Redis: they must not give up on a slow answer.
    const connection = new Redis(this.#options.redisUrl, { maxRetriesPerRequest: null });
    connection.on('error', () => undefined);
    this.#connections.push(connection);
    return connection;
  }

  async #process(bullJob: Job<ReviewJob>, token: string | undefined): Promise<JobOutcome['kind']> {
    const job = bullJob.data;
    const work = this.#options.worker;
    if (!work) throw new Error('this process does not work jobs');
    const { budget, observe } = this.#options;
    const wait = budget.waitForBudget(job.installationId);
    if (wait > 0 || (await this.#othersRunning(bullJob)) >= budget.perInstallation) {
      await bullJob.moveToDelayed(Date.now() + Math.max(wait, TURN_WAIT_MS), token);
      throw new DelayedError();
    }
    const attempts = bullJob.opts.attempts ?? 1;
    const attempt = { number: bullJob.attemptsStarted, final: bullJob.attemptsMade + 1 >= attempts };
    const started = Date.now();
    this.#options.started?.(job, attempt);
    try {
      const outcome = await work.runner.run(job, attempt);
      observe?.({ job, durationMs: Date.now() - started, outcome });
      if (outcome.kind === 'expanded') for (const next of outcome.jobs) await this.add(next);
      return outcome.kind;
    } catch (error) {
      const failure = asJobFailure(error);
      observe?.({
        job,
        durationMs: Date.now() - started,
        failure,
        willRetry: !failure.final && !attempt.final,
      });
      throw failure.final ? new UnrecoverableError(failure.message) : failure;
    }
  }

  /**
   * Jobs of the same installation that took their turn before this one and run now, on any
   * worker: BullMQ's active list is the cluster's. Counting only earlier ones breaks the tie
   * between two jobs that start together, which would otherwise both step back, again and again.
   */
  async #othersRunning(self: Job<ReviewJob>): Promise<number> {
    const active = await this.#queue.getActive(0, 500);
    const turn = (job: Job) => [job.processedOn ?? Number.POSITIVE_INFINITY, job.timestamp] as const;
    const [mine, since] = turn(self);
    return active.filter((other) => {
      if (other.id === self.id || other.data.installationId !== self.data.installationId) return false;
      const [theirs, queuedAt] = turn(other);
      return theirs < mine || (theirs === mine && queuedAt < since);
    }).length;
  }
}

/** BullMQ ids may not contain `:`; a delivery id with its job's key is unique per job. */
function jobIdOf(job: ReviewJob): string {
  return `${job.deliveryId}~${jobKey(job)}`.replaceAll(':', '_');
}
