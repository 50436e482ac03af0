import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BullQueue } from '../../../src/delivery/app/queue/bullmq-queue.ts';
import { EmbeddedQueue } from '../../../src/delivery/app/queue/embedded-queue.ts';
import { InstallationBudget } from '../../../src/delivery/app/queue/installation-budget.ts';
import { JobFailure, type JobQueue, type JobReport } from '../../../src/delivery/app/queue/job-queue.ts';
import { type RedisServer, startRedis } from '../../redis-server.ts';
import { reviewJob } from './job.ts';
import { ScriptedRunner } from './scripted-runner.ts';

let redis: RedisServer;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await redis.stop();
});

interface Setup {
  concurrency?: number;
  perInstallation?: number;
}

interface Engine {
  queue: JobQueue;
  runner: ScriptedRunner;
  budget: InstallationBudget;
  reports: JobReport[];
}

const RETRY = { attempts: 3, firstDelayMs: 20 };
const open: JobQueue[] = [];

const ENGINES: Record<string, (setup: Setup) => Engine> = {
  embedded: ({ concurrency = 2, perInstallation = 2 }) => {
    const runner = new ScriptedRunner();
    const budget = new InstallationBudget(perInstallation);
    const reports: JobReport[] = [];
    const queue = new EmbeddedQueue({
      runner,
      budget,
      concurrency,
      retry: RETRY,
      observe: (r) => reports.push(r),
    });
    return { queue, runner, budget, reports };
  },
  bullmq: ({ concurrency = 2, perInstallation = 2 }) => {
    const runner = new ScriptedRunner();
    const budget = new InstallationBudget(perInstallation);
    const reports: JobReport[] = [];
    const queue = new BullQueue({
      redisUrl: redis.url,
      name: `test-${randomUUID()}`,
      budget,
      worker: { runner, concurrency, lockMs: 5_000 },
      retry: RETRY,
      observe: (r) => reports.push(r),
    });
    return { queue, runner, budget, reports };
  },
};

function start(engine: string, setup: Setup = {}): Engine {
  const made = (ENGINES[engine] as (setup: Setup) => Engine)(setup);
  open.push(made.queue);
  return made;
}

afterEach(async () => {
  await Promise.all(open.splice(0).map((queue) => queue.close()));
});

/** Until nothing waits, runs or is delayed. */
async function drained(queue: JobQueue, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const stats = await queue.stats();
    if (stats.waiting + stats.active + stats.delayed === 0) return;
    if (Date.now() > deadline) throw new Error(`not drained: ${JSON.stringify(stats)}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe.each(Object.keys(ENGINES))('the %s queue', (engine) => {
  it('runs a redelivery (same delivery id) once', async () => {
    const { queue, runner } = start(engine);
    runner.autoRelease = { kind: 'reviewed', headSha: 'a' };
    const job = reviewJob();
    expect(await queue.add(job)).toBe('queued');
    await runner.started(1);
    await drained(queue);
    expect(await queue.add({ ...job })).toBe('duplicate');
    await drained(queue);
    expect(runner.runs).toHaveLength(1);
  });

  it('keeps one job per pull request behind the running one: the newest delivery, never two at once', async () => {
    const { queue, runner } = start(engine);
    await queue.add(reviewJob({ headSha: 'a' }));
    await runner.started(1);
    // Two pushes while the first review runs: only the newest is worth a review.
    await queue.add(reviewJob({ headSha: 'b' }));
    await queue.add(reviewJob({ headSha: 'c' }));
    runner.runs[0]?.release();
    await runner.started(2);
    runner.runs[1]?.release();
    await drained(queue);
    expect(runner.runs.map((run) => run.job.headSha)).toEqual(['a', 'c']);
    expect(runner.overlaps).toEqual([]);
  });

  it('runs the jobs of different pull requests side by side', async () => {
    const { queue, runner } = start(engine, { concurrency: 2 });
    await queue.add(reviewJob({ number: 1 }));
    await queue.add(reviewJob({ number: 2 }));
    await runner.started(2);
    expect(runner.runs.map((run) => run.job.number).sort()).toEqual([1, 2]);
    for (const run of runner.runs) run.release();
    await drained(queue);
  });

  it('lets another installation go first when one is at its cap', async () => {
    const { queue, runner } = start(engine, { concurrency: 2, perInstallation: 1 });
    // A bot opens three pull requests in installation 1, then someone in installation 2 opens one.
    for (const number of [1, 2, 3]) await queue.add(reviewJob({ installationId: 1, number }));
    await queue.add(reviewJob({ installationId: 2, number: 9 }));
    await runner.started(2);
    expect(runner.runs.map((run) => run.job.installationId).sort()).toEqual([1, 2]);
    runner.autoRelease = { kind: 'reviewed', headSha: 'x' };
    for (const run of runner.runs) run.release();
    await drained(queue);
    expect(runner.runs).toHaveLength(4);
  });

  it('waits for an installation’s rate-limit reset before starting its jobs', async () => {
    const { queue, runner, budget } = start(engine);
    budget.observe({ installationId: 1, remaining: 3, resetAt: Date.now() + 600 });
    runner.autoRelease = { kind: 'reviewed', headSha: 'x' };
    const queuedAt = Date.now();
    await queue.add(reviewJob({ installationId: 1, number: 1 }));
    await queue.add(reviewJob({ installationId: 2, number: 2 }));
    await runner.started(1);
    expect(runner.runs[0]?.job.installationId).toBe(2);
    await runner.started(2);
    expect(Date.now() - queuedAt).toBeGreaterThanOrEqual(500);
    await drained(queue);
  });

  it('retries a transient failure with the attempt counted, and gives up on a final one', async () => {
    const { queue, runner, reports } = start(engine);
    runner.autoRelease = { kind: 'reviewed', headSha: 'x' };
    runner.failures = [new JobFailure('502 Bad Gateway', false)];
    await queue.add(reviewJob({ number: 1 }));
    await runner.started(1);
    await drained(queue);
    expect(runner.runs[0]?.attempt.number).toBe(2);

    runner.failures = [new JobFailure('404 Not Found', true)];
    await queue.add(reviewJob({ number: 2 }));
    await drained(queue);
    const failures = reports.filter((report) => 'failure' in report);
    expect(
      failures.map((report) => 'failure' in report && [report.failure.message, report.willRetry]),
    ).toEqual([
      ['502 Bad Gateway', true],
      ['404 Not Found', false],
    ]);
    expect(runner.runs).toHaveLength(1);
  });

  it('drains on close: the running job finishes, then close resolves', async () => {
    const { queue, runner, reports } = start(engine);
    await queue.add(reviewJob());
    await runner.started(1);
    const closing = queue.close();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(reports).toHaveLength(0);
    runner.runs[0]?.release();
    await closing;
    expect(reports.map((report) => 'outcome' in report && report.outcome.kind)).toEqual(['reviewed']);
  });
});

describe('the embedded queue, folding deliveries into the waiting job', () => {
  it('keeps the ticked boxes of a waiting checklist edit when a push takes its place', async () => {
    const { queue, runner } = start('embedded');
    await queue.add(reviewJob({ headSha: 'a' }));
    await runner.started(1);
    const edit = { sender: 'octocat', ticked: ['fp1'], unticked: [], commentAuthor: 'headroom[bot]' };
    expect(
      await queue.add(
        reviewJob({ event: 'issue_comment.edited', headSha: '', reviewAsked: false, edits: [edit] }),
      ),
    ).toBe('queued');
    expect(await queue.add(reviewJob({ headSha: 'b' }))).toBe('merged');
    runner.runs[0]?.release();
    await runner.started(2);
    runner.runs[1]?.release();
    await drained(queue);
    expect(runner.runs[1]?.job).toMatchObject({ headSha: 'b', reviewAsked: true, edits: [edit] });
  });
});
