import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { AppMetrics } from '../../src/delivery/app/ops/metrics.ts';
import { opsRoutes } from '../../src/delivery/app/ops/routes.ts';
import { BullQueue } from '../../src/delivery/app/queue/bullmq-queue.ts';
import { EmbeddedQueue } from '../../src/delivery/app/queue/embedded-queue.ts';
import { InstallationBudget } from '../../src/delivery/app/queue/installation-budget.ts';
import type { JobQueue } from '../../src/delivery/app/queue/job-queue.ts';
import { freePort } from '../redis-server.ts';
import { reviewJob } from './queue/job.ts';
import { ScriptedRunner } from './queue/scripted-runner.ts';

const servers: Server[] = [];
const queues: JobQueue[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
  await Promise.all(queues.splice(0).map((queue) => queue.close()));
});

async function serve(
  queue: JobQueue,
  budget: InstallationBudget,
): Promise<{ url: string; metrics: AppMetrics }> {
  queues.push(queue);
  const metrics = new AppMetrics(queue, budget);
  const routes = opsRoutes(queue, metrics, 'web');
  const server = createServer(async (request, response) => {
    if (!(await routes(request, response))) response.writeHead(404).end();
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, metrics };
}

describe('GET /healthz', () => {
  it('is 200 with the embedded queue', async () => {
    const budget = new InstallationBudget(2);
    const { url } = await serve(
      new EmbeddedQueue({ runner: new ScriptedRunner(), budget, concurrency: 1 }),
      budget,
    );
    const response = await fetch(`${url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: 'ok',
      role: 'web',
      queue: { engine: 'embedded', ok: true, detail: 'embedded queue' },
    });
  });

  it('is 503, saying why, when Redis does not answer', async () => {
    const budget = new InstallationBudget(2);
    const queue = new BullQueue({
      redisUrl: `redis://127.0.0.1:${await freePort()}`,
      name: 'nowhere',
      budget,
    });
    const { url } = await serve(queue, budget);
    const response = await fetch(`${url}/healthz`);
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({
      status: 'unavailable',
      queue: { engine: 'bullmq', ok: false, detail: expect.stringMatching(/^redis unreachable/) },
    });
  });
});

describe('GET /metrics', () => {
  it('serves queue depth, job durations, webhook answers and each installation’s rate limit', async () => {
    const budget = new InstallationBudget(2);
    const runner = new ScriptedRunner();
    let metrics: AppMetrics | undefined;
    const queue = new EmbeddedQueue({
      runner,
      budget,
      concurrency: 1,
      observe: (report) => metrics?.job(report),
    });
    const served = await serve(queue, budget);
    const { url } = served;
    metrics = served.metrics;
    await queue.add(reviewJob({ number: 1 }));
    await queue.add(reviewJob({ number: 2 }));
    await runner.started(1);
    metrics.webhookAnswered(0.004, 200);
    budget.observe({ installationId: 1, remaining: 4321, resetAt: Date.now() + 60_000 });
    metrics.request({ installationId: 1, remaining: 4321, resetAt: Date.now() + 60_000 });

    const response = await fetch(`${url}/metrics`);
    const text = await response.text();

    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(text).toContain('headroom_queue_jobs{state="active"} 1');
    expect(text).toContain('headroom_queue_jobs{state="waiting"} 1');
    expect(text).toMatch(/headroom_queue_oldest_waiting_seconds \d/);
    expect(text).toContain('headroom_webhook_answer_seconds_bucket{le="0.005",status="200"} 1');
    expect(text).toContain('headroom_github_rate_limit_remaining{installation="1"} 4321');
    expect(text).toContain('headroom_github_requests_total{installation="1"} 1');
    runner.runs[0]?.release();
    await runner.started(2);
    runner.runs[1]?.release();
    await queue.idle();
    expect(await (await fetch(`${url}/metrics`)).text()).toContain(
      'headroom_job_duration_seconds_count{outcome="reviewed"} 2',
    );
  });
});
