import { Octokit } from '@octokit/rest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type CheckAnnotation,
  completeCheckRun,
  failCheckRun,
  latestCheckRun,
  startCheckRun,
} from '../../src/delivery/github/check-run.ts';
import { GitHubRecorder, type Json } from './github-recorder.ts';

const client = new Octokit({ auth: 'test-token' });
const repo = { owner: 'acme', repo: 'shop' };
let github: GitHubRecorder;

beforeEach(() => {
  github = new GitHubRecorder();
});
afterEach(() => {
  github.dispose();
});

function annotations(count: number): CheckAnnotation[] {
  return Array.from({ length: count }, (_, i) => ({
    path: 'prisma/schema.prisma',
    start_line: i + 1,
    end_line: i + 1,
    annotation_level: 'warning' as const,
    message: `finding ${i}`,
  }));
}

describe('check runs', () => {
  it('starts a run named headroom, in progress, on the head commit', async () => {
    github.scope.post('/repos/acme/shop/check-runs').reply(201, { id: 41 });

    expect(await startCheckRun(client, repo, 'f'.repeat(40))).toBe(41);

    expect(github.requests[0]?.body).toMatchObject({
      name: 'headroom',
      head_sha: 'f'.repeat(40),
      status: 'in_progress',
    });
    expect(github.problems()).toEqual([]);
  });

  it('completes with the first 50 annotations, then appends the rest 50 per request', async () => {
    github.scope.patch('/repos/acme/shop/check-runs/41').times(3).reply(200, { id: 41 });

    await completeCheckRun(client, repo, 41, {
      conclusion: 'failure',
      title: '2 blocking findings',
      summary: 'x'.repeat(70_000),
      annotations: annotations(120),
    });

    const bodies = github.requests.map((request) => request.body as Json);
    expect(bodies.map((body) => body.output.annotations.length)).toEqual([50, 50, 20]);
    expect(bodies[0]).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(bodies[1]?.status).toBeUndefined();
    expect(bodies[2]?.output.annotations[19].message).toBe('finding 119');
    expect(bodies[0]?.output.summary.length).toBe(65_535);
    expect(github.problems()).toEqual([]);
  });

  it('completes a run without annotations in one request', async () => {
    github.scope.patch('/repos/acme/shop/check-runs/41').reply(200, { id: 41 });

    await completeCheckRun(client, repo, 41, {
      conclusion: 'success',
      title: 'ok',
      summary: 'ok',
      annotations: [],
    });

    expect(github.lines).toEqual(['PATCH /repos/acme/shop/check-runs/41']);
    expect(github.problems()).toEqual([]);
  });

  it('reports Headroom’s own failure as neutral, with the error in the summary', async () => {
    github.scope.patch('/repos/acme/shop/check-runs/41').reply(200, { id: 41 });

    await failCheckRun(client, repo, 41, new Error('GraphQL said no'));

    expect(github.requests[0]?.body).toMatchObject({
      status: 'completed',
      conclusion: 'neutral',
      output: {
        title: 'Headroom could not complete the review',
        summary: expect.stringContaining('GraphQL said no'),
      },
    });
    expect(github.problems()).toEqual([]);
  });

  it('finds the latest headroom run this App made on a commit, with the base it reviewed', async () => {
    github.scope
      .get(`/repos/acme/shop/commits/${'f'.repeat(40)}/check-runs`)
      .query({ check_name: 'headroom', app_id: '7', filter: 'latest' })
      .reply(200, {
        total_count: 1,
        check_runs: [
          { id: 41, status: 'completed', completed_at: '2026-12-01T10:00:00Z', external_id: 'b'.repeat(40) },
        ],
      });

    expect(await latestCheckRun(client, repo, 'f'.repeat(40), 7)).toEqual({
      id: 41,
      status: 'completed',
      completedAt: '2026-12-01T10:00:00Z',
      baseSha: 'b'.repeat(40),
    });
    expect(github.problems()).toEqual([]);
  });
});
