import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openApiErrors } from '../github/openapi-validator.ts';
import { OWNER, pullRequestEvent, pushEvent, REPO } from './events.ts';
import { FakeGitHub } from './fake-github-server.ts';
import { annotationsIn, type Runner, runAction, writeFiles } from './runner.ts';

const BASE_SHA = 'f95f852bd8fca8fcc58a9a2d6c842781e32a215e';
const PR = 2;
const COMMENTS = `/repos/${OWNER}/${REPO}/issues/${PR}/comments`;

const INIT =
  'CREATE TABLE users (id bigint PRIMARY KEY);\nCREATE TABLE posts (id bigint PRIMARY KEY, author_id bigint REFERENCES users (id));\n';
const COMMENTS_TABLE =
  'CREATE TABLE comments (id bigint PRIMARY KEY, post_id bigint REFERENCES posts (id));\n';

const opened = () => pullRequestEvent(PR, BASE_SHA);

let github: FakeGitHub;
let workspace: string;
let runner: Runner;

beforeEach(async () => {
  github = new FakeGitHub();
  workspace = await mkdtemp(join(tmpdir(), 'headroom-action-'));
  runner = { repository: `${OWNER}/${REPO}`, workspace, api: await github.start() };
});
afterEach(async () => {
  // Every REST request the Action made exists in GitHub's API description, with a valid body.
  expect(github.requests.filter((r) => r.path !== '/graphql').flatMap(openApiErrors)).toEqual([]);
  await github.stop();
  await rm(workspace, { recursive: true, force: true });
});

const project = (files: Record<string, string>) => writeFiles(workspace, files);

describe('the Action, run from dist/ as a runner would', () => {
  it('fails on a new finding, annotates it, compares with the base through the API, and creates the comment once then edits it', async () => {
    github.commit(BASE_SHA, { 'supabase/migrations/1_init.sql': INIT });
    await project({
      'supabase/migrations/1_init.sql': INIT,
      'supabase/migrations/2_comments.sql': COMMENTS_TABLE,
    });

    const first = await runAction(runner, 'pull_request', opened());
    expect(first.code).toBe(1);
    // The pull request's own finding first: the per-step limit is spent on what it introduces.
    expect(annotationsIn(first.log)).toEqual([
      expect.stringMatching(
        /^::error title=index\/unindexed-foreign-key,file=supabase\/migrations\/2_comments.sql,line=1,endLine=1::comments.post_id/,
      ),
      expect.stringMatching(
        /^::error title=index\/unindexed-foreign-key \(already on base\),file=supabase\/migrations\/1_init.sql,line=2,endLine=2::posts.author_id/,
      ),
      expect.stringMatching(/^::error::Headroom: 1 finding\(s\) at or above error block this change\./),
    ]);
    expect(first.outputs).toEqual({ conclusion: 'failure', findings: '2', 'new-findings': '1' });
    expect(first.summary).toContain('### New findings (1)');
    expect(first.summary).toContain('Findings already on the base branch (1)');
    expect(github.lines()).toEqual([
      `GET /repos/${OWNER}/${REPO}/git/trees/${BASE_SHA}?recursive=1`,
      'POST /graphql',
      `GET ${COMMENTS}?per_page=100&page=1`,
      `POST ${COMMENTS}`,
    ]);
    expect(github.comments[0]?.body).toMatch(/^<!-- headroom:review -->/);
    expect(github.comments[0]?.body).toContain('The boxes are informational here.');

    github.requests.length = 0;
    await project({
      'supabase/migrations/2_comments.sql': `${COMMENTS_TABLE}CREATE INDEX CONCURRENTLY comments_post_id_idx ON comments (post_id);\n`,
    });
    const second = await runAction(runner, 'pull_request', opened());
    expect(second.code).toBe(0);
    expect(second.outputs).toMatchObject({ conclusion: 'neutral', 'new-findings': '0' });
    expect(github.lines()).toEqual([
      `GET /repos/${OWNER}/${REPO}/git/trees/${BASE_SHA}?recursive=1`,
      'POST /graphql',
      `GET ${COMMENTS}?per_page=100&page=1`,
      `PATCH /repos/${OWNER}/${REPO}/issues/comments/1000`,
    ]);
    expect(github.comments).toHaveLength(1);
  });

  it('passes on a clean project and says so', async () => {
    github.commit(BASE_SHA, {});
    await project({ 'supabase/migrations/1_init.sql': 'CREATE TABLE users (id bigint PRIMARY KEY);\n' });
    const run = await runAction(runner, 'pull_request', opened());
    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({ conclusion: 'success', findings: '0' });
    expect(annotationsIn(run.log)).toEqual([]);
    expect(github.comments[0]?.body).toContain('All clear');
    expect(github.lines()).toEqual([
      `GET /repos/${OWNER}/${REPO}/git/trees/${BASE_SHA}?recursive=1`,
      `GET ${COMMENTS}?per_page=100&page=1`,
      `POST ${COMMENTS}`,
    ]);
  });

  it('on a fork’s read-only token, warns about the comment and still reports everything else', async () => {
    github.commit(BASE_SHA, {});
    github.readOnly = true;
    await project({ 'supabase/migrations/1_init.sql': INIT });
    const run = await runAction(runner, 'pull_request', opened());
    expect(run.code).toBe(1);
    expect(run.log).toContain(
      '::warning::The checklist comment was not posted: the token cannot write to this pull request',
    );
    expect(annotationsIn(run.log).find((line) => line.startsWith('::error title='))).toContain(
      'posts.author_id',
    );
    expect(run.summary).toContain('The checklist comment was not posted');
    expect(run.outputs.conclusion).toBe('failure');
  });

  it('with comment: false, makes no comment request', async () => {
    github.commit(BASE_SHA, {});
    await project({ 'supabase/migrations/1_init.sql': INIT });
    const run = await runAction(runner, 'pull_request', opened(), { comment: 'false' });
    expect(run.code).toBe(1);
    expect(github.lines().filter((line) => line.includes('/comments'))).toEqual([]);
  });

  it('annotates at most 10 findings per level and says how many more there are', async () => {
    github.commit(BASE_SHA, {});
    const tables = Array.from(
      { length: 14 },
      (_, i) => `CREATE TABLE t${i} (id bigint PRIMARY KEY, user_id bigint REFERENCES users (id));`,
    ).join('\n');
    await project({
      'supabase/migrations/1_init.sql': `CREATE TABLE users (id bigint PRIMARY KEY);\n${tables}\n`,
    });
    const run = await runAction(runner, 'pull_request', opened(), { comment: 'false' });
    // Nine findings and the gate's own failure: ten errors, the most GitHub shows for a step.
    const errors = annotationsIn(run.log).filter((line) => line.startsWith('::error'));
    expect(errors).toHaveLength(10);
    expect(errors.filter((line) => line.startsWith('::error title=index/'))).toHaveLength(9);
    expect(errors.at(-1)).toMatch(/^::error::Headroom: 14 finding\(s\)/);
    expect(run.log).toContain('5 more finding(s) were not annotated');
    expect(run.summary).toContain('5 more finding(s) were not annotated');
    expect(run.summary.match(/\(supabase\/migrations\/1_init\.sql:\d+\)/g)).toHaveLength(14);
    expect(run.outputs.findings).toBe('14');
  });

  it('on push, reviews without a pull request: no comparison, no comment, outputs and SARIF still written', async () => {
    await project({ 'supabase/migrations/1_init.sql': INIT });
    const run = await runAction(runner, 'push', pushEvent(), { 'sarif-file': 'headroom.sarif' });
    expect(run.code).toBe(1);
    expect(github.requests).toEqual([]);
    expect(run.outputs).toEqual({
      'sarif-file': 'headroom.sarif',
      conclusion: 'failure',
      findings: '1',
      'new-findings': '1',
    });
    const sarif = JSON.parse(await readFile(join(workspace, 'headroom.sarif'), 'utf8'));
    expect(sarif.runs[0].results[0].ruleId).toBe('index/unindexed-foreign-key');
  });

  it('reviews a subfolder: repository-relative paths in annotations and SARIF, the base read from the same subfolder', async () => {
    github.commit(BASE_SHA, {
      'services/api/supabase/migrations/1_init.sql': INIT,
      'services/web/supabase/migrations/1_init.sql': COMMENTS_TABLE,
    });
    await project({
      'services/api/supabase/migrations/1_init.sql': INIT,
      'services/api/supabase/migrations/2_comments.sql': COMMENTS_TABLE,
    });
    const sarifPath = join(workspace, '..', `${workspace.split('/').at(-1)}.sarif`);
    const run = await runAction(runner, 'pull_request', opened(), {
      'working-directory': './services/api/',
      'sarif-file': sarifPath,
      comment: 'false',
    });
    expect(annotationsIn(run.log).filter((line) => line.startsWith('::error title='))).toEqual([
      expect.stringContaining('file=services/api/supabase/migrations/2_comments.sql,line=1'),
      expect.stringContaining('file=services/api/supabase/migrations/1_init.sql,line=2'),
    ]);
    expect(run.outputs).toMatchObject({ findings: '2', 'new-findings': '1', 'sarif-file': sarifPath });
    const sarif = JSON.parse(await readFile(sarifPath, 'utf8'));
    await rm(sarifPath);
    expect(
      sarif.runs[0].results.map(
        (r: { locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }) =>
          r.locations[0]?.physicalLocation.artifactLocation.uri,
      ),
    ).toEqual(
      expect.arrayContaining([
        'services/api/supabase/migrations/1_init.sql',
        'services/api/supabase/migrations/2_comments.sql',
      ]),
    );
  });
});
