import type { ReviewJob } from '../review-job.ts';
import type { Attempt, JobOutcome } from '../run-review-job.ts';

/** What `add` did: a new job, folded into one already waiting for the same pull request, or a redelivery. */
export type Enqueued = 'queued' | 'merged' | 'duplicate';

export interface QueueStats {
  waiting: number;
  active: number;
  /** Waiting for a retry, a rate-limit reset or an installation's turn. */
  delayed: number;
  /** Age of the oldest job not yet started, in milliseconds; 0 when none waits. */
  oldestWaitingMs: number;
}

export interface QueueHealth {
  ok: boolean;
  detail: string;
}

/** The queue between the webhook front door and the reviews; embedded or BullMQ. */
export interface JobQueue {
  readonly engine: 'embedded' | 'bullmq';
  add(job: ReviewJob): Promise<Enqueued>;
  stats(): Promise<QueueStats>;
  health(): Promise<QueueHealth>;
  /** Stops taking jobs, lets the running ones finish, and releases the queue. */
  close(): Promise<void>;
}

/** Runs a job somewhere: in this thread (tests) or in a pool of worker threads. */
export interface JobRunner {
  run(job: ReviewJob, attempt: Attempt): Promise<JobOutcome>;
  close(): Promise<void>;
}

/** A job's failure as the queue sees it, wherever it was run: `final` when no retry can help. */
export class JobFailure extends Error {
  override readonly name = 'JobFailure';
  readonly final: boolean;

  constructor(message: string, final: boolean) {
    super(message);
    this.final = final;
  }
}

/** Retries of a transient failure: attempts in all, and the first wait, doubled each time. */
export const RETRY = { attempts: 4, firstDelayMs: 2_000 } as const;

export function retryDelayMs(attemptsMade: number, firstDelayMs: number = RETRY.firstDelayMs): number {
  return firstDelayMs * 2 ** Math.max(0, attemptsMade - 1);
}

/** How a run of a job ended, for metrics and logs. */
export type JobReport =
  | { job: ReviewJob; durationMs: number; outcome: JobOutcome }
  | { job: ReviewJob; durationMs: number; failure: JobFailure; willRetry: boolean };

export type JobObserver = (report: JobReport) => void;

/** Told when a run of a job begins, on whichever worker. */
export type StartObserver = (job: ReviewJob, attempt: Attempt) => void;

/** Wraps whatever a runner threw: its own `JobFailure`, or a transient error of this process. */
export function asJobFailure(error: unknown): JobFailure {
  if (error instanceof JobFailure) return error;
  return new JobFailure(error instanceof Error ? error.message : String(error), false);
}
