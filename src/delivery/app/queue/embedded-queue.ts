import { jobKey, mergeJobs, type ReviewJob } from '../review-job.ts';
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
  retryDelayMs,
  type StartObserver,
} from './job-queue.ts';
import { RecentDeliveries } from './recent-deliveries.ts';

interface Waiting {
  job: ReviewJob;
  attempt: number;
  /** Not before this time (a retry's backoff). */
  readyAt: number;
}

export interface EmbeddedQueueOptions {
  runner: JobRunner;
  budget: InstallationBudget;
  /** Jobs running at once in this process. */
  concurrency: number;
  observe?: JobObserver;
  started?: StartObserver;
  retry?: { attempts: number; firstDelayMs: number };
}

/**
 * The queue of one process, for one organisation: no Redis. One job waits per pull request; a
 * newer delivery takes the waiting one's place (its edits kept), so no superseded head is
 * reviewed. One job runs per pull request at a time; an installation at its cap or short of rate
 * limit waits while the others' jobs go first. Nothing survives a restart: a job lost that way
 * has created no check run yet, or left one that the next push replaces.
 */
export class EmbeddedQueue implements JobQueue {
  readonly engine = 'embedded';
  readonly #waiting = new Map<string, Waiting>();
  readonly #running = new Map<string, Promise<void>>();
  readonly #seen = new RecentDeliveries();
  readonly #idle = new Set<() => void>();
  #timer: NodeJS.Timeout | undefined;
  #closing = false;

  readonly options: EmbeddedQueueOptions;

  constructor(options: EmbeddedQueueOptions) {
    this.options = options;
  }

  async add(job: ReviewJob): Promise<Enqueued> {
    if (this.#closing) throw new Error('The queue is closing; the delivery is not taken.');
    const key = jobKey(job);
    if (!this.#seen.first(`${job.deliveryId} ${key}`)) return 'duplicate';
    const waiting = this.#waiting.get(key);
    if (waiting) {
      waiting.job = mergeJobs(waiting.job, job);
      return 'merged';
    }
    this.#waiting.set(key, { job, attempt: 1, readyAt: 0 });
    this.#pump();
    return 'queued';
  }

  async stats(): Promise<QueueStats> {
    const now = Date.now();
    let delayed = 0;
    let oldest = now;
    for (const { job, readyAt } of this.#waiting.values()) {
      if (readyAt > now || this.options.budget.waitForBudget(job.installationId, now) > 0) delayed++;
      oldest = Math.min(oldest, job.receivedAt);
    }
    return {
      waiting: this.#waiting.size - delayed,
      active: this.#running.size,
      delayed,
      oldestWaitingMs: now - oldest,
    };
  }

  async health(): Promise<QueueHealth> {
    return { ok: !this.#closing, detail: this.#closing ? 'closing' : 'embedded queue' };
  }

  /** Resolves when nothing waits or runs. */
  idle(): Promise<void> {
    if (this.#waiting.size === 0 && this.#running.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.#idle.add(resolve));
  }

  async close(): Promise<void> {
    this.#closing = true;
    clearTimeout(this.#timer);
    await Promise.all(this.#running.values());
    this.#waiting.clear();
    await this.options.runner.close();
    this.#settle();
  }

  #pump(): void {
    if (this.#closing) return;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const now = Date.now();
    let soonest = Number.POSITIVE_INFINITY;
    for (const [key, waiting] of this.#waiting) {
      if (this.#running.size >= this.options.concurrency) return;
      if (this.#running.has(key) || this.options.budget.atCap(waiting.job.installationId)) continue;
      const readyAt = Math.max(
        waiting.readyAt,
        now + this.options.budget.waitForBudget(waiting.job.installationId, now),
      );
      if (readyAt > now) {
        soonest = Math.min(soonest, readyAt);
        continue;
      }
      this.#waiting.delete(key);
      this.#running.set(key, this.#start(key, waiting));
    }
    if (Number.isFinite(soonest)) this.#timer = setTimeout(() => this.#pump(), soonest - now).unref();
  }

  async #start(key: string, { job, attempt }: Waiting): Promise<void> {
    const { runner, budget, observe } = this.options;
    const retry = this.options.retry ?? RETRY;
    const started = Date.now();
    budget.started(job.installationId);
    try {
      const run = { number: attempt, final: attempt >= retry.attempts };
      this.options.started?.(job, run);
      const outcome = await runner.run(job, run);
      observe?.({ job, durationMs: Date.now() - started, outcome });
      if (outcome.kind === 'expanded') for (const next of outcome.jobs) await this.add(next);
    } catch (error) {
      const failure = asJobFailure(error);
      const willRetry = !failure.final && attempt < retry.attempts && !this.#closing;
      observe?.({ job, durationMs: Date.now() - started, failure, willRetry });
      if (willRetry) this.#retryLater(key, job, attempt, retry.firstDelayMs);
    } finally {
      budget.finished(job.installationId);
      this.#running.delete(key);
      this.#pump();
      this.#settle();
    }
  }

  /** A newer delivery that came meanwhile is folded in: the retry reviews the newest head. */
  #retryLater(key: string, job: ReviewJob, attempt: number, firstDelayMs: number): void {
    const newer = this.#waiting.get(key);
    const readyAt = Date.now() + retryDelayMs(attempt, firstDelayMs);
    this.#waiting.delete(key);
    this.#waiting.set(key, { job: newer ? mergeJobs(job, newer.job) : job, attempt: attempt + 1, readyAt });
  }

  #settle(): void {
    if (this.#waiting.size > 0 || this.#running.size > 0) return;
    for (const resolve of this.#idle) resolve();
    this.#idle.clear();
  }
}
