import type { Probot } from 'probot';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { allRules } from '../../rules/index.ts';
import { defineRule, type Rule } from '../../src/rules/rule.ts';
import { blobsAskedIn, type FakeCommit, mockBlobQueries, mockTree } from '../github/fake-repo.ts';
import { GitHubRecorder } from '../github/github-recorder.ts';
import { CommentThread } from './comment-thread.ts';
import { baseFiles, CONFIG, EXISTING_FINDING, fixedFiles, headFiles, NEW_FINDING } from './fixtures.ts';
import {
  BASE_SHA,
  baseCommit,
  CHECK_RUN_LOOKUP,
  CHECK_RUNS_PATH,
  COMMENTS_PATH,
  GET_PULL,
  HEAD_SHA,
  headCommit,
  INSTALLATION_ID,
  JOB_START,
  type Json,
  mockAppIdentity,
  mockCheckRunLookup,
  mockInstallationToken,
  mockJobStart,
  mockPullRequest,
  OWNER,
  pullRequestPayload,
  REPO,
  receive,
  startApp,
} from './harness.ts';

const CHECK_RUN_ID = 5151;
const TREE = `/repos/${OWNER}/${REPO}/git/trees`;
const LIST_COMMENTS = `GET ${COMMENTS_PATH}?per_page=100&page=1`;

let github: GitHubRecorder;
let probot: Probot;

beforeEach(async () => {
  github = new GitHubRecorder();
  probot = await startApp({ review: { rules: allRules } });
});
afterEach(() => {
  github.dispose();
});

function expectCheckRunCreated(times = 1): void {
  github.scope.post(CHECK_RUNS_PATH).times(times).reply(201, { id: CHECK_RUN_ID });
}

function expectCheckRunUpdated(times = 1): void {
  github.scope.patch(`${CHECK_RUNS_PATH}/${CHECK_RUN_ID}`).times(times).reply(200, { id: CHECK_RUN_ID });
}

/** One review: head and base trees, and the GraphQL queries for their relevant blobs. */
function expectCommitsRead(head: FakeCommit, base: FakeCommit, blobQueries = 2): void {
  mockTree(github, head);
  mockTree(github, base);
  mockBlobQueries(github, [head, base], blobQueries);
}

/** The first job of a process: the App's identity, the token, the pull request, a new check run. */
const FIRST_DELIVERY = [...JOB_START, `POST ${CHECK_RUNS_PATH}`];
const READ_BOTH_COMMITS = [
  `GET ${TREE}/${HEAD_SHA}?recursive=1`,
  'POST /graphql',
  `GET ${TREE}/${BASE_SHA}?recursive=1`,
  'POST /graphql',
];

function checkRunCompletion(): Json {
  const [completion] = github.find('PATCH', `${CHECK_RUNS_PATH}/${CHECK_RUN_ID}`);
  return completion?.body as Json;
}

async function deliver(action: string, changes: Json = {}): Promise<void> {
  await receive(probot, 'pull_request', pullRequestPayload(action, changes), `delivery-${action}`);
}

describe('a pull request is opened', () => {
  it('creates the check run at once, reviews base and head, writes one comment and completes the run', async () => {
    mockJobStart(github);
    expectCheckRunCreated();
    expectCommitsRead(headCommit(headFiles), baseCommit(baseFiles));
    const thread = new CommentThread(github).expectList().expectCreate();
    expectCheckRunUpdated();

    await deliver('opened');

    expect(github.lines).toEqual([
      ...FIRST_DELIVERY,
      ...READ_BOTH_COMMITS,
      GET_PULL,
      LIST_COMMENTS,
      `POST ${COMMENTS_PATH}`,
      `PATCH ${CHECK_RUNS_PATH}/${CHECK_RUN_ID}`,
    ]);
    expect(github.problems()).toEqual([]);

    expect(github.find('POST', CHECK_RUNS_PATH)[0]?.body).toMatchObject({
      name: 'headroom',
      head_sha: HEAD_SHA,
      status: 'in_progress',
    });
    // Only the relevant files are fetched: config, schema, env template and application code, not README or images.
    const [headQuery, baseQuery] = github.find('POST', '/graphql');
    expect(blobsAskedIn(headQuery?.body)).toBe(4);
    // The base shares every blob but the schema with the head: only its own schema is fetched.
    expect(blobsAskedIn(baseQuery?.body)).toBe(1);

    const body = thread.comments[0]?.body ?? '';
    expect(thread.comments).toHaveLength(1);
    expect(body).toContain('<!-- headroom:review -->');
    expect(body).toMatch(new RegExp(`- \\[ \\].*Comment\\.postId[\\s\\S]*headroom:fp=${NEW_FINDING}`));
    expect(body).toContain(`headroom:fp=${EXISTING_FINDING}`);
    // New findings come before the existing ones, which are collapsed.
    expect(body.indexOf(NEW_FINDING)).toBeLessThan(body.indexOf(EXISTING_FINDING));
    expect(body.indexOf('<details')).toBeLessThan(body.indexOf(EXISTING_FINDING));

    const completion = checkRunCompletion();
    expect(completion).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(completion.output.title).toBe('1 blocking finding · 1 new, 1 existing');
    expect(completion.output.summary).toContain('Comment.postId');
    expect(completion.output.annotations).toContainEqual(
      expect.objectContaining({ path: 'prisma/schema.prisma', annotation_level: 'failure' }),
    );
    // The finding already on the base is in the summary, not annotated again.
    expect(completion.output.summary).toContain('Post.authorId');
    expect(completion.output.annotations.map((annotation: Json) => annotation.title)).not.toContainEqual(
      expect.stringContaining('already on base'),
    );
  });
});

describe('a pull request is updated', () => {
  it('edits the same comment in place instead of adding a second one', async () => {
    mockJobStart(github);
    expectCheckRunCreated();
    expectCommitsRead(headCommit(headFiles), baseCommit(baseFiles));
    const thread = new CommentThread(github, [
      { body: 'Nice work!', login: 'octocat', type: 'User' },
      { body: '<!-- headroom:review -->\nan older review' },
    ])
      .expectList()
      .expectUpdate();
    expectCheckRunUpdated();

    await deliver('synchronize');

    expect(github.lines).toEqual([
      ...FIRST_DELIVERY,
      ...READ_BOTH_COMMITS,
      GET_PULL,
      LIST_COMMENTS,
      `PATCH /repos/${OWNER}/${REPO}/issues/comments/${thread.comments[1]?.id}`,
      `PATCH ${CHECK_RUNS_PATH}/${CHECK_RUN_ID}`,
    ]);
    expect(github.problems()).toEqual([]);
    expect(thread.comments).toHaveLength(2);
    expect(thread.comments[0]?.body).toBe('Nice work!');
    expect(thread.comments[1]?.body).toContain(`headroom:fp=${NEW_FINDING}`);
  });

  it('says all clear once everything is fixed, and the check run passes', async () => {
    mockJobStart(github);
    expectCheckRunCreated();
    expectCommitsRead(headCommit(fixedFiles), baseCommit(baseFiles));
    const thread = new CommentThread(github, [
      { body: `<!-- headroom:review -->\n- [ ] <!-- headroom:fp=${NEW_FINDING} -->` },
    ])
      .expectList()
      .expectUpdate();
    expectCheckRunUpdated();

    await deliver('synchronize');

    expect(github.problems()).toEqual([]);
    const body = thread.comments[0]?.body ?? '';
    expect(body).not.toContain(NEW_FINDING);
    expect(body).not.toContain(EXISTING_FINDING);
    expect(body).toMatch(/all clear|no scaling findings|nothing to fix/i);
    expect(checkRunCompletion()).toMatchObject({
      conclusion: 'success',
      output: { title: 'No scaling findings', annotations: [] },
    });
  });
});

describe('events that need no review make no API call', () => {
  it.each([
    ['a draft pull request', 'opened', { draft: true }],
    ['a closed pull request', 'closed', {}],
    ['a synchronize on a draft', 'synchronize', { draft: true }],
  ])('%s', async (_, action, changes) => {
    await deliver(action, changes);
    expect(github.requests).toEqual([]);
    expect(github.problems()).toEqual([]);
  });
});

describe('configuration', () => {
  it('reports an invalid config with its line in the comment and the check run, and reviews with defaults', async () => {
    const badConfig = { ...headFiles, '.github/headroom.yml': `${CONFIG}failOn: sometimes\n` };
    mockJobStart(github);
    expectCheckRunCreated();
    expectCommitsRead(headCommit(badConfig), baseCommit(baseFiles));
    const thread = new CommentThread(github).expectList().expectCreate();
    expectCheckRunUpdated();

    await deliver('opened');

    expect(github.problems()).toEqual([]);
    for (const text of [thread.comments[0]?.body, checkRunCompletion().output.summary]) {
      expect(text).toContain('.github/headroom.yml:2');
      expect(text).toContain('failOn');
      // The review still ran: the findings are there.
      expect(text).toContain('Comment.postId');
    }
  });
});

describe('failures', () => {
  it('reports a rule that throws in the completed check run, and still runs the other rules', async () => {
    const crashing = defineRule({
      meta: { ...(allRules[0] as Rule).meta, id: 'ops/crashes-on-purpose', title: 'Crashes on purpose' },
      check() {
        throw new Error('the rule tripped over its own feet');
      },
    });
    probot = await startApp({ review: { rules: [...allRules, crashing] } });
    mockJobStart(github);
    expectCheckRunCreated();
    expectCommitsRead(headCommit(headFiles), baseCommit(baseFiles));
    new CommentThread(github).expectList().expectCreate();
    expectCheckRunUpdated();

    await deliver('opened');

    expect(github.problems()).toEqual([]);
    const completion = checkRunCompletion();
    expect(completion.status).toBe('completed');
    expect(completion.output.summary).toContain('ops/crashes-on-purpose');
    expect(completion.output.summary).toContain('the rule tripped over its own feet');
    expect(completion.output.summary).toContain('Comment.postId');
  });

  it('completes the check run with the error when the review itself fails, never leaving it in progress', async () => {
    mockJobStart(github, { pullReads: 1 });
    expectCheckRunCreated();
    github.scope
      .get(`${TREE}/${HEAD_SHA}`)
      .query({ recursive: '1' })
      .reply(404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' });
    expectCheckRunUpdated();

    await deliver('opened');

    expect(github.lines).toEqual([
      ...FIRST_DELIVERY,
      `GET ${TREE}/${HEAD_SHA}?recursive=1`,
      `PATCH ${CHECK_RUNS_PATH}/${CHECK_RUN_ID}`,
    ]);
    expect(github.problems()).toEqual([]);
    expect(checkRunCompletion()).toMatchObject({
      status: 'completed',
      conclusion: 'neutral',
      output: {
        title: 'Headroom could not complete the review',
        summary: expect.stringContaining('Not Found'),
      },
    });
  });

  it('retries a 5xx and a secondary rate limit with backoff, then completes normally', async () => {
    mockJobStart(github);
    github.scope.post(CHECK_RUNS_PATH).reply(502, { message: 'Bad Gateway' });
    expectCheckRunCreated();
    mockTree(github, headCommit(headFiles));
    github.scope
      .post('/graphql')
      .reply(
        403,
        { message: 'You have exceeded a secondary rate limit. Please wait a few minutes.' },
        { 'retry-after': '0' },
      );
    mockBlobQueries(github, [headCommit(headFiles), baseCommit(baseFiles)], 2);
    mockTree(github, baseCommit(baseFiles));
    new CommentThread(github).expectList().expectCreate();
    expectCheckRunUpdated();

    await deliver('opened');

    expect(github.lines).toEqual([
      ...JOB_START,
      `POST ${CHECK_RUNS_PATH}`,
      `POST ${CHECK_RUNS_PATH}`,
      `GET ${TREE}/${HEAD_SHA}?recursive=1`,
      'POST /graphql',
      'POST /graphql',
      `GET ${TREE}/${BASE_SHA}?recursive=1`,
      'POST /graphql',
      GET_PULL,
      LIST_COMMENTS,
      `POST ${COMMENTS_PATH}`,
      `PATCH ${CHECK_RUNS_PATH}/${CHECK_RUN_ID}`,
    ]);
    expect(github.problems()).toEqual([]);
    expect(checkRunCompletion().conclusion).toBe('failure');
  });
});

describe('concurrency', () => {
  it('turns two simultaneous deliveries for the same head commit into one comment', async () => {
    mockJobStart(github);
    // The second job runs after the first and finds its comment; the first's run is completed.
    mockPullRequest(github);
    mockCheckRunLookup(github);
    expectCheckRunCreated(2);
    expectCommitsRead(headCommit(headFiles), baseCommit(baseFiles));
    expectCommitsRead(headCommit(headFiles), baseCommit(baseFiles));
    const thread = new CommentThread(github).expectList(2).expectCreate();
    expectCheckRunUpdated(2);

    await Promise.all([deliver('opened'), deliver('synchronize')]);

    expect(github.problems()).toEqual([]);
    expect(thread.comments).toHaveLength(1);
    expect(github.find('POST', COMMENTS_PATH)).toHaveLength(1);
    // The second review found the first one's comment and, with nothing new to say, left it alone.
    expect(github.find('PATCH', '/repos/Codertocat/Hello-World/issues/comments/')).toHaveLength(0);
    expect(github.find('GET', '/app')).toHaveLength(1);
  });
});

describe('a head already reviewed', () => {
  const completed = {
    id: CHECK_RUN_ID,
    status: 'completed' as const,
    completed_at: '2026-12-01T10:00:05Z',
    external_id: BASE_SHA,
  };

  it('is not reviewed again while the comment still shows that review (a late redelivery)', async () => {
    mockJobStart(github, { checkRun: completed, pullReads: 1 });
    new CommentThread(github, [
      { body: '<!-- headroom:review -->\nreview', updatedAt: '2026-12-01T10:00:04Z' },
    ]).expectList();

    await deliver('synchronize');

    expect(github.lines).toEqual([...JOB_START, LIST_COMMENTS]);
    expect(github.problems()).toEqual([]);
  });

  it('is reviewed again when the comment was written since (a force-push back to it)', async () => {
    mockJobStart(github, { checkRun: completed });
    expectCheckRunCreated();
    expectCommitsRead(headCommit(headFiles), baseCommit(baseFiles));
    const thread = new CommentThread(github, [
      { body: '<!-- headroom:review -->\nthe review of another head', updatedAt: '2026-12-01T10:07:00Z' },
    ])
      .expectList(2)
      .expectUpdate();
    expectCheckRunUpdated();

    await deliver('synchronize');

    expect(github.problems()).toEqual([]);
    expect(thread.comments[0]?.body).toContain(`headroom:fp=${NEW_FINDING}`);
    // A completed run is not updated again: its annotations would be listed twice.
    expect(github.find('PATCH', `${CHECK_RUNS_PATH}/${CHECK_RUN_ID}`)).toHaveLength(1);
    expect(github.find('POST', CHECK_RUNS_PATH)).toHaveLength(1);
  });
});

describe('a job taking over from a worker that was killed', () => {
  it('completes the check run left in progress instead of creating a second one', async () => {
    mockJobStart(github, { checkRun: { id: CHECK_RUN_ID, status: 'in_progress' } });
    expectCommitsRead(headCommit(headFiles), baseCommit(baseFiles));
    new CommentThread(github).expectList().expectCreate();
    expectCheckRunUpdated();

    await deliver('synchronize');

    expect(github.problems()).toEqual([]);
    expect(github.find('POST', CHECK_RUNS_PATH)).toEqual([]);
    expect(checkRunCompletion()).toMatchObject({ status: 'completed', conclusion: 'failure' });
  });
});

describe('forks', () => {
  it('reads the fork’s head commit through the base repository and writes there', async () => {
    const payload = pullRequestPayload('opened');
    payload.pull_request.head.repo = {
      ...payload.pull_request.head.repo,
      full_name: 'contributor/Hello-World',
      owner: { ...payload.pull_request.head.repo.owner, login: 'contributor' },
      fork: true,
    };
    payload.pull_request.head.label = 'contributor:changes';
    mockJobStart(github);
    expectCheckRunCreated();
    expectCommitsRead(headCommit(headFiles), baseCommit(baseFiles));
    new CommentThread(github).expectList().expectCreate();
    expectCheckRunUpdated();

    await receive(probot, 'pull_request', payload, 'fork');

    expect(github.problems()).toEqual([]);
    expect(github.lines.filter((line) => line.includes('contributor'))).toEqual([]);
    expect(github.lines).toContain(`GET ${TREE}/${HEAD_SHA}?recursive=1`);
  });
});

describe('large repositories', () => {
  it('fetches only the relevant blobs of a 4,000-file tree', async () => {
    const code = Object.fromEntries(
      Array.from({ length: 3_995 }, (_, i) => [
        `src/styles/f${Math.floor(i / 50)}/component${i}.css`,
        `.c${i} { order: ${i}; }\n`,
      ]),
    );
    const bigHead = headCommit({ ...code, ...headFiles });
    expect(Object.keys(bigHead.files)).toHaveLength(4_001);
    mockJobStart(github);
    expectCheckRunCreated();
    expectCommitsRead(bigHead, baseCommit({ ...code, ...baseFiles }));
    new CommentThread(github).expectList().expectCreate();
    expectCheckRunUpdated();

    await deliver('opened');

    expect(github.problems()).toEqual([]);
    expect(github.requests).toHaveLength(13);
    expect(github.find('POST', '/graphql').map((request) => blobsAskedIn(request.body))).toEqual([4, 1]);
  });
});

describe('re-runs', () => {
  it('re-runs on check_run.rerequested with a new check run', async () => {
    const payload = {
      action: 'rerequested',
      check_run: {
        id: 4,
        name: 'headroom',
        head_sha: HEAD_SHA,
        pull_requests: [
          {
            id: 1,
            number: 2,
            url: '',
            head: { ref: 'changes', sha: HEAD_SHA, repo: {} },
            base: { ref: 'master', sha: BASE_SHA, repo: {} },
          },
        ],
      },
      repository: pullRequestPayload('opened').repository,
      sender: pullRequestPayload('opened').sender,
      installation: { id: INSTALLATION_ID },
    };
    mockJobStart(github, { checkRun: 'fresh' });
    expectCheckRunCreated();
    expectCommitsRead(headCommit(headFiles), baseCommit(baseFiles));
    new CommentThread(github).expectList().expectCreate();
    expectCheckRunUpdated();

    await receive(probot, 'check_run', payload, 'rerun');

    expect(github.lines).toEqual([
      ...JOB_START.filter((line) => line !== CHECK_RUN_LOOKUP),
      `POST ${CHECK_RUNS_PATH}`,
      ...READ_BOTH_COMMITS,
      GET_PULL,
      LIST_COMMENTS,
      `POST ${COMMENTS_PATH}`,
      `PATCH ${CHECK_RUNS_PATH}/${CHECK_RUN_ID}`,
    ]);
    expect(github.problems()).toEqual([]);
  });

  it('ignores a re-run of another App’s check', async () => {
    const payload = pullRequestPayload('opened');
    await receive(
      probot,
      'check_run',
      {
        ...payload,
        action: 'rerequested',
        check_run: { id: 4, name: 'ci', head_sha: HEAD_SHA, pull_requests: [] },
      },
      'other',
    );
    expect(github.requests).toEqual([]);
  });

  it('finds a fork’s pull request on check_suite.rerequested, where GitHub leaves pull_requests empty', async () => {
    const { repository, sender } = pullRequestPayload('opened');
    mockInstallationToken(github);
    github.scope.get(`/repos/${OWNER}/${REPO}/commits/${HEAD_SHA}/pulls`).reply(200, [
      { number: 2, state: 'open', draft: false, head: { sha: HEAD_SHA }, base: { sha: BASE_SHA } },
      { number: 1, state: 'closed', draft: false, head: { sha: HEAD_SHA }, base: { sha: BASE_SHA } },
    ]);
    mockAppIdentity(github);
    mockPullRequest(github);
    expectCheckRunCreated();
    expectCommitsRead(headCommit(headFiles), baseCommit(baseFiles));
    new CommentThread(github).expectList().expectCreate();
    expectCheckRunUpdated();

    await receive(
      probot,
      'check_suite',
      {
        action: 'rerequested',
        check_suite: { id: 7, head_sha: HEAD_SHA, head_branch: null, pull_requests: [] },
        repository,
        sender,
        installation: { id: INSTALLATION_ID },
      },
      'suite',
    );

    expect(github.lines).toEqual([
      `POST /app/installations/${INSTALLATION_ID}/access_tokens`,
      `GET /repos/${OWNER}/${REPO}/commits/${HEAD_SHA}/pulls`,
      // The commit's pull request becomes a job of its own, which re-runs with a new check run.
      'GET /app',
      GET_PULL,
      `POST ${CHECK_RUNS_PATH}`,
      ...READ_BOTH_COMMITS,
      GET_PULL,
      LIST_COMMENTS,
      `POST ${COMMENTS_PATH}`,
      `PATCH ${CHECK_RUNS_PATH}/${CHECK_RUN_ID}`,
    ]);
    expect(github.problems()).toEqual([]);
  });
});
