import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import nock from 'nock';
import { createNodeMiddleware } from 'probot';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { allRules } from '../../rules/index.ts';
import { createHeadroomApp, inlineQueue } from '../../src/delivery/app/index.ts';
import type { EmbeddedQueue } from '../../src/delivery/app/queue/embedded-queue.ts';
import type { JobQueue } from '../../src/delivery/app/queue/job-queue.ts';
import type { ReviewJob } from '../../src/delivery/app/review-job.ts';
import { mockBlobQueries, mockTree } from '../github/fake-repo.ts';
import { GitHubRecorder } from '../github/github-recorder.ts';
import { CommentThread } from './comment-thread.ts';
import { baseFiles, headFiles } from './fixtures.ts';
import {
  baseCommit,
  CHECK_RUNS_PATH,
  headCommit,
  mockJobStart,
  pullRequestPayload,
  testProbot,
  WEBHOOK_SECRET,
} from './harness.ts';

let github: GitHubRecorder;
let server: Server;
let endpoint: string;
let queue: EmbeddedQueue;
/** Jobs the front door queued, held until the test lets them run. */
let held: ReviewJob[];

beforeEach(async () => {
  github = new GitHubRecorder();
  held = [];
  const app = createHeadroomApp({
    queue: (probot) => {
      queue = inlineQueue(probot, { rules: allRules });
      const holding: JobQueue = {
        engine: 'embedded',
        add: async (job) => {
          held.push(job);
          return 'queued';
        },
        stats: () => queue.stats(),
        health: () => queue.health(),
        close: () => queue.close(),
      };
      return holding;
    },
  });
  const middleware = await createNodeMiddleware(app, { probot: testProbot() });
  server = createServer((request, response) => {
    void middleware(request, response, () => response.writeHead(404).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  nock.enableNetConnect(`127.0.0.1:${port}`);
  endpoint = `http://127.0.0.1:${port}/api/github/webhooks`;
});
afterEach(async () => {
  github.dispose();
  await new Promise((resolve) => server.close(resolve));
});

function post(body: string, headers: Record<string, string>): Promise<Response> {
  return fetch(endpoint, {
    method: 'POST',
    body,
    headers: {
      'content-type': 'application/json',
      'x-github-event': 'pull_request',
      'x-github-delivery': 'd-1',
      ...headers,
    },
  });
}

function sign(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

describe('the webhook endpoint', () => {
  it('answers a signed delivery before any GitHub request, then reviews the pull request', async () => {
    const body = JSON.stringify(pullRequestPayload('opened'));
    mockJobStart(github);
    github.scope.post(CHECK_RUNS_PATH).reply(201, { id: 1 });
    mockTree(github, headCommit(headFiles));
    mockTree(github, baseCommit(baseFiles));
    mockBlobQueries(github, [headCommit(headFiles), baseCommit(baseFiles)], 2);
    const thread = new CommentThread(github).expectList().expectCreate();
    github.scope.patch(`${CHECK_RUNS_PATH}/1`).reply(200, {});

    const response = await post(body, { 'x-hub-signature-256': sign(body, WEBHOOK_SECRET) });

    expect(response.status).toBe(200);
    // The answer came from the payload alone: one job queued, nothing asked of GitHub.
    expect(github.requests).toEqual([]);
    expect(held.map((job) => [job.event, job.number, job.headSha])).toEqual([
      ['pull_request.opened', 2, 'ec26c3e57ca3a959ca5aad62de7213c562f8c821'],
    ]);
    for (const job of held) await queue.add(job);
    await queue.idle();
    expect(github.problems()).toEqual([]);
    expect(thread.comments).toHaveLength(1);
  });

  it('refuses a delivery signed with another secret, and calls no API', async () => {
    const body = JSON.stringify(pullRequestPayload('opened'));

    const response = await post(body, { 'x-hub-signature-256': sign(body, 'not-the-secret') });

    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(github.requests).toEqual([]);
    expect(github.problems()).toEqual([]);
  });

  it('refuses an unsigned delivery, and calls no API', async () => {
    const response = await post(JSON.stringify(pullRequestPayload('opened')), {});

    expect(response.status).toBe(400);
    expect(github.requests).toEqual([]);
  });

  it('refuses a signed body that was altered on the way', async () => {
    const body = JSON.stringify(pullRequestPayload('opened'));
    const tampered = body.replace('"opened"', '"reopened"');

    const response = await post(tampered, { 'x-hub-signature-256': sign(body, WEBHOOK_SECRET) });

    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(github.requests).toEqual([]);
  });
});
