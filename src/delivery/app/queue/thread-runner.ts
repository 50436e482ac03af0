import { Worker } from 'node:worker_threads';
import type { ReviewJob } from '../review-job.ts';
import type { Attempt, JobOutcome } from '../run-review-job.ts';
import type { RequestObservation } from './installation-budget.ts';
import { JobFailure, type JobRunner } from './job-queue.ts';

/** What the main thread sends a review thread, and what comes back. */
export type ToThread = { id: number; job: ReviewJob; attempt: Attempt };
export type FromThread =
  | { type: 'request'; observation: RequestObservation }
  | { type: 'done'; id: number; outcome: JobOutcome }
  | { type: 'failed'; id: number; message: string; final: boolean };

interface Running {
  resolve(outcome: JobOutcome): void;
  reject(failure: JobFailure): void;
}

export interface ThreadRunnerOptions {
  threads: number;
  /** Jobs one thread runs at once: a review mostly waits on GitHub, so a thread has room for several. */
  jobsPerThread: number;
  /** The thread's module: `job-thread.ts` from a checkout, `app-thread.js` beside the bundle. */
  entry: URL;
  /** Passed to every thread as `workerData`: how to reach GitHub as the App. */
  workerData: unknown;
  observe?: (observation: RequestObservation) => void;
}

/**
 * Runs jobs on a pool of worker threads, so that parsing a large repository (a second or more of
 * CPU) never holds up the thread that answers webhooks. Each job goes to the least busy thread. A
 * thread that dies fails its jobs as transient failures, which the queue retries, and is replaced.
 */
export class ThreadRunner implements JobRunner {
  readonly #options: ThreadRunnerOptions;
  readonly #waiters: Array<(worker: Worker) => void> = [];
  readonly #running = new Map<Worker, Map<number, Running>>();
  #nextId = 1;
  #closed = false;

  constructor(options: ThreadRunnerOptions) {
    this.#options = options;
    for (let index = 0; index < options.threads; index++) this.#spawn();
  }

  async run(job: ReviewJob, attempt: Attempt): Promise<JobOutcome> {
    const worker = await this.#take();
    const id = this.#nextId++;
    try {
      return await new Promise<JobOutcome>((resolve, reject) => {
        const running = this.#running.get(worker);
        if (!running) return reject(new JobFailure('the review thread stopped before the job began', false));
        running.set(id, { resolve, reject });
        worker.postMessage({ id, job, attempt } satisfies ToThread);
      });
    } finally {
      this.#freed();
    }
  }

  async close(): Promise<void> {
    this.#closed = true;
    await Promise.all([...this.#running.keys()].map((worker) => worker.terminate()));
  }

  #spawn(): void {
    const worker = new Worker(this.#options.entry, { workerData: this.#options.workerData });
    this.#running.set(worker, new Map());
    worker.on('message', (message: FromThread) => this.#receive(worker, message));
    worker.on('error', (error) => this.#lost(worker, `the review thread failed: ${error.message}`));
    worker.on('exit', (code) => this.#lost(worker, `the review thread exited with code ${code}`));
  }

  #receive(worker: Worker, message: FromThread): void {
    if (message.type === 'request') {
      this.#options.observe?.(message.observation);
      return;
    }
    const running = this.#running.get(worker);
    const waiting = running?.get(message.id);
    running?.delete(message.id);
    if (message.type === 'done') waiting?.resolve(message.outcome);
    else waiting?.reject(new JobFailure(message.message, message.final));
  }

  #lost(worker: Worker, reason: string): void {
    const running = this.#running.get(worker);
    if (!running) return;
    this.#running.delete(worker);
    for (const job of running.values()) job.reject(new JobFailure(reason, false));
    if (!this.#closed) {
      this.#spawn();
      this.#freed();
    }
  }

  /** The least busy thread with room for one more job, or undefined when every thread is full. */
  #leastBusy(): Worker | undefined {
    let best: Worker | undefined;
    for (const [worker, running] of this.#running) {
      if (running.size >= this.#options.jobsPerThread) continue;
      if (!best || running.size < (this.#running.get(best)?.size ?? 0)) best = worker;
    }
    return best;
  }

  #take(): Promise<Worker> {
    const worker = this.#leastBusy();
    if (worker) return Promise.resolve(worker);
    return new Promise((resolve) => this.#waiters.push(resolve));
  }

  #freed(): void {
    const worker = this.#waiters.length > 0 ? this.#leastBusy() : undefined;
    if (worker) this.#waiters.shift()?.(worker);
  }
}
