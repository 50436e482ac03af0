import type { Probot } from 'probot';
import type { GitHubClient } from '../github/client.ts';
import { appIdentity } from './app-identity.ts';
import type { RequestObservation } from './queue/installation-budget.ts';
import { jobLogFields, type ReviewJob } from './review-job.ts';
import type { ReviewOptions } from './review-pull-request.ts';
import type { JobEnvironment } from './run-review-job.ts';

export interface EnvironmentOptions {
  reviewOptions?: ReviewOptions;
  /** Told of every GitHub answer: the installation's remaining budget, for scheduling and metrics. */
  observe?: (observation: RequestObservation) => void;
}

/**
 * The environment of jobs run by this Probot: installation clients whose every log line names the
 * job, and whose answers report the installation's rate limit.
 */
export function probotEnvironment(
  app: Probot,
  options: EnvironmentOptions = {},
): (job: ReviewJob) => JobEnvironment {
  const identity = appIdentity(app);
  return (job) => ({
    identity,
    reviewOptions: options.reviewOptions,
    clientFor: async (installationId) => {
      const octokit = await app.auth(installationId);
      // probot's request logging writes through `octokit.log`: its lines then name the job too.
      octokit.log = app.log.child(jobLogFields(job)) as unknown as typeof octokit.log;
      octokit.hook.after('request', (response) => {
        options.observe?.({ installationId, ...rateLimitIn(response.headers) });
      });
      octokit.hook.error('request', (error) => {
        const headers = (error as { response?: { headers?: Record<string, unknown> } }).response?.headers;
        if (headers) options.observe?.({ installationId, ...rateLimitIn(headers) });
        throw error;
      });
      return octokit as unknown as GitHubClient;
    },
  });
}

function rateLimitIn(headers: Record<string, unknown>): Omit<RequestObservation, 'installationId'> {
  const remaining = Number(headers['x-ratelimit-remaining']);
  const reset = Number(headers['x-ratelimit-reset']);
  if (
    !Number.isFinite(remaining) ||
    !Number.isFinite(reset) ||
    headers['x-ratelimit-remaining'] === undefined
  )
    return {};
  return { remaining, resetAt: reset * 1000 };
}
