import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticRepo, writeRepo } from '../../bench/synthetic-repo.ts';
import { buildDelivery, DELIVERIES } from '../../scripts/build.ts';
import { machineNodes } from '../helpers/machine-nodes.ts';

const root = new URL('../../', import.meta.url).pathname;
/** V8 prints one line per compiled WebAssembly function, naming the compiler (to stdout). */
const TRACE = '--trace-wasm-compilation-times';
const COMPILED = /^Compiled function \S+ using (\w+)/gm;

describe('a one-shot review process', () => {
  let work: string;
  let repo: string;
  let cli: string;

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'headroom-flags-'));
    repo = join(work, 'repo');
    await writeRepo(repo, syntheticRepo(150));
    cli = join(work, 'dist/cli.js');
    await buildDelivery(DELIVERIES.cli, cli);
  }, 60_000);

  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  it('would have V8 optimise the PostgreSQL parser on these migrations by default', () => {
    // The control: libpg-query itself, with V8's defaults, on the same SQL.
    const script = `
      import { readdirSync, readFileSync } from 'node:fs';
      const { loadModule, parseSync } = await import(${JSON.stringify(join(root, 'node_modules/libpg-query/wasm/index.js'))});
      await loadModule();
      const dir = ${JSON.stringify(join(repo, 'db/migrations'))};
      for (const name of readdirSync(dir)) parseSync(readFileSync(dir + '/' + name, 'utf8'));
    `;
    const run = spawnSync(process.execPath, [TRACE, '--input-type=module', '-e', script], {
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(0);
    expect([...run.stdout.matchAll(COMPILED)].map((line) => line[1])).toContain('TurboFan');
  });

  it('reviews them with the baseline compiler only, on every Node it runs on (the flags are set inside it)', () => {
    const nodes = new Map([[process.version, process.execPath], ...machineNodes()]);
    for (const [version, node] of nodes) {
      const run = spawnSync(node, [TRACE, cli, repo, '--format', 'json'], {
        encoding: 'utf8',
        maxBuffer: 1 << 28,
      });
      expect({ version, code: run.status, stderr: run.stderr }).toEqual({ version, code: 1, stderr: '' });
      const compilers = new Set([...run.stdout.matchAll(COMPILED)].map((line) => line[1]));
      expect({ version, compilers }).toEqual({ version, compilers: new Set(['Liftoff']) });
    }
  });
});
