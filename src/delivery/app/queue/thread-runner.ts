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
  size: number;
  /** The thread's module: `job-thread.ts` from a checkout, `app-thread.js` beside the bundle. */
  entry: URL;
  /** Passed to every thread as `workerData`: how to reach GitHub as the App. */
  workerData: unknown;
  observe?: (observation: RequestObservation) => void;
}

/**
 * Runs jobs on a pool of worker threads, so that parsing a large repository (a second or more of
 * CPU) never holds up the thread that answers webhooks. A thread that dies fails its job as a
 * transient failure, which the queue retries, and is replaced.
 */
export class ThreadRunner implements JobRunner {
  readonly #options: ThreadRunnerOptions;
  readonly #idle: Worker[] = [];
  readonly #waiters: Array<(worker: Worker) => void> = [];
  readonly #running = new Map<Worker, Map<number, Running>>();
  #nextId = 1;
  #closed = false;

  constructor(options: ThreadRunnerOptions) {
    this.#options = options;
    for (let index = 0; index < options.size; index++) this.#idle.push(this.#spawn());
  }

  async run(job: ReviewJob, attempt: Attempt): Promise<JobOutcome> {
    const worker = await this.#take();
    const id = this.#nextId++;
    try {
      return await new Promise<JobOutcome>((resolve, reject) => {
        this.#running.get(worker)?.set(id, { resolve, reject });
        worker.postMessage({ id, job, attempt } satisfies ToThread);
      });
    } finally {
      this.#give(worker);
    }
  }

  async close(): Promise<void> {
    this.#closed = true;
    await Promise.all([...this.#running.keys()].map((worker) => worker.terminate()));
  }

  #spawn(): Worker {
    const worker = new Worker(this.#options.entry, { workerData: this.#options.workerData });
    this.#running.set(worker, new Map());
    worker.on('message', (message: FromThread) => this.#receive(worker, message));
    worker.on('error', (error) => this.#lost(worker, `the review thread failed: ${error.message}`));
    worker.on('exit', (code) => this.#lost(worker, `the review thread exited with code ${code}`));
    return worker;
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
    const idle = this.#idle.indexOf(worker);
    if (idle >= 0) this.#idle.splice(idle, 1);
    if (!this.#closed) this.#give(this.#spawn());
  }

  #take(): Promise<Worker> {
    const worker = this.#idle.pop();
    if (worker) return Promise.resolve(worker);
    return new Promise((resolve) => this.#waiters.push(resolve));
  }

  #give(worker: Worker): void {
    if (!this.#running.has(worker)) return;
    const waiter = this.#waiters.shift();
    if (waiter) waiter(worker);
    else this.#idle.push(worker);
  }
}
