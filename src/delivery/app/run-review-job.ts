import { type FoundCheckRun, failCheckRun, latestCheckRun, startCheckRun } from '../github/check-run.ts';
import type { GitHubClient, RepoRef } from '../github/client.ts';
import { findReviewComment } from '../github/review-comment.ts';
import type { AppIdentity } from './app-identity.ts';
import { targetOf, targetsOfCheck } from './pull-request-targets.ts';
import type { ReviewJob } from './review-job.ts';
import { type PullRequestTarget, type ReviewOptions, reviewPullRequest } from './review-pull-request.ts';
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
 * one, a closed or drafted pull request is left alone. A check run the head still has in progress
 * (a retry, a job taken over after a crash) is completed rather than a second one created; a
 * completed one is never updated again (GitHub would list its annotations twice). A review the
 * comment already shows is not done again. A failure is
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
    const latest = fresh ? undefined : await latestCheckRun(client, repo, target.headSha, me.id);
    if (latest?.status === 'completed') {
      if (edits.length === 0 && !job.freshCheckRun && (await upToDate(client, target, latest, me.botLogin))) {
        return { kind: 'skipped', reason: `already reviewed at ${target.headSha.slice(0, 7)}` };
      }
    } else checkRunId = latest?.id;
    checkRunId ??= await startCheckRun(client, repo, target.headSha, target.baseSha);
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

/**
 * The head was reviewed against this base, and the comment has not changed since that run
 * completed: another review would write the same. A comment written later (a review of another
 * head, a force-push back to this one) is out of date, and the head is reviewed again.
 */
async function upToDate(
  client: GitHubClient,
  target: PullRequestTarget,
  run: FoundCheckRun,
  botLogin: string,
): Promise<boolean> {
  if (run.baseSha !== target.baseSha || !run.completedAt) return false;
  const comment = await findReviewComment(client, target, { author: botLogin });
  return comment?.updatedAt !== undefined && Date.parse(comment.updatedAt) <= Date.parse(run.completedAt);
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
