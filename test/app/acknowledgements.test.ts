import type { Probot } from 'probot';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { allRules } from '../../rules/index.ts';
import { acknowledgementsIn } from '../../src/delivery/github/acknowledgements.ts';
import { mockBlobQueries, mockTree } from '../github/fake-repo.ts';
import { GitHubRecorder } from '../github/github-recorder.ts';
import { CommentThread } from './comment-thread.ts';
import {
  baseFiles,
  EXISTING_FINDING,
  headFiles,
  largeBaseFiles,
  largeHeadFiles,
  NEW_FINDING,
} from './fixtures.ts';
import {
  BASE_SHA,
  BOT_LOGIN,
  baseCommit,
  CHECK_RUN_LOOKUP,
  CHECK_RUNS_PATH,
  COMMENTS_PATH,
  example,
  GET_PULL,
  HEAD_SHA,
  headCommit,
  INSTALLATION_ID,
  type Json,
  mockAppIdentity,
  mockCheckRunLookup,
  mockJobStart,
  mockPullRequest,
  OWNER,
  PR_NUMBER,
  pullRequestPayload,
  REPO,
  receive,
  startApp,
} from './harness.ts';

const CHECK_RUN_ID = 6262;
const TREE = `/repos/${OWNER}/${REPO}/git/trees`;

let github: GitHubRecorder;
let probot: Probot;

beforeEach(async () => {
  github = new GitHubRecorder();
  probot = await startApp({ review: { rules: allRules } });
});
afterEach(() => {
  github.dispose();
});

/** Runs the opened-PR review once and returns the comment Headroom wrote, as GitHub stores it. */
async function firstReviewComment(head = headFiles, base = baseFiles, checkRunUpdates = 1): Promise<string> {
  const setup = new GitHubRecorder();
  try {
    mockJobStart(setup);
    setup.scope.post(CHECK_RUNS_PATH).reply(201, { id: CHECK_RUN_ID });
    mockTree(setup, headCommit(head));
    mockTree(setup, baseCommit(base));
    mockBlobQueries(setup, [headCommit(head), baseCommit(base)], 2);
    const thread = new CommentThread(setup).expectList().expectCreate();
    setup.scope.patch(`${CHECK_RUNS_PATH}/${CHECK_RUN_ID}`).times(checkRunUpdates).reply(200, {});
    await receive(probot, 'pull_request', pullRequestPayload('opened'), 'opened');
    expect(setup.problems()).toEqual([]);
    return thread.comments[0]?.body ?? '';
  } finally {
    setup.dispose();
  }
}

function setBox(body: string, fingerprint: string, checked: boolean): string {
  return body
    .split('\n')
    .map((line) =>
      line.includes(`headroom:fp=${fingerprint}`)
        ? line.replace(/- \[[ x]\]/, checked ? '- [x]' : '- [ ]')
        : line,
    )
    .join('\n');
}

function editedPayload(
  before: string,
  after: string,
  overrides: { sender?: object; user?: object } = {},
): object {
  const payload = example('issue_comment', 'edited');
  const { repository } = pullRequestPayload('opened');
  return {
    ...payload,
    repository,
    issue: {
      ...payload.issue,
      number: PR_NUMBER,
      state: 'open',
      pull_request: { url: `https://api.github.com/repos/${OWNER}/${REPO}/pulls/${PR_NUMBER}` },
    },
    comment: {
      ...payload.comment,
      body: after,
      user: { ...payload.comment.user, login: BOT_LOGIN, type: 'Bot', ...overrides.user },
    },
    changes: { body: { from: before } },
    sender: { ...payload.sender, login: 'octocat', type: 'User', ...overrides.sender },
  };
}

/**
 * What a later job costs, with the App's identity and token known: the pull request (twice: at the
 * start and right before writing), its check run, both commits, the comment, the run.
 */
function expectReevaluation(
  thread: CommentThread,
  head = headFiles,
  base = baseFiles,
  checkRunUpdates = 1,
): void {
  mockPullRequest(github);
  mockCheckRunLookup(github);
  // The completed run is not updated again (its annotations would be listed twice): a new one is made.
  github.scope.post(CHECK_RUNS_PATH).reply(201, { id: CHECK_RUN_ID });
  mockTree(github, headCommit(head));
  mockTree(github, baseCommit(base));
  mockBlobQueries(github, [headCommit(head), baseCommit(base)], 2);
  thread.expectList().expectUpdate();
  github.scope
    .patch(`${CHECK_RUNS_PATH}/${CHECK_RUN_ID}`)
    .times(checkRunUpdates)
    .reply(200, { id: CHECK_RUN_ID });
}

/** 302 findings, 301 of them already on the base: only the new one is annotated, in the completing update. */
const LARGE_UPDATES = 1;

/**
 * One synchronize review of the large pull request, returning the check run's completion. The
 * comment it renders is the one already posted, so it is read and not written again.
 */
async function pushAgain(thread: CommentThread, delivery: string): Promise<Json> {
  thread.expectList();
  mockPullRequest(github);
  mockCheckRunLookup(github);
  // The completed run is not updated again (its annotations would be listed twice): a new one is made.
  github.scope.post(CHECK_RUNS_PATH).reply(201, { id: CHECK_RUN_ID });
  mockTree(github, headCommit(largeHeadFiles));
  mockTree(github, baseCommit(largeBaseFiles));
  mockBlobQueries(github, [headCommit(largeHeadFiles), baseCommit(largeBaseFiles)], 2);
  github.scope.patch(`${CHECK_RUNS_PATH}/${CHECK_RUN_ID}`).times(LARGE_UPDATES).reply(200, {});
  await receive(probot, 'pull_request', pullRequestPayload('synchronize'), delivery);
  return github
    .find('PATCH', CHECK_RUNS_PATH)
    .find((request) => (request.body as Json).status === 'completed')?.body as Json;
}

describe('ticking a box in Headroom’s comment', () => {
  it('acknowledges the finding for whoever ticked it, re-evaluates the gate and updates the check run', async () => {
    const written = await firstReviewComment();
    const ticked = setBox(written, NEW_FINDING, true);
    const thread = new CommentThread(github, [{ body: ticked }]);
    expectReevaluation(thread);

    await receive(probot, 'issue_comment', editedPayload(written, ticked), 'tick');

    expect(github.lines).toEqual([
      GET_PULL,
      CHECK_RUN_LOOKUP,
      `POST ${CHECK_RUNS_PATH}`,
      `GET ${TREE}/${HEAD_SHA}?recursive=1`,
      'POST /graphql',
      `GET ${TREE}/${BASE_SHA}?recursive=1`,
      'POST /graphql',
      GET_PULL,
      `GET ${COMMENTS_PATH}?per_page=100&page=1`,
      `PATCH /repos/${OWNER}/${REPO}/issues/comments/${thread.comments[0]?.id}`,
      `PATCH ${CHECK_RUNS_PATH}/${CHECK_RUN_ID}`,
    ]);
    expect(github.problems()).toEqual([]);
    expect(thread.comments[0]?.body).toContain(`headroom:fp=${NEW_FINDING} ack=octocat`);
    const completion = github.find('PATCH', CHECK_RUNS_PATH)[0]?.body as Json;
    expect(completion).toMatchObject({ status: 'completed' });
    expect(completion.conclusion).not.toBe('failure');
    expect(completion.output.title).toContain('1 acknowledged');
  });

  it('unticking undoes the acknowledgement and the gate fails again', async () => {
    const written = await firstReviewComment();
    const acknowledged = setBox(written, NEW_FINDING, true).replace(
      `headroom:fp=${NEW_FINDING} -->`,
      `headroom:fp=${NEW_FINDING} ack=octocat -->`,
    );
    const unticked = setBox(acknowledged, NEW_FINDING, false);
    const thread = new CommentThread(github, [{ body: unticked }]);
    expectReevaluation(thread);

    await receive(probot, 'issue_comment', editedPayload(acknowledged, unticked), 'untick');

    expect(github.problems()).toEqual([]);
    expect(thread.comments[0]?.body).not.toContain('ack=octocat');
    const completion = github.find('PATCH', CHECK_RUNS_PATH)[0]?.body as Json;
    expect(completion.conclusion).toBe('failure');
  });

  it('keeps a box ticked while a review was running, and credits it once the edit is handled', async () => {
    const written = await firstReviewComment();
    // Someone ticks the existing finding while a synchronize review runs: GitHub holds the tick.
    const tickedMeanwhile = setBox(written, EXISTING_FINDING, true);
    const thread = new CommentThread(github, [{ body: tickedMeanwhile }]).expectList().expectUpdate();
    mockPullRequest(github);
    mockCheckRunLookup(github);
    github.scope.post(CHECK_RUNS_PATH).reply(201, { id: CHECK_RUN_ID });
    mockTree(github, headCommit(headFiles));
    mockTree(github, baseCommit(baseFiles));
    mockBlobQueries(github, [headCommit(headFiles), baseCommit(baseFiles)], 2);
    github.scope.patch(`${CHECK_RUNS_PATH}/${CHECK_RUN_ID}`).reply(200, {});

    await receive(probot, 'pull_request', pullRequestPayload('synchronize'), 'sync');

    expect(github.problems()).toEqual([]);
    const rewritten = thread.comments[0]?.body ?? '';
    expect(rewritten).toMatch(new RegExp(`- \\[x\\][^\\n]*[\\s\\S]*?headroom:fp=${EXISTING_FINDING}`));
    expect(rewritten).toContain(`headroom:fp=${EXISTING_FINDING} ack=ghost`);
  });
});

describe('an acknowledgement on a pull request whose comment is collapsed to fit', () => {
  it('survives two pushes: still in the comment, still credited, and the gate still honours it', async () => {
    const written = await firstReviewComment(largeHeadFiles, largeBaseFiles, LARGE_UPDATES);
    // 300 existing findings do not fit one by one: they are counted per rule.
    expect(written).toContain('- **index/unindexed-foreign-key**: 301');
    const ticked = setBox(written, NEW_FINDING, true);
    const thread = new CommentThread(github, [{ body: ticked }]);
    expectReevaluation(thread, largeHeadFiles, largeBaseFiles, LARGE_UPDATES);
    await receive(probot, 'issue_comment', editedPayload(written, ticked), 'tick');
    expect(github.problems()).toEqual([]);
    const afterTick = thread.comments[0]?.body ?? '';
    // Acknowledged findings are collapsed to counts too, with who ticked them.
    expect(afterTick).toContain('- **index/unindexed-foreign-key**: 1 (@octocat)');
    expect(afterTick).not.toContain(`headroom:fp=${NEW_FINDING}`);

    const completions = [await pushAgain(thread, 'push-1'), await pushAgain(thread, 'push-2')];

    expect(github.problems()).toEqual([]);
    const body = thread.comments[0]?.body ?? '';
    expect(body.length).toBeLessThanOrEqual(65_536);
    expect(acknowledgementsIn(body).get(NEW_FINDING)).toEqual({
      by: 'octocat',
      at: expect.stringMatching(/^\d{4}-/),
    });
    expect(body).toContain('- **index/unindexed-foreign-key**: 1 (@octocat)');
    for (const completion of completions) {
      expect(completion).toMatchObject({ status: 'completed' });
      expect(completion.conclusion).not.toBe('failure');
      expect(completion.output.title).toContain('1 acknowledged');
    }
  });
});

describe('edits Headroom ignores without an API call', () => {
  it.each([
    ['Headroom’s own rewrite of its comment', { sender: { login: BOT_LOGIN, type: 'Bot' } }],
    ['a comment by someone else that quotes the marker', { user: { login: 'octocat', type: 'User' } }],
  ])('%s', async (_, overrides) => {
    const before = `<!-- headroom:review -->\n- [ ] x <!-- headroom:fp=${NEW_FINDING} -->`;
    const after = before.replace('- [ ]', '- [x]');
    await receive(probot, 'issue_comment', editedPayload(before, after, overrides), 'edit');
    expect(github.requests).toEqual([]);
  });

  it('an edit that ticks no box', async () => {
    const before = `<!-- headroom:review -->\n- [ ] x <!-- headroom:fp=${NEW_FINDING} -->`;
    await receive(probot, 'issue_comment', editedPayload(before, `${before}\nthanks!`), 'edit');
    expect(github.requests).toEqual([]);
  });

  it('a comment on a plain issue', async () => {
    const payload = example('issue_comment', 'edited');
    await receive(probot, 'issue_comment', { ...payload, installation: { id: INSTALLATION_ID } }, 'issue');
    expect(github.requests).toEqual([]);
  });

  it('a bot comment that carries the marker but is not this App’s: asks who this App is, once, then stops', async () => {
    mockAppIdentity(github);
    const before = `<!-- headroom:review -->\n- [ ] x <!-- headroom:fp=${NEW_FINDING} -->`;
    const after = before.replace('- [ ]', '- [x]');
    await receive(
      probot,
      'issue_comment',
      editedPayload(before, after, { user: { login: 'impostor[bot]', type: 'Bot' } }),
      'edit',
    );
    expect(github.lines).toEqual(['GET /app']);
    expect(github.problems()).toEqual([]);
  });
});
