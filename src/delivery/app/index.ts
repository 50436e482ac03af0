import type { ApplicationFunction, Context, Probot } from 'probot';
import { COMMENT_MARKER } from '../../reporters/markdown-markers.ts';
import { checklistEdit } from '../github/acknowledgements.ts';
import { CHECK_NAME, findCheckRun, startCheckRun } from '../github/check-run.ts';
import type { GitHubClient } from '../github/client.ts';
import { appIdentity } from './app-identity.ts';
import { KeyedQueue } from './keyed-queue.ts';
import { targetOf, targetsOfCheck } from './pull-request-targets.ts';
import {
  type PullRequestTarget,
  type ReviewOptions,
  type ReviewRun,
  reviewPullRequest,
} from './review-pull-request.ts';

export interface HeadroomAppOptions {
  /** Passed to every review (tests give their own small rules). */
  review?: ReviewOptions;
}

const PULL_REQUEST_EVENTS = [
  'pull_request.opened',
  'pull_request.synchronize',
  'pull_request.reopened',
  'pull_request.ready_for_review',
] as const;

/**
 * The Headroom GitHub App. Every decision to do nothing (drafts, closed pull requests, comments
 * that are not Headroom's, edits that tick no box) is taken from the payload, before any API call.
 */
export function createHeadroomApp(options: HeadroomAppOptions = {}): ApplicationFunction {
  return (app: Probot) => {
    const queue = new KeyedQueue();
    const identity = appIdentity(app);

    /** Check run first, at once; the review itself waits its turn behind other work on the same pull request. */
    async function reviewInTurn(
      client: GitHubClient,
      target: PullRequestTarget,
      run: Pick<ReviewRun, 'checkRunId' | 'edit'>,
    ): Promise<void> {
      const { botLogin } = await identity();
      await queue.run(`${target.owner}/${target.repo}#${target.number}`, () =>
        reviewPullRequest(target, { client, botLogin, reviewOptions: options.review, ...run }),
      );
    }

    async function reviewWithNewCheckRun(context: Context, target: PullRequestTarget): Promise<void> {
      const checkRunId = await startCheckRun(context.octokit, context.repo(), target.headSha);
      await reviewInTurn(context.octokit, target, { checkRunId });
    }

    app.on([...PULL_REQUEST_EVENTS], async (context) => {
      const pull = context.payload.pull_request;
      if (pull.draft || pull.state !== 'open') return;
      await reviewWithNewCheckRun(context, targetOf(context.repo(), pull));
    });

    app.on('check_run.rerequested', async (context) => {
      const { check_run: run } = context.payload;
      if (run.name !== CHECK_NAME) return;
      const targets = await targetsOfCheck(context.octokit, context.repo(), run.head_sha, run.pull_requests);
      for (const target of targets) await reviewWithNewCheckRun(context, target);
    });

    app.on('check_suite.rerequested', async (context) => {
      const { check_suite: suite } = context.payload;
      const targets = await targetsOfCheck(
        context.octokit,
        context.repo(),
        suite.head_sha,
        suite.pull_requests,
      );
      for (const target of targets) await reviewWithNewCheckRun(context, target);
    });

    app.on('issue_comment.edited', async (context) => {
      const { comment, issue, sender, changes } = context.payload;
      if (!issue.pull_request || issue.state !== 'open') return;
      // Headroom's own rewrites come back as edits by its bot; other bots do not tick boxes.
      if (sender.type === 'Bot') return;
      if (comment.user?.type !== 'Bot' || !comment.body.includes(COMMENT_MARKER)) return;
      const before = changes.body?.from;
      if (before === undefined) return;
      const edit = checklistEdit(before, comment.body, sender.login, comment.updated_at);
      if (edit.ticked.length === 0 && edit.unticked.length === 0) return;

      const me = await identity();
      if (comment.user.login !== me.botLogin) return;
      const repo = context.repo();
      const { data: pull } = await context.octokit.request('GET /repos/{owner}/{repo}/pulls/{pull_number}', {
        ...repo,
        pull_number: issue.number,
      });
      if (pull.state !== 'open' || pull.draft) return;
      const checkRunId =
        (await findCheckRun(context.octokit, repo, pull.head.sha, me.id)) ??
        (await startCheckRun(context.octokit, repo, pull.head.sha));
      await reviewInTurn(context.octokit, targetOf(repo, pull), { checkRunId, edit });
    });
  };
}

export const headroomApp: ApplicationFunction = createHeadroomApp();
export default headroomApp;
