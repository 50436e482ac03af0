import { COMMENT_MARKER } from '../../reporters/markdown-markers.ts';
import type { GitHubClient, PullRequestRef } from './client.ts';

/** GitHub rejects issue comments longer than this. */
export const COMMENT_MAX_LENGTH = 65_536;

const PAGE_SIZE = 100;

export interface ReviewComment {
  id: number;
  body: string;
  /** When it was last written, by Headroom or by someone ticking a box. */
  updatedAt?: string;
}

export interface FindOptions {
  /** Only comments by this login count (`headroom[bot]`, `github-actions[bot]`); the marker is always required. */
  author?: string;
}

/**
 * Headroom's comment on a pull request: the oldest one carrying the marker (and by the author,
 * when given). Reads every page, so a long discussion does not hide it and cause a second comment.
 */
export async function findReviewComment(
  client: GitHubClient,
  pr: PullRequestRef,
  options: FindOptions = {},
): Promise<ReviewComment | undefined> {
  for (let page = 1; ; page++) {
    const { data } = await client.request('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', {
      owner: pr.owner,
      repo: pr.repo,
      issue_number: pr.number,
      per_page: PAGE_SIZE,
      page,
    });
    const found = data.find(
      (comment) =>
        comment.body?.includes(COMMENT_MARKER) &&
        (options.author === undefined || comment.user?.login === options.author),
    );
    if (found) return { id: Number(found.id), body: found.body ?? '', updatedAt: found.updated_at };
    if (data.length < PAGE_SIZE) return undefined;
  }
}

/**
 * Creates the comment, or edits `existing` in place. An unchanged body is not written again:
 * it saves a request and spares watchers an `issue_comment.edited` event.
 */
export async function writeReviewComment(
  client: GitHubClient,
  pr: PullRequestRef,
  existing: ReviewComment | undefined,
  body: string,
): Promise<ReviewComment> {
  if (body.length > COMMENT_MAX_LENGTH) {
    throw new Error(`The review comment is ${body.length} characters; GitHub accepts ${COMMENT_MAX_LENGTH}.`);
  }
  if (existing?.body === body) return existing;
  if (existing) {
    const { data } = await client.request('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', {
      owner: pr.owner,
      repo: pr.repo,
      comment_id: existing.id,
      body,
    });
    return { id: Number(data.id), body };
  }
  const { data } = await client.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
    owner: pr.owner,
    repo: pr.repo,
    issue_number: pr.number,
    body,
  });
  return { id: Number(data.id), body };
}
