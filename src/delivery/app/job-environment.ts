import Bottleneck from 'bottleneck';
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
      const log = app.log.child(jobLogFields(job));
      const writes = observed(await app.auth(installationId), installationId, log, options.observe);
      const reads = observed(await readsClient(app, installationId), installationId, log, options.observe);
      return { request: writes.request, graphql: reads.graphql } as unknown as GitHubClient;
    },
  });
}

type Installed = Awaited<ReturnType<Probot['auth']>>;

/** Reports every answer's rate limit; probot's request logging writes through `octokit.log`, so its lines name the job. */
function observed(
  octokit: Installed,
  installationId: number,
  log: Probot['log'],
  observe: EnvironmentOptions['observe'],
): Installed {
  octokit.log = log as unknown as typeof octokit.log;
  octokit.hook.after('request', (response) => {
    observe?.({ installationId, ...rateLimitIn(response.headers) });
  });
  octokit.hook.error('request', (error) => {
    const headers = (error as { response?: { headers?: Record<string, unknown> } }).response?.headers;
    if (headers) observe?.({ installationId, ...rateLimitIn(headers) });
    throw error;
  });
  return octokit;
}

/** Read-only GraphQL queries of one installation at once, per process; no spacing between them. */
export const READS_AT_ONCE = 2;
const reads = new Bottleneck.Group({ maxConcurrent: READS_AT_ONCE, minTime: 0 });

/**
 * The installation's client for the file set's GraphQL queries. The throttling plugin spaces every
 * GraphQL request by a second, as if it were a write, since a mutation may hide in any; GitHub asks
 * that spacing of requests that create content. The blob queries only read, so this client's write
 * limiter is a read limiter: two at a time, no wait. It is made as probot makes an installation's
 * client (the same token cache, retries and rate-limit handling), with that one limiter changed.
 */
async function readsClient(app: Probot, installationId: number): Promise<Installed> {
  const appOctokit = await app.auth();
  return (await appOctokit.auth({
    type: 'installation',
    installationId,
    factory: ({ octokit, octokitOptions, ...otherOptions }: Factory) =>
      new (octokit.constructor as new (options: object) => Installed)({
        ...octokitOptions,
        throttle: { ...octokitOptions.throttle, id: String(installationId), write: reads },
        auth: { ...octokitOptions.auth, otherOptions, installationId },
      }),
  })) as Installed;
}

interface Factory {
  octokit: Installed;
  octokitOptions: { throttle?: object; auth?: object };
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
