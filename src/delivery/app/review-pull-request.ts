import { type BlobCache, GitHubFileSet } from '../../files/github-file-set.ts';
import { renderMarkdown } from '../../reporters/markdown.ts';
import { applyAcknowledgements } from '../../review/acknowledge.ts';
import { compareWithBase } from '../../review/compare.ts';
import { review } from '../../review/run-review.ts';
import { acknowledgementsIn, type ChecklistEdit, withEdit } from '../github/acknowledgements.ts';
import { completeCheckRun, supersedeCheckRun } from '../github/check-run.ts';
import { checkRunOutput } from '../github/check-run-output.ts';
import type { GitHubClient, PullRequestRef } from '../github/client.ts';
import { COMMENT_MAX_LENGTH, findReviewComment, writeReviewComment } from '../github/review-comment.ts';

/** Where the review config lives; read from the head commit and applied to both sides. */
export const CONFIG_PATH = '.github/headroom.yml';

/** A pull request as the review needs it. Commits are read from the base repository, forks included. */
export interface PullRequestTarget extends PullRequestRef {
  headSha: string;
  baseSha: string;
}

export type ReviewOptions = NonNullable<Parameters<typeof review>[1]>;

export interface ReviewRun {
  client: GitHubClient;
  /** The App's bot login: only its comment is Headroom's. */
  botLogin: string;
  checkRunId: number;
  /** Checklist edits being handled, replayed on the comment as it is right before writing. */
  edits: readonly ChecklistEdit[];
  reviewOptions?: ReviewOptions;
  /** The pull request's head now, asked right before writing: a newer one means this review is stale. */
  currentHead(): Promise<string>;
}

export type ReviewEnd = { kind: 'reviewed' } | { kind: 'superseded'; by: string };

/**
 * Reviews head and base, marks what the pull request introduces, applies the acknowledgements
 * the comment holds at the last moment, writes the one comment and completes the check run.
 * A push during the review makes it stale: it writes nothing but the check run's "superseded".
 */
export async function reviewPullRequest(target: PullRequestTarget, run: ReviewRun): Promise<ReviewEnd> {
  const { client } = run;
  const blobs: BlobCache = new Map();
  const { owner, repo } = target;
  const headFiles = new GitHubFileSet(client, { owner, repo, sha: target.headSha }, { blobs });
  const baseFiles = new GitHubFileSet(client, { owner, repo, sha: target.baseSha }, { blobs });

  const head = await review(headFiles, {
    ...run.reviewOptions,
    configPath: CONFIG_PATH,
    migrationBase: baseFiles,
  });
  // Already fetched by the head review: the cache answers, no request is made.
  const config = (await headFiles.read([CONFIG_PATH])).get(CONFIG_PATH);
  const configText = config?.kind === 'text' ? config.text : undefined;
  const base = await review(baseFiles, {
    ...run.reviewOptions,
    configPath: CONFIG_PATH,
    configText,
    migrationBase: baseFiles,
  });
  const compared = compareWithBase(head, base);

  const newest = await run.currentHead();
  if (newest !== target.headSha) {
    await supersedeCheckRun(client, target, run.checkRunId, newest);
    return { kind: 'superseded', by: newest };
  }
  const existing = await findReviewComment(client, target, { author: run.botLogin });
  const acks = run.edits.reduce(withEdit, acknowledgementsIn(existing?.body));
  const result = applyAcknowledgements(compared, acks);
  const body = renderMarkdown(result, {
    context: 'comment',
    interactive: true,
    maxLength: COMMENT_MAX_LENGTH,
  });
  await writeReviewComment(client, target, existing, body);
  await completeCheckRun(client, target, run.checkRunId, checkRunOutput(result));
  return { kind: 'reviewed' };
}
