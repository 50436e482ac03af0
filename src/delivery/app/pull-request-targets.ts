import type { GitHubClient, RepoRef } from '../github/client.ts';
import type { PullRequestTarget } from './review-pull-request.ts';

interface PullLike {
  number: number;
  head: { sha: string };
  base: { sha: string };
}

export function targetOf(repo: RepoRef, pull: PullLike): PullRequestTarget {
  return { ...repo, number: pull.number, headSha: pull.head.sha, baseSha: pull.base.sha };
}

/**
 * The pull requests a re-requested check belongs to. GitHub leaves `pull_requests` empty when the
 * head is in a fork, so then the open pull requests whose head is this commit are asked for.
 */
export async function targetsOfCheck(
  client: GitHubClient,
  repo: RepoRef,
  headSha: string,
  pullRequests: readonly PullLike[],
): Promise<PullRequestTarget[]> {
  if (pullRequests.length > 0) return pullRequests.map((pull) => targetOf(repo, pull));
  const { data } = await client.request('GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls', {
    ...repo,
    commit_sha: headSha,
  });
  return data
    .filter((pull) => pull.state === 'open' && !pull.draft && pull.head.sha === headSha)
    .map((pull) => targetOf(repo, pull));
}
