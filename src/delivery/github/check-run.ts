import type { Endpoints } from '@octokit/types';
import type { Conclusion } from '../../review/review-result.ts';
import type { GitHubClient, RepoRef } from './client.ts';

export const CHECK_NAME = 'headroom';

/** GitHub's limits: annotations per create/update request, and characters in `output.summary`. */
export const ANNOTATIONS_PER_REQUEST = 50;
export const SUMMARY_MAX_LENGTH = 65_535;

type UpdateParameters = Endpoints['PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}']['parameters'];
export type CheckAnnotation = NonNullable<NonNullable<UpdateParameters['output']>['annotations']>[number];

export interface CheckRunOutput {
  conclusion: Conclusion | 'skipped';
  title: string;
  summary: string;
  annotations: readonly CheckAnnotation[];
}

/** Shown as soon as the work starts, so the pull request says a review is on its way. */
export async function startCheckRun(
  client: GitHubClient,
  repo: RepoRef,
  headSha: string,
  baseSha?: string,
): Promise<number> {
  const { data } = await client.request('POST /repos/{owner}/{repo}/check-runs', {
    ...repo,
    name: CHECK_NAME,
    head_sha: headSha,
    ...(baseSha ? { external_id: baseSha } : {}),
    status: 'in_progress',
    started_at: new Date().toISOString(),
    output: {
      title: 'Reviewing scaling readiness…',
      summary: 'Headroom is reading the base and head commits.',
    },
  });
  return Number(data.id);
}

export interface FoundCheckRun {
  id: number;
  status: string;
  completedAt?: string;
  /** The base the run reviewed the head against, kept in `external_id`. */
  baseSha?: string;
}

/**
 * This App's latest `headroom` run on a commit. One left in progress (a worker killed, a try that
 * failed) is completed by the job that takes over; a completed one tells whether the head was
 * already reviewed against this base.
 */
export async function latestCheckRun(
  client: GitHubClient,
  repo: RepoRef,
  headSha: string,
  appId: number,
): Promise<FoundCheckRun | undefined> {
  const { data } = await client.request('GET /repos/{owner}/{repo}/commits/{ref}/check-runs', {
    ...repo,
    ref: headSha,
    check_name: CHECK_NAME,
    app_id: appId,
    filter: 'latest',
  });
  const [latest] = data.check_runs;
  if (!latest) return undefined;
  return {
    id: Number(latest.id),
    status: latest.status,
    ...(latest.completed_at ? { completedAt: latest.completed_at } : {}),
    ...(latest.external_id ? { baseSha: latest.external_id } : {}),
  };
}

/**
 * Completes the run with its conclusion and the first 50 annotations, then appends the rest
 * 50 at a time (GitHub appends annotations across updates). Completing first means a failure
 * while appending can never leave the run in progress.
 */
export async function completeCheckRun(
  client: GitHubClient,
  repo: RepoRef,
  checkRunId: number,
  output: CheckRunOutput,
): Promise<void> {
  const summary = clip(output.summary, SUMMARY_MAX_LENGTH);
  const batches = chunk(output.annotations, ANNOTATIONS_PER_REQUEST);
  const [first = [], ...rest] = batches;
  await client.request('PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}', {
    ...repo,
    check_run_id: checkRunId,
    status: 'completed',
    conclusion: output.conclusion,
    completed_at: new Date().toISOString(),
    output: { title: output.title, summary, annotations: [...first] },
  });
  for (const annotations of rest) {
    await client.request('PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}', {
      ...repo,
      check_run_id: checkRunId,
      output: { title: output.title, summary, annotations: [...annotations] },
    });
  }
}

/**
 * Headroom's own failure. Concluded `neutral`, not `failure`: a bug of ours must not block
 * every merge of a team that made `headroom` required; the title says plainly that no review happened.
 */
export async function failCheckRun(
  client: GitHubClient,
  repo: RepoRef,
  checkRunId: number,
  error: unknown,
): Promise<void> {
  const reason = error instanceof Error ? error.message : String(error);
  await completeCheckRun(client, repo, checkRunId, {
    conclusion: 'neutral',
    title: 'Headroom could not complete the review',
    summary: [
      '**Headroom failed before it could review this pull request**, so this run gates nothing.',
      '',
      '```',
      reason,
      '```',
      '',
      'Use **Re-run** on this check to try again. If it keeps failing, please report it with the message above.',
    ].join('\n'),
    annotations: [],
  });
}

/**
 * A review overtaken by a push. Concluded `skipped`: nothing was judged on this commit, and the
 * summary sends the reader to the commit that was.
 */
export async function supersedeCheckRun(
  client: GitHubClient,
  repo: RepoRef,
  checkRunId: number,
  newerSha: string,
): Promise<void> {
  await completeCheckRun(client, repo, checkRunId, {
    conclusion: 'skipped',
    title: `Superseded by ${newerSha.slice(0, 7)}`,
    summary: `A newer commit, ${newerSha}, was pushed while this one was being reviewed; Headroom reviews that one instead.`,
    annotations: [],
  });
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let index = 0; index < items.length; index += size) chunks.push(items.slice(index, index + size));
  return chunks;
}

function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const note = '\n\n… (cut to fit GitHub’s limit)';
  return text.slice(0, max - note.length) + note;
}
