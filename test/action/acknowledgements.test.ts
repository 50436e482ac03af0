import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseChecklist } from '../../src/reporters/markdown-markers.ts';
import { openApiErrors } from '../github/openapi-validator.ts';
import { commentEditedEvent, OWNER, pullRequestEvent, REPO } from './events.ts';
import { FakeGitHub } from './fake-github-server.ts';
import { annotationsIn, type Runner, runAction, writeFiles } from './runner.ts';

const BASE_SHA = 'f95f852bd8fca8fcc58a9a2d6c842781e32a215e';
const HEAD_SHA = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821';
const PR = 2;
const WORKFLOW = '.github/workflows/headroom.yml';
const INIT =
  'CREATE TABLE users (id bigint PRIMARY KEY);\nCREATE TABLE posts (id bigint PRIMARY KEY, author_id bigint REFERENCES users (id));\n';
const LISTENING = 'on:\n  pull_request:\n  issue_comment:\n    types: [edited]\n';

let github: FakeGitHub;
let workspace: string;
let runner: Runner;

beforeEach(async () => {
  github = new FakeGitHub();
  workspace = await mkdtemp(join(tmpdir(), 'headroom-ack-'));
  runner = { repository: `${OWNER}/${REPO}`, workspace, api: await github.start() };
  github.commit(BASE_SHA, {});
  github.heads.set(PR, HEAD_SHA);
  github.workflowRuns.push(
    { id: 901, run_number: 3, event: 'pull_request', path: WORKFLOW, head_sha: HEAD_SHA },
    { id: 902, run_number: 4, event: 'pull_request', path: WORKFLOW, head_sha: HEAD_SHA },
    { id: 903, run_number: 9, event: 'push', path: WORKFLOW, head_sha: HEAD_SHA },
    { id: 904, run_number: 12, event: 'pull_request', path: '.github/workflows/ci.yml', head_sha: HEAD_SHA },
  );
  await writeFiles(workspace, { 'supabase/migrations/1_init.sql': INIT, [WORKFLOW]: LISTENING });
});
afterEach(async () => {
  expect(github.requests.filter((r) => r.path !== '/graphql').flatMap(openApiErrors)).toEqual([]);
  await github.stop();
  await rm(workspace, { recursive: true, force: true });
});

/** The pull_request run that posts the comment, then `sender` ticking its first box in the browser. */
async function tickFirstBox(sender: { login: string; type: 'User' | 'Bot' }) {
  const first = await runAction(runner, 'pull_request', pullRequestEvent(PR, BASE_SHA));
  expect(first.code).toBe(1);
  const comment = github.comments[0];
  if (!comment) throw new Error('the first run posted no comment');
  expect(comment.body).toContain('Tick a box to acknowledge a finding');
  const before = comment.body;
  comment.body = before.replace('- [ ] ', '- [x] ');
  github.requests.length = 0;
  return commentEditedEvent(PR, { id: comment.id, before, after: comment.body }, sender);
}

describe('acknowledgement boxes, with the workflow on issue_comment: edited', () => {
  it('credits the box to who ticked it, re-runs the pull request’s review, and that run passes', async () => {
    const edited = await tickFirstBox({ login: 'octocat', type: 'User' });

    const edit = await runAction(runner, 'issue_comment', edited);
    expect(edit.code).toBe(0);
    expect(github.lines()).toEqual([
      `GET /repos/${OWNER}/${REPO}/issues/${PR}/comments?per_page=100&page=1`,
      `PATCH /repos/${OWNER}/${REPO}/issues/comments/1000`,
      `GET /repos/${OWNER}/${REPO}/pulls/${PR}`,
      `GET /repos/${OWNER}/${REPO}/actions/runs?head_sha=${HEAD_SHA}&per_page=20`,
      // The latest pull_request run of this workflow: not the push run, not another workflow's.
      `POST /repos/${OWNER}/${REPO}/actions/runs/902/rerun`,
    ]);
    expect(parseChecklist(github.comments[0]?.body ?? '')).toEqual([
      expect.objectContaining({ checked: true, ack: expect.objectContaining({ by: 'octocat' }) }),
    ]);

    // The re-run: the same pull_request event, reading the acknowledgement back from the comment.
    const rerun = await runAction(runner, 'pull_request', pullRequestEvent(PR, BASE_SHA));
    expect(rerun.code).toBe(0);
    expect(rerun.outputs).toMatchObject({ conclusion: 'success', findings: '0', 'new-findings': '0' });
    expect(annotationsIn(rerun.log)).toEqual([]);
    expect(rerun.summary).toContain('Acknowledged by @octocat on 2019-05-15.');
    expect(github.comments[0]?.body).toContain('Acknowledged by @octocat on 2019-05-15.');
  });

  it('without actions: write, still records who ticked the box and says the gate waits for a push', async () => {
    const edited = await tickFirstBox({ login: 'octocat', type: 'User' });
    github.actionsWrite = false;
    const edit = await runAction(runner, 'issue_comment', edited);
    expect(edit.code).toBe(0);
    expect(edit.log).toMatch(
      /::warning::Could not re-run the pull request’s review .*give the workflow `actions: write`/,
    );
    expect(github.lines().at(-1)).toBe(`POST /repos/${OWNER}/${REPO}/actions/runs/902/rerun`);
    expect(github.comments[0]?.body).toContain('ack=octocat');
  });

  it('when the pull request has no run of this workflow to re-run, says so and keeps the credit', async () => {
    const edited = await tickFirstBox({ login: 'octocat', type: 'User' });
    github.workflowRuns.splice(0, 2);
    const edit = await runAction(runner, 'issue_comment', edited);
    expect(edit.code).toBe(0);
    expect(edit.log).toContain('::warning::No pull_request run of this workflow was found to re-run');
    expect(github.requests.some((r) => r.path.endsWith('/rerun'))).toBe(false);
    expect(github.comments[0]?.body).toContain('ack=octocat');
  });

  it('ignores its own edits of the comment', async () => {
    const edited = await tickFirstBox({ login: 'github-actions[bot]', type: 'Bot' });
    const edit = await runAction(runner, 'issue_comment', edited);
    expect(edit.code).toBe(0);
    expect(github.requests).toEqual([]);
  });

  it('ignores edits of other comments', async () => {
    const edited = await tickFirstBox({ login: 'octocat', type: 'User' });
    const other = { ...edited, comment: { ...(edited.comment as object), body: 'LGTM, fixed the typo' } };
    const edit = await runAction(runner, 'issue_comment', other);
    expect(edit.code).toBe(0);
    expect(github.requests).toEqual([]);
  });
});
