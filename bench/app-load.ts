// `npm run bench:app`: the App as it is deployed (the built dist/app.js and dist/worker.js),
// first as one process with the embedded queue, then as a front door with two workers on Redis,
// against a fake GitHub on loopback serving real-sized repositories. A burst of 200 signed
// deliveries, spread over five seconds (about the rate of the burst that issue 11 describes), (30 pull requests in 10 repositories of 3 installations, each
// opened then pushed three times, two thirds redelivered) is sent, and the run waits until every
// pull request's latest head has its review. Prints answer times, drain time, reviews, requests
// per review, superseded heads reviewed anyway and each process's peak memory.
// BENCH_APP_SPACING_MS (1000, github.com's) spaces each installation's writes; BENCH_APP_LATENCY_MS
// (50) is the fake GitHub's answer time.
import { readFileSync, writeFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { Worker } from 'node:worker_threads';
import { buildDelivery, DELIVERIES } from '../scripts/build.ts';
import {
  APP_ID,
  type AppProcess,
  pullRequestDelivery,
  SLUG,
  startProcess,
  stopProcess,
} from '../test/app/app-processes.ts';
import { FakeGitHub } from '../test/github/fake-github-server.ts';
import { freePort, startRedis } from '../test/redis-server.ts';
import type { Answered, Wave } from './delivery-sender.ts';
import { syntheticRepo } from './synthetic-repo.ts';

const root = new URL('../', import.meta.url).pathname;
const SPACING = process.env.BENCH_APP_SPACING_MS ?? '1000';
const LATENCY = Number(process.env.BENCH_APP_LATENCY_MS ?? 50);
const PUSHES = 3;
const WAVE_GAP_MS = 1_250;
const INSTALLATIONS = [101, 202, 303];
const BASE = '0'.repeat(40);

interface Repo {
  owner: string;
  repo: string;
  installation: number;
  files: Record<string, string>;
}

async function exampleFiles(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files[relative(dir, path)] = await readFile(path, 'utf8');
  }
  return files;
}

/** Application code that a real repository has around its configs: thousands of files, few relevant. */
function sourceTree(count: number): Record<string, string> {
  return Object.fromEntries(
    Array.from({ length: count }, (_, i) => [
      `src/components/c${Math.floor(i / 40)}/part${i}.tsx`,
      `export const P${i} = () => null;\n`,
    ]),
  );
}

async function repositories(): Promise<Repo[]> {
  const kinds = [
    await exampleFiles(join(root, 'examples/nextjs-prisma-supabase')),
    await exampleFiles(join(root, 'examples/fastapi-render')),
    await exampleFiles(join(root, 'examples/discord-bot-render')),
    syntheticRepo(100),
    syntheticRepo(400),
  ];
  return Array.from({ length: 10 }, (_, i) => ({
    owner: `org${i % 3}`,
    repo: `repo${i}`,
    installation: INSTALLATIONS[i % 3] as number,
    files: { ...sourceTree(i % 2 ? 3_000 : 500), ...(kinds[i % kinds.length] as Record<string, string>) },
  }));
}

const headOf = (repo: number, pull: number, push: number) =>
  `${repo.toString(16)}f${pull.toString(16)}f${push}`.padEnd(40, 'c');

interface Result {
  mode: string;
  answers: number[];
  drainMs: number;
  reviews: number;
  requests: number;
  writes: number;
  supersededReviewed: number;
  pulls: number;
  /** The App's own histogram of answer times: answers within each bucket's bound, cumulative. */
  serverSide: Array<[string, number]>;
  peakMb: Record<string, number>;
  problems: string[];
}

async function run(mode: 'embedded' | 'redis'): Promise<Result> {
  const github = new FakeGitHub({ appId: APP_ID, slug: SLUG, latencyMs: LATENCY });
  const host = await github.listen();
  const repos = await repositories();
  for (const repo of repos) {
    github.addRepo(repo.owner, repo.repo, repo.installation);
    github.addCommit(repo.owner, repo.repo, BASE, repo.files);
  }
  const redis = mode === 'redis' ? await startRedis() : undefined;
  const env = {
    HEADROOM_WRITE_SPACING_MS: SPACING,
    ...(redis ? { REDIS_URL: redis.url, HEADROOM_QUEUE: `bench-${Date.now()}` } : {}),
  };
  const bundled = { web: join(root, 'dist/app.js'), worker: join(root, 'dist/worker.js') };
  const processes: Array<[string, AppProcess]> = [];
  const web = await startProcess(
    'web',
    await freePort(),
    host,
    { ...env, ...(redis ? { HEADROOM_WORK_JOBS: 'false' } : {}) },
    bundled.web,
  );
  processes.push(['web', web]);
  if (redis) {
    for (const name of ['worker 1', 'worker 2'])
      processes.push([name, await startProcess('worker', await freePort(), host, env, bundled.worker)]);
  }

  const started = Date.now();
  const answers: number[] = [];
  const successorQueuedAt = new Map<string, number>();
  const sender = new Worker(new URL('./delivery-sender.ts', import.meta.url));
  for (let push = 0; push <= PUSHES; push++) {
    const wave: Wave['deliveries'] = [];
    const successors: string[] = [];
    repos.forEach((repo, r) => {
      for (const number of [1, 2, 3]) {
        const head = headOf(r, number, push);
        github.addCommit(repo.owner, repo.repo, head, {
          ...repo.files,
          [`db/migrations/bench_${push}.sql`]: `CREATE TABLE t${push} (id int);\n`,
        });
        github.setPull(repo.owner, repo.repo, { number, head, base: BASE, state: 'open', draft: false });
        const payload = pullRequestDelivery(push === 0 ? 'opened' : 'synchronize', repo, {
          number,
          head,
          base: BASE,
        });
        const id = `${repo.repo}-${number}-${push}`;
        const copies = (r * 3 + number + push) % 3 === 0 ? 1 : 2;
        for (let copy = 0; copy < copies; copy++) {
          wave.push({ name: 'pull_request', payload, id });
          successors.push(push > 0 ? headOf(r, number, push - 1) : '');
        }
      }
    });
    const answered = await new Promise<Answered>((resolve, reject) => {
      sender.once('message', resolve);
      sender.once('error', reject);
      sender.postMessage({ port: web.port, spreadMs: WAVE_GAP_MS, deliveries: wave } satisfies Wave);
    });
    answers.push(...answered.ms);
    answered.at.forEach((at, index) => {
      const previous = successors[index];
      if (previous && !successorQueuedAt.has(previous)) successorQueuedAt.set(previous, at);
    });
  }
  await sender.terminate();

  const latest = repos.flatMap((repo, r) => [1, 2, 3].map((n) => ({ repo, n, head: headOf(r, n, PUSHES) })));
  const deadline = Date.now() + 15 * 60_000;
  for (;;) {
    if (github.reviewedAll(latest.map(({ repo, head }) => ({ ...repo, head })))) break;
    if (Date.now() > deadline) throw new Error(`${mode}: not drained after 15 minutes`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const drainMs = Date.now() - started;

  const serverSide = answerBuckets(await (await fetch(`http://127.0.0.1:${web.port}/metrics`)).text());
  const peakMb: Record<string, number> = {};
  for (const [name, app] of processes) peakMb[name] = peakRssMb(app.child.pid);
  await Promise.all(processes.map(([, app]) => stopProcess(app)));
  await github.close();
  if (process.env.BENCH_APP_DUMP)
    writeFileSync(`${process.env.BENCH_APP_DUMP}-${mode}.json`, JSON.stringify(github.requests));
  await redis?.stop();

  const reviewed = github.checkRuns.filter((run) => run.conclusion && run.conclusion !== 'skipped');
  const problems: string[] = [];
  for (const { repo, n } of latest) {
    const comments = github.commentsOn(repo.owner, repo.repo, n).length;
    if (comments !== 1) problems.push(`${repo.repo}#${n}: ${comments} comments`);
  }
  return {
    mode,
    answers,
    drainMs,
    reviews: reviewed.length,
    requests: github.requests.length,
    writes: github.requests.filter(
      (request) =>
        request.method !== 'GET' &&
        !request.path.startsWith('/graphql') &&
        !request.path.includes('access_tokens'),
    ).length,
    supersededReviewed: reviewed.filter(
      (run) => (successorQueuedAt.get(run.head_sha) ?? Number.POSITIVE_INFINITY) < run.createdMs,
    ).length,
    pulls: latest.length,
    serverSide,
    peakMb,
    problems,
  };
}

function answerBuckets(metrics: string): Array<[string, number]> {
  return [
    ...metrics.matchAll(/^headroom_webhook_answer_seconds_bucket\{le="([^"]+)",status="200"\} (\d+)$/gm),
  ].map((match) => [match[1] as string, Number(match[2])]);
}

/** The process's peak resident memory (its threads included), read before it stops. */
function peakRssMb(pid: number | undefined): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024);
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

function print(result: Result): void {
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  console.log(
    `\n${result.mode === 'embedded' ? 'embedded queue, one process (npm start)' : 'Redis: front door + two workers (npm start, npm run worker ×2)'}`,
  );
  console.log(`  deliveries answered   ${result.answers.length}`);
  console.log(
    `  answer p50/p99/max    ${ms(percentile(result.answers, 50))} / ${ms(percentile(result.answers, 99))} / ${ms(Math.max(...result.answers))}`,
  );
  const total = result.serverSide.at(-1)?.[1] ?? 0;
  const within = (bound: string) => result.serverSide.find(([le]) => le === bound)?.[1] ?? 0;
  console.log(
    `  answered by the App   ${within('0.01')} within 10 ms, ${within('0.05')} within 50 ms, ${within('0.1')} within 100 ms, of ${total} (its own clock)`,
  );
  console.log(
    `  drained in            ${(result.drainMs / 1000).toFixed(1)} s (${result.pulls} pull requests, latest heads all reviewed)`,
  );
  console.log(
    `  reviews               ${result.reviews} (${(result.reviews / (result.drainMs / 1000)).toFixed(2)} per second)`,
  );
  console.log(
    `  superseded reviewed   ${result.supersededReviewed} (reviews started after the head's successor was queued)`,
  );
  console.log(
    `  API requests          ${result.requests} (${(result.requests / result.reviews).toFixed(1)} per review)`,
  );
  console.log(
    `  writes                ${result.writes} (${(result.writes / result.reviews).toFixed(1)} per review)`,
  );
  for (const [name, mb] of Object.entries(result.peakMb))
    console.log(`  peak RSS, ${name.padEnd(10)} ${mb} MB`);
  for (const problem of result.problems) console.log(`  PROBLEM: ${problem}`);
}

await buildDelivery(DELIVERIES.app);
console.log(`write spacing ${SPACING} ms per installation, fake GitHub latency ${LATENCY} ms`);
const modes = (process.argv[2] ? [process.argv[2]] : ['embedded', 'redis']) as Array<'embedded' | 'redis'>;
for (const mode of modes) print(await run(mode));
