import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { FakeGitHub } from '../github/fake-github-server.ts';
import { freePort, type RedisServer, startRedis } from '../redis-server.ts';
import {
  APP_ID,
  type AppProcess,
  deliver,
  pullRequestDelivery,
  SLUG,
  startProcess,
  stopProcess,
} from './app-processes.ts';
import { baseFiles, headFiles } from './fixtures.ts';

let redis: RedisServer;
let github: FakeGitHub;
let githubHost: string;
const processes: AppProcess[] = [];

beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await redis.stop();
});
vi.setConfig({ testTimeout: 120_000 });
afterEach(async () => {
  await Promise.all(processes.splice(0).map((app) => stopProcess(app, 'SIGKILL')));
  await github.close();
});

const REPOS = [
  { owner: 'acme', repo: 'shop', installation: 11 },
  { owner: 'acme', repo: 'api', installation: 11 },
  { owner: 'globex', repo: 'web', installation: 22 },
];
const BASE = 'b'.repeat(40);
const headOf = (repo: number, pull: number, push: number) => `${repo}${pull}${push}`.padEnd(40, 'a');

async function fakeGitHub(options: { latencyMs?: number } = {}): Promise<void> {
  github = new FakeGitHub({ appId: APP_ID, slug: SLUG, ...options });
  githubHost = await github.listen();
  for (const repo of REPOS) {
    github.addRepo(repo.owner, repo.repo, repo.installation);
    github.addCommit(repo.owner, repo.repo, BASE, baseFiles);
  }
}

async function start(role: 'web' | 'worker', env: Record<string, string> = {}): Promise<AppProcess> {
  const app = await startProcess(role, await freePort(), githubHost, env);
  processes.push(app);
  return app;
}

/**
 * Two pull requests per repository, each opened then pushed `pushes` times, every delivery sent
 * twice (a redelivery), the fake GitHub's head moved before each push as GitHub would.
 */
async function burst(web: AppProcess, pushes: number): Promise<number[]> {
  const answers: number[] = [];
  for (let push = 0; push <= pushes; push++) {
    const sends: Array<Promise<{ status: number; ms: number }>> = [];
    REPOS.forEach((repo, r) => {
      for (const number of [1, 2]) {
        const head = headOf(r, number, push);
        github.addCommit(repo.owner, repo.repo, head, headFiles);
        github.setPull(repo.owner, repo.repo, { number, head, base: BASE, state: 'open', draft: false });
        const payload = pullRequestDelivery(push === 0 ? 'opened' : 'synchronize', repo, {
          number,
          head,
          base: BASE,
        });
        const id = `${repo.repo}-${number}-${push}`;
        sends.push(
          deliver(web.port, 'pull_request', payload, id),
          deliver(web.port, 'pull_request', payload, id),
        );
      }
    });
    for (const answer of await Promise.all(sends)) {
      expect(answer.status).toBe(200);
      answers.push(answer.ms);
    }
  }
  return answers;
}

async function settled(timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const latest = REPOS.flatMap((repo, r) => [1, 2].map((n) => ({ ...repo, head: headOf(r, n, lastPush) })));
    if (github.reviewedAll(latest)) return;
    if (Date.now() > deadline)
      throw new Error(
        `not settled: ${JSON.stringify(github.checkRuns.map((run) => [run.head_sha.slice(0, 4), run.status, run.conclusion]))}`,
      );
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

let lastPush = 0;

/** What a reviewer of every pull request would check once the queue has drained. */
function expectEveryPullReviewedOnce(): void {
  REPOS.forEach((repo, r) => {
    for (const number of [1, 2]) {
      expect(github.commentsOn(repo.owner, repo.repo, number), `${repo.repo}#${number}`).toHaveLength(1);
      const latest = github.runsOf(repo.owner, repo.repo, headOf(r, number, lastPush));
      expect(latest.map((run) => run.status)).toEqual(['completed']);
    }
  });
  expect(github.checkRuns.filter((run) => run.status !== 'completed')).toEqual([]);
}

describe('the App as `npm start` runs it, with no Redis', () => {
  it('answers a burst at once, then reviews every pull request’s latest head exactly once', async () => {
    await fakeGitHub();
    const web = await start('web');
    lastPush = 2;
    const answers = await burst(web, lastPush);
    await settled();
    expectEveryPullReviewedOnce();
    expect(answers).toHaveLength(36);
    const metrics = await (await fetch(`http://127.0.0.1:${web.port}/metrics`)).text();
    expect(metrics).toMatch(/headroom_jobs_enqueued_total\{result="duplicate"\} 18/);
    expect(metrics).toMatch(/headroom_webhook_answer_seconds_count\{status="200"\} 36/);
    const health = await (await fetch(`http://127.0.0.1:${web.port}/healthz`)).json();
    expect(health).toMatchObject({ status: 'ok', queue: { engine: 'embedded' } });
  });
});

describe('the App with Redis: a front door and two workers', () => {
  const redisEnv = (queue: string, more: Record<string, string> = {}) => ({
    REDIS_URL: redis.url,
    HEADROOM_QUEUE: queue,
    HEADROOM_JOB_LOCK_MS: '2000',
    ...more,
  });

  it('two workers review every pull request once: one comment each, never two at once', async () => {
    await fakeGitHub({ latencyMs: 5 });
    const env = redisEnv('two-workers');
    const web = await start('web', { ...env, HEADROOM_WORK_JOBS: 'false' });
    const workers = [await start('worker', env), await start('worker', env)];
    lastPush = 2;
    await burst(web, lastPush);
    await settled();
    expectEveryPullReviewedOnce();
    // Both workers took jobs.
    for (const worker of workers)
      expect(worker.logs.some((line) => line.msg === 'review started')).toBe(true);
    const health = await (await fetch(`http://127.0.0.1:${web.port}/healthz`)).json();
    expect(health).toMatchObject({ status: 'ok', role: 'web', queue: { engine: 'bullmq', ok: true } });
  });

  it('loses nothing when a worker is killed mid-review: another takes its jobs over and completes their runs', async () => {
    await fakeGitHub({ latencyMs: 40 });
    const env = redisEnv('killed-worker');
    const web = await start('web', { ...env, HEADROOM_WORK_JOBS: 'false' });
    const doomed = await start('worker', env);
    const survivor = await start('worker', env);
    lastPush = 1;
    await burst(web, lastPush);
    await until(() => doomed.logs.some((line) => line.msg === 'review started'));
    await stopProcess(doomed, 'SIGKILL');
    await settled(90_000);
    expectEveryPullReviewedOnce();
    expect(survivor.logs.some((line) => /attempt [2-9]/.test(String(line.msg)))).toBe(true);
  });

  it('drains on SIGTERM: the running review completes, then the worker exits', async () => {
    await fakeGitHub({ latencyMs: 40 });
    const env = redisEnv('drained-worker');
    const web = await start('web', { ...env, HEADROOM_WORK_JOBS: 'false' });
    const worker = await start('worker', env);
    lastPush = 0;
    await burst(web, lastPush);
    await until(() => worker.logs.some((line) => line.msg === 'review started'));
    expect(await stopProcess(worker, 'SIGTERM')).toBe(0);
    const finished = worker.logs.filter((line) => /^reviewed /.test(String(line.msg)));
    const started = worker.logs.filter((line) => line.msg === 'review started');
    expect(finished.length).toBe(started.length);
    expect(github.checkRuns.filter((run) => run.status !== 'completed')).toEqual([]);
  });
});

async function until(condition: () => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
