import * as core from '@actions/core';
import type { Octokit } from '@octokit/rest';
import { COMMENT_MARKER, rewriteChecklist } from '../../reporters/markdown-markers.ts';
import { acknowledgementsIn, checklistEdit, withEdit } from '../github/acknowledgements.ts';
import type { RepoRef } from '../github/client.ts';
import { findReviewComment, writeReviewComment } from '../github/review-comment.ts';

// biome-ignore lint/suspicious/noExplicitAny: webhook payloads are read defensively.
type Payload = any;

/**
 * `issue_comment: edited` on Headroom's comment: credit whoever ticked or unticked a box in the
 * comment, then re-run the pull request's latest Headroom run, which reads the acknowledgements
 * back from the comment and re-evaluates the gate of the head commit (needs `actions: write`).
 */
export async function handleCommentEdit(client: Octokit, repo: RepoRef, event: Payload): Promise<void> {
  const comment = event.comment;
  const before: string | undefined = event.changes?.body?.from;
  if (
    event.action !== 'edited' ||
    !event.issue?.pull_request ||
    !comment?.body?.includes(COMMENT_MARKER) ||
    before === undefined
  ) {
    core.info('Not an edit of Headroom’s pull-request comment: nothing to do.');
    return;
  }
  if (event.sender?.type === 'Bot') {
    core.info('Edited by a bot (Headroom itself): nothing to acknowledge.');
    return;
  }
  const edit = checklistEdit(before, comment.body, event.sender.login, comment.updated_at);
  if (edit.ticked.length + edit.unticked.length === 0) {
    core.info('No box changed.');
    return;
  }
  const pr = { ...repo, number: event.issue.number };
  // Re-read right before writing: a review may have rewritten the comment since this edit.
  const current = await findReviewComment(client, pr);
  if (!current) return;
  const acks = withEdit(acknowledgementsIn(current.body), edit);
  await writeReviewComment(client, pr, current, rewriteChecklist(current.body, acks));
  core.info(
    `Recorded ${edit.ticked.length} acknowledgement(s) and ${edit.unticked.length} withdrawal(s) by @${edit.sender}.`,
  );
  await rerunPullRequestReview(client, pr);
}

async function rerunPullRequestReview(client: Octokit, pr: RepoRef & { number: number }): Promise<void> {
  try {
    const { data: pull } = await client.request('GET /repos/{owner}/{repo}/pulls/{pull_number}', {
      owner: pr.owner,
      repo: pr.repo,
      pull_number: pr.number,
    });
    const workflowPath = (process.env.GITHUB_WORKFLOW_REF ?? '')
      .split('@')[0]
      ?.slice(`${pr.owner}/${pr.repo}/`.length);
    const { data } = await client.request('GET /repos/{owner}/{repo}/actions/runs', {
      owner: pr.owner,
      repo: pr.repo,
      head_sha: pull.head.sha,
      per_page: 20,
    });
    const latest = data.workflow_runs
      .filter((run) => run.event.startsWith('pull_request') && (!workflowPath || run.path === workflowPath))
      .sort((a, b) => b.run_number - a.run_number)[0];
    if (!latest) {
      core.warning(
        'No pull_request run of this workflow was found to re-run; the gate updates on the next push.',
      );
      return;
    }
    await client.request('POST /repos/{owner}/{repo}/actions/runs/{run_id}/rerun', {
      owner: pr.owner,
      repo: pr.repo,
      run_id: Number(latest.id),
    });
    core.info(
      `Re-running workflow run ${latest.id} so the gate of ${pull.head.sha.slice(0, 7)} counts the acknowledgements.`,
    );
  } catch (error) {
    core.warning(
      `Could not re-run the pull request’s review (${error instanceof Error ? error.message : String(error)}); give the workflow \`actions: write\`, or push to update the gate.`,
    );
  }
}
