import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticRepo } from '../../bench/synthetic-repo.ts';
import { buildDelivery, DELIVERIES } from '../../scripts/build.ts';
import { FakeGitHub } from '../github/fake-github-server.ts';
import { freePort } from '../redis-server.ts';
import { APP_ID, deliver, pullRequestDelivery, SLUG, startProcess, stopProcess } from './app-processes.ts';
import { baseFiles, headFiles } from './fixtures.ts';

let dir: string;

/** The Node versions to run the bundle on: the tests' own and the machine's (`/usr/bin/node`). */
const NODES = [process.execPath, '/usr/bin/node'].filter(
  (node, index, all) => existsSync(node) && all.indexOf(node) === index,
);

beforeAll(async () => {
  // Built into a folder with no node_modules beside or above it: what the image ships.
  dir = await mkdtemp(join(tmpdir(), 'headroom-app-bundle-'));
  await buildDelivery(DELIVERIES.app, join(dir, 'dist/app.js'));
}, 120_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the App’s bundle, as the Dockerfile ships it', () => {
  it('holds the web process, the worker and the review thread, with their shared chunks', async () => {
    expect((await readdir(join(dir, 'dist'))).sort()).toEqual([
      'app-chunks',
      'app-thread.js',
      'app.js',
      'worker.js',
    ]);
  });

  it.each(NODES.map((node) => [execFileSync(node, ['--version'], { encoding: 'utf8' }).trim(), node]))(
    'answers and reviews a pull request on Node %s with nothing installed',
    async (_version, node) => {
      const github = new FakeGitHub({ appId: APP_ID, slug: SLUG });
      const host = await github.listen();
      const repo = { owner: 'acme', repo: 'shop', installation: 5 };
      const pull = { number: 4, head: 'c'.repeat(40), base: 'd'.repeat(40) };
      github.addRepo(repo.owner, repo.repo, repo.installation);
      github.addCommit(repo.owner, repo.repo, pull.base, baseFiles);
      github.addCommit(repo.owner, repo.repo, pull.head, headFiles);
      github.setPull(repo.owner, repo.repo, { ...pull, state: 'open', draft: false });
      const web = await startProcess('web', await freePort(), host, {}, join(dir, 'dist/app.js'), node);
      try {
        const answer = await deliver(
          web.port,
          'pull_request',
          pullRequestDelivery('opened', repo, pull),
          'bundle-1',
        );
        expect(answer.status).toBe(200);
        const deadline = Date.now() + 60_000;
        while (!github.checkRuns.some((run) => run.status === 'completed') && Date.now() < deadline) {
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        expect(github.runsOf(repo.owner, repo.repo, pull.head)).toMatchObject([
          { status: 'completed', conclusion: 'failure', title: expect.stringContaining('1 new') },
        ]);
        expect(github.commentsOn(repo.owner, repo.repo, pull.number)).toHaveLength(1);
      } finally {
        await stopProcess(web);
        await github.close();
      }
    },
    90_000,
  );

  it('keeps WebAssembly on the baseline compiler through a review of 150 migrations, with no flag given', async () => {
    // V8's defaults optimise the PostgreSQL parser on this much SQL (test/delivery/short-lived-flags.test.ts).
    const github = new FakeGitHub({ appId: APP_ID, slug: SLUG });
    const host = await github.listen();
    const repo = { owner: 'acme', repo: 'history', installation: 6 };
    const pull = { number: 9, head: 'e'.repeat(40), base: 'f'.repeat(40) };
    const files = syntheticRepo(150);
    github.addRepo(repo.owner, repo.repo, repo.installation);
    github.addCommit(repo.owner, repo.repo, pull.base, files);
    github.addCommit(repo.owner, repo.repo, pull.head, { ...files, 'README.md': 'changed\n' });
    github.setPull(repo.owner, repo.repo, { ...pull, state: 'open', draft: false });
    const web = await startProcess(
      'web',
      await freePort(),
      host,
      {},
      join(dir, 'dist/app.js'),
      process.execPath,
      ['--trace-wasm-compilation-times'],
    );
    try {
      const answer = await deliver(
        web.port,
        'pull_request',
        pullRequestDelivery('opened', repo, pull),
        'bundle-2',
      );
      expect(answer.status).toBe(200);
      const deadline = Date.now() + 60_000;
      while (!github.checkRuns.some((run) => run.status === 'completed') && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(github.runsOf(repo.owner, repo.repo, pull.head)).toMatchObject([{ status: 'completed' }]);
      const compilers = new Set(
        web.output.flatMap((line) => /^Compiled function \S+ using (\w+)/.exec(line)?.[1] ?? []),
      );
      expect(compilers).toEqual(new Set(['Liftoff']));
    } finally {
      await stopProcess(web);
      await github.close();
    }
  }, 90_000);
});
