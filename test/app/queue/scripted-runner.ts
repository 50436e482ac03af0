import type { JobFailure, JobRunner } from '../../../src/delivery/app/queue/job-queue.ts';
import { jobKey, type ReviewJob } from '../../../src/delivery/app/review-job.ts';
import type { Attempt, JobOutcome } from '../../../src/delivery/app/run-review-job.ts';

interface Run {
  job: ReviewJob;
  attempt: Attempt;
  release(result?: JobOutcome | JobFailure): void;
}

/**
 * A runner whose jobs wait until the test releases them: the queue engines are real, what the
 * jobs would do on GitHub is not the question here. Records what ran, when, and how many at once.
 */
export class ScriptedRunner implements JobRunner {
  readonly runs: Run[] = [];
  readonly #waiters: Array<() => void> = [];
  /** Jobs of the same key seen running together: must stay empty. */
  readonly overlaps: string[] = [];
  readonly #running = new Set<string>();
  /** Release every job at once with this outcome, instead of holding it. */
  autoRelease: JobOutcome | undefined;
  /** Failures to throw on the first runs, in order, before outcomes. */
  failures: JobFailure[] = [];

  async run(job: ReviewJob, attempt: Attempt): Promise<JobOutcome> {
    const key = jobKey(job);
    if (this.#running.has(key)) this.overlaps.push(key);
    this.#running.add(key);
    try {
      const failure = this.failures.shift();
      if (failure) throw failure;
      const result = await new Promise<JobOutcome | JobFailure>((resolve) => {
        this.runs.push({
          job,
          attempt,
          release: (value) => resolve(value ?? { kind: 'reviewed', headSha: job.headSha }),
        });
        for (const waiter of this.#waiters.splice(0)) waiter();
        if (this.autoRelease) resolve(this.autoRelease);
      });
      if (result instanceof Error) throw result;
      return result;
    } finally {
      this.#running.delete(key);
    }
  }

  /** Resolves once `count` runs have started. */
  async started(count: number, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.runs.length < count) {
      if (Date.now() > deadline) throw new Error(`only ${this.runs.length} of ${count} runs started`);
      await new Promise<void>((resolve) => {
        this.#waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
  }

  async close(): Promise<void> {}
}
