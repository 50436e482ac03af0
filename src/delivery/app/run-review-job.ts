import { failCheckRun, findCheckRun, startCheckRun } from '../github/check-run.ts';
import type { GitHubClient, RepoRef } from '../github/client.ts';
import type { AppIdentity } from './app-identity.ts';
import { targetOf, targetsOfCheck } from './pull-request-targets.ts';
import type { ReviewJob } from './review-job.ts';
import { type ReviewOptions, reviewPullRequest } from './review-pull-request.ts';
import { isTransient } from './transient-error.ts';

/** What a job needs from the process it runs in. */
export interface JobEnvironment {
  /** An installation's client, with its own throttle and token. */
  clientFor(installationId: number): Promise<GitHubClient>;
  identity(): Promise<AppIdentity>;
  reviewOptions?: ReviewOptions;
}

export interface Attempt {
  /** 1 for the first run; a retry or a run taken over from a killed worker is more. */
  number: number;
  /** No retry follows: a failure now completes the check run. */
  final: boolean;
}

export type JobOutcome =
  | { kind: 'reviewed'; headSha: string }
  | { kind: 'superseded'; headSha: string; by: string }
  | { kind: 'skipped'; reason: string }
  /** A fork's re-run, resolved into one job per pull request, to be queued under their own keys. */
  | { kind: 'expanded'; jobs: ReviewJob[] };

/** A failure that retrying will not mend; the check run already says so. */
export class FinalJobError extends Error {
  override readonly name = 'FinalJobError';
}

/**
 * Runs one job against the pull request as it is now: a job for an older head reviews the newest
 * one, a closed or drafted pull request is left alone. The head's check run is reused (a retry, a
 * redelivery, a job taken over after a crash), unless GitHub asked for a re-run. A failure is
 * thrown for the queue to retry while it is transient and retries remain; otherwise the check run
 * is completed `neutral` with the reason, never left in progress.
 */
export async function runReviewJob(
  job: ReviewJob,
  env: JobEnvironment,
  attempt: Attempt,
): Promise<JobOutcome> {
  let client: GitHubClient | undefined;
  let checkRunId: number | undefined;
  const repo: RepoRef = { owner: job.owner, repo: job.repo };
  try {
    client = await env.clientFor(job.installationId);
    if (job.number === undefined) {
      const targets = await targetsOfCheck(client, repo, job.headSha, []);
      const jobs = targets.map((target) => ({ ...job, number: target.number, headSha: target.headSha }));
      return { kind: 'expanded', jobs };
    }
    const me = await env.identity();
    const edits = job.edits.filter((edit) => edit.commentAuthor === me.botLogin);
    if (!job.reviewAsked && edits.length === 0)
      return { kind: 'skipped', reason: 'edit of a comment that is not Headroom’s' };
    const pull = await readPull(client, repo, job.number);
    if (pull.state !== 'open' || pull.draft)
      return { kind: 'skipped', reason: `pull request is ${pull.draft ? 'a draft' : pull.state}` };

    const target = targetOf(repo, pull);
    const fresh = job.freshCheckRun && attempt.number === 1;
    checkRunId =
      (fresh ? undefined : await findCheckRun(client, repo, target.headSha, me.id)) ??
      (await startCheckRun(client, repo, target.headSha));
    const prClient = client;
    const end = await reviewPullRequest(target, {
      client,
      botLogin: me.botLogin,
      checkRunId,
      edits,
      reviewOptions: env.reviewOptions,
      currentHead: async () => (await readPull(prClient, repo, target.number)).head.sha,
    });
    return end.kind === 'reviewed'
      ? { kind: 'reviewed', headSha: target.headSha }
      : { kind: 'superseded', headSha: target.headSha, by: end.by };
  } catch (error) {
    if (isTransient(error) && !attempt.final) throw error;
    if (client && checkRunId !== undefined) await failCheckRun(client, repo, checkRunId, error);
    throw new FinalJobError(error instanceof Error ? error.message : String(error), { cause: error });
  }
}

interface Pull {
  number: number;
  state: string;
  draft?: boolean;
  head: { sha: string };
  base: { sha: string };
}

async function readPull(client: GitHubClient, repo: RepoRef, number: number): Promise<Pull> {
  const { data } = await client.request('GET /repos/{owner}/{repo}/pulls/{pull_number}', {
    ...repo,
    pull_number: number,
  });
  return data;
}
