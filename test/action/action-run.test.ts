import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import webhookExamples from '@octokit/webhooks-examples';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openApiErrors } from '../github/openapi-validator.ts';
import { FakeGitHub } from './fake-github-server.ts';

const root = new URL('../../', import.meta.url).pathname;
const OWNER = 'Codertocat';
const REPO = 'Hello-World';
const BASE_SHA = 'f95f852bd8fca8fcc58a9a2d6c842781e32a215e';
const PR = 2;
const COMMENTS = `/repos/${OWNER}/${REPO}/issues/${PR}/comments`;

const INIT =
  'CREATE TABLE users (id bigint PRIMARY KEY);\nCREATE TABLE posts (id bigint PRIMARY KEY, author_id bigint REFERENCES users (id));\n';
const COMMENTS_TABLE =
  'CREATE TABLE comments (id bigint PRIMARY KEY, post_id bigint REFERENCES posts (id));\n';

type Json = Record<string, unknown>;

function pullRequestEvent(): Json {
  const events = webhookExamples as unknown as Array<{ name: string; examples: Json[] }>;
  const payload = structuredClone(
    events.find((e) => e.name === 'pull_request')?.examples.find((p) => p.action === 'opened'),
  ) as Json;
  const pr = payload.pull_request as Json;
  pr.number = PR;
  (pr.base as Json).sha = BASE_SHA;
  return payload;
}

let github: FakeGitHub;
let api: string;
let workspace: string;

beforeEach(async () => {
  github = new FakeGitHub();
  api = await github.start();
  workspace = await mkdtemp(join(tmpdir(), 'headroom-action-'));
});
afterEach(async () => {
  // Every REST request the Action made exists in GitHub's API description, with a valid body.
  expect(github.requests.filter((r) => r.path !== '/graphql').flatMap(openApiErrors)).toEqual([]);
  await github.stop();
  await rm(workspace, { recursive: true, force: true });
});

async function project(files: Record<string, string>): Promise<void> {
  for (const [path, text] of Object.entries(files)) {
    const full = join(workspace, path);
    await mkdir(join(full, '..'), { recursive: true });
    await writeFile(full, text);
  }
}

interface Run {
  code: number | null;
  stdout: string;
  outputs: Record<string, string>;
  summary: string;
}

/** Runs the built dist/action.js as the runner does: a node process with the runner's environment. */
async function runAction(eventName: string, event: Json, inputs: Record<string, string> = {}): Promise<Run> {
  const files = await mkdtemp(join(tmpdir(), 'headroom-runner-'));
  const eventPath = join(files, 'event.json');
  const outputPath = join(files, 'output');
  const summaryPath = join(files, 'summary');
  await writeFile(eventPath, JSON.stringify(event));
  await writeFile(outputPath, '');
  await writeFile(summaryPath, '');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_EVENT_NAME: eventName,
    GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: outputPath,
    GITHUB_STEP_SUMMARY: summaryPath,
    GITHUB_API_URL: api,
    GITHUB_WORKFLOW_REF: `${OWNER}/${REPO}/.github/workflows/headroom.yml@refs/pull/${PR}/merge`,
    'INPUT_GITHUB-TOKEN': 'ghs_test',
    INPUT_COMMENT: 'true',
    'INPUT_WORKING-DIRECTORY': '.',
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  const child = spawn(join(root, 'node_modules/.bin/node'), [join(root, 'dist/action.js')], { env });
  let stdout = '';
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr.on('data', (chunk) => {
    stdout += chunk;
  });
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const outputs = Object.fromEntries(
    [...(await readFile(outputPath, 'utf8')).matchAll(/^([\w-]+)<<(\S+)\n([\s\S]*?)\n\2$/gm)].map((m) => [
      m[1] as string,
      m[3] as string,
    ]),
  );
  return { code, stdout, outputs, summary: await readFile(summaryPath, 'utf8') };
}

const annotations = (stdout: string) =>
  stdout.split('\n').filter((line) => /^::(error|warning|notice)[ :]/.test(line));

describe('the Action, run from dist/ as a runner would', () => {
  it('fails on a new finding, annotates it, compares with the base through the API, and creates the comment once then edits it', async () => {
    github.commit(BASE_SHA, { 'supabase/migrations/1_init.sql': INIT });
    await project({
      'supabase/migrations/1_init.sql': INIT,
      'supabase/migrations/2_comments.sql': COMMENTS_TABLE,
    });

    const first = await runAction('pull_request', pullRequestEvent());
    expect(first.code).toBe(1);
    expect(annotations(first.stdout)).toEqual([
      expect.stringMatching(
        /^::error title=index\/unindexed-foreign-key \(already on base\),file=supabase\/migrations\/1_init.sql,line=2,endLine=2::posts.author_id/,
      ),
      expect.stringMatching(
        /^::error title=index\/unindexed-foreign-key,file=supabase\/migrations\/2_comments.sql,line=1,endLine=1::comments.post_id/,
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
    const second = await runAction('pull_request', pullRequestEvent());
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
    const run = await runAction('pull_request', pullRequestEvent());
    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({ conclusion: 'success', findings: '0' });
    expect(annotations(run.stdout)).toEqual([]);
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
    const run = await runAction('pull_request', pullRequestEvent());
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      '::warning::The checklist comment was not posted: the token cannot write to this pull request',
    );
    expect(annotations(run.stdout).find((line) => line.startsWith('::error title='))).toContain(
      'posts.author_id',
    );
    expect(run.summary).toContain('The checklist comment was not posted');
    expect(run.outputs.conclusion).toBe('failure');
  });

  it('with comment: false, makes no comment request', async () => {
    github.commit(BASE_SHA, {});
    await project({ 'supabase/migrations/1_init.sql': INIT });
    const run = await runAction('pull_request', pullRequestEvent(), { comment: 'false' });
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
    const run = await runAction('pull_request', pullRequestEvent(), { comment: 'false' });
    expect(annotations(run.stdout).filter((line) => line.startsWith('::error title='))).toHaveLength(10);
    expect(run.stdout).toContain('4 more finding(s) were not annotated');
    expect(run.outputs.findings).toBe('14');
  });

  it('on push, reviews without a pull request: no comparison, no comment, outputs and SARIF still written', async () => {
    await project({ 'supabase/migrations/1_init.sql': INIT });
    const run = await runAction('push', { ref: 'refs/heads/main' }, { 'sarif-file': 'headroom.sarif' });
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
});
