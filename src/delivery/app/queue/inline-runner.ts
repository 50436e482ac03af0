import type { ReviewJob } from '../review-job.ts';
import {
  type Attempt,
  FinalJobError,
  type JobEnvironment,
  type JobOutcome,
  runReviewJob,
} from '../run-review-job.ts';
import { JobFailure, type JobRunner } from './job-queue.ts';

/**
 * Runs jobs on this thread. The worker threads use it inside; tests use it directly, so that
 * nock, which patches this thread's network, answers the job's requests.
 */
export class InlineRunner implements JobRunner {
  readonly environment: (job: ReviewJob) => JobEnvironment;

  constructor(environment: (job: ReviewJob) => JobEnvironment) {
    this.environment = environment;
  }

  async run(job: ReviewJob, attempt: Attempt): Promise<JobOutcome> {
    try {
      return await runReviewJob(job, this.environment(job), attempt);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new JobFailure(message, error instanceof FinalJobError);
    }
  }

  async close(): Promise<void> {}
}
