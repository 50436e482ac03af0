import Bottleneck from 'bottleneck';
import { ProbotOctokit } from 'probot';

/** Rate-limit waits longer than this are not worth holding a review for; the run fails visibly instead. */
const MAX_RATE_LIMIT_WAIT_SECONDS = 120;
const MAX_LIMIT_RETRIES = 3;

interface LimitedRequest {
  method: string;
  url: string;
}

interface Logging {
  log: { warn(message: string): void };
}

function retryWhenReasonable(kind: string) {
  return (retryAfter: number, options: LimitedRequest, octokit: Logging, retryCount: number): boolean => {
    const retry = retryCount < MAX_LIMIT_RETRIES && retryAfter <= MAX_RATE_LIMIT_WAIT_SECONDS;
    octokit.log.warn(
      `${kind} on ${options.method} ${options.url}; ${retry ? `retrying in ${retryAfter}s` : 'giving up'} (retry ${retryCount + 1}).`,
    );
    return retry;
  };
}

/**
 * Probot's Octokit with limits that suit a review: secondary rate limits are retried with the
 * wait GitHub asks for (probot's own default only logs them), and 5xx answers are retried by
 * the retry plugin with quadratic backoff. Throttling is switched on explicitly: probot keys an
 * installation's limiters by its id only when `enabled` is set, and otherwise throttles nothing.
 * Given Bottleneck's Redis connection, the limiters are shared by every process of the App, so
 * two workers of one installation space their writes as one. The callback form of `defaults`
 * matters: probot passes its throttle options per instance, and a plain object would be
 * overwritten by them.
 */
export function headroomOctokit(
  connection?: Bottleneck.IORedisConnection,
  writeSpacingMs?: number,
): typeof ProbotOctokit {
  // The plugin's own groups space writes (and GraphQL) of one installation by a second.
  const write =
    writeSpacingMs === undefined
      ? undefined
      : new Bottleneck.Group({
          id: 'octokit-write',
          maxConcurrent: 1,
          minTime: writeSpacingMs,
          ...(connection ? { connection } : {}),
        });
  return ProbotOctokit.defaults((options: Record<string, unknown>) => {
    const throttle = options.throttle as { enabled?: boolean } | undefined;
    return {
      ...options,
      throttle: {
        ...throttle,
        // The App's own client (`GET /app`) has no installation: its limiter is the App's.
        enabled: throttle?.enabled ?? true,
        onRateLimit: retryWhenReasonable('Rate limit'),
        onSecondaryRateLimit: retryWhenReasonable('Secondary rate limit'),
        ...(connection ? { Bottleneck, connection } : {}),
        // A client made with its own write limiter (the read-only GraphQL client) keeps it.
        ...(write && !(throttle as { write?: unknown } | undefined)?.write ? { write } : {}),
      },
      retry: { retries: 3, ...(options.retry as object | undefined) },
    };
  });
}

export const HeadroomOctokit = headroomOctokit();
