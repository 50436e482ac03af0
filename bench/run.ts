// `npm run bench [-- DIR…]`: cold CLI processes (the built dist/cli.js, as users run it) on
// synthetic repositories of growing size, on the largest bundled example (and the Action's bundle
// on it), and on any directory given. Prints each phase's time and the peak memory, so the next
// regression shows where it is. Each cold measurement is the median of BENCH_RUNS (3) runs.
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { buildDelivery, DELIVERIES } from '../scripts/build.ts';
import { syntheticRepo, writeRepo } from './synthetic-repo.ts';

const root = new URL('../', import.meta.url).pathname;
const sizes = (process.env.BENCH_SIZES ?? '100,1000,5000').split(',').map(Number);
const LARGEST_EXAMPLE = 'examples/nextjs-prisma-supabase';
/** Cold runs per measurement; the one with the median wall time is printed (a 2-core machine is noisy). */
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

async function median(measure: () => Measured | Promise<Measured>): Promise<Measured> {
  const runs: Measured[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await measure());
  return runs.sort((a, b) => a.wallMs - b.wallMs)[Math.floor(runs.length / 2)] as Measured;
}

interface Measured {
  label: string;
  /** Wall time of the whole command, as a user waits for it. */
  wallMs: number;
  phases: Map<string, number>;
  peakMb?: number;
}

/** Runs the CLI in a fresh process and reads what `--timings` printed. */
function cliRun(label: string, dir: string): Measured {
  const started = performance.now();
  const run = spawnSync(process.execPath, [join(root, 'dist/cli.js'), dir, '--format', 'json', '--timings'], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  const wallMs = performance.now() - started;
  if (run.status !== 0 && run.status !== 1) throw new Error(`${label}: exit ${run.status}\n${run.stderr}`);
  const phases = new Map<string, number>();
  let peakMb: number | undefined;
  for (const line of run.stderr.split('\n')) {
    const timed = /^(.+?)\s+([\d.]+) ms$/.exec(line);
    if (timed) phases.set(timed[1] as string, Number(timed[2]));
    const peak = /^peak RSS\s+(\d+) MB$/.exec(line);
    if (peak) peakMb = Number(peak[1]);
  }
  return { label, wallMs, phases, ...(peakMb !== undefined ? { peakMb } : {}) };
}

/** The Action's bundle as a runner starts it, on a push (no API call is needed for one). */
async function actionRun(label: string, dir: string): Promise<Measured> {
  const files = await mkdtemp(join(tmpdir(), 'headroom-bench-runner-'));
  try {
    const event = join(files, 'event.json');
    await writeFile(event, JSON.stringify({ ref: 'refs/heads/main', after: '0'.repeat(40) }));
    for (const name of ['output', 'summary']) await writeFile(join(files, name), '');
    const started = performance.now();
    const run = spawnSync(process.execPath, [join(root, 'dist/action.js')], {
      encoding: 'utf8',
      env: {
        PATH: process.env.PATH ?? '',
        GITHUB_EVENT_NAME: 'push',
        GITHUB_EVENT_PATH: event,
        GITHUB_REPOSITORY: 'bench/example',
        GITHUB_WORKSPACE: dir,
        GITHUB_OUTPUT: join(files, 'output'),
        GITHUB_STEP_SUMMARY: join(files, 'summary'),
        // Nothing listens there: a request the Action should not make fails at once.
        GITHUB_API_URL: 'http://127.0.0.1:9',
        'INPUT_GITHUB-TOKEN': 'bench',
        'INPUT_FAIL-ON': 'never',
        INPUT_COMMENT: 'false',
        'INPUT_WORKING-DIRECTORY': '.',
      },
    });
    const wallMs = performance.now() - started;
    if (run.status !== 0) throw new Error(`${label}: exit ${run.status}\n${run.stdout}\n${run.stderr}`);
    return { label, wallMs, phases: new Map() };
  } finally {
    await rm(files, { recursive: true, force: true });
  }
}

function print(runs: Measured[]): void {
  const parse = (run: Measured) =>
    [...run.phases].filter(([phase]) => phase.startsWith('parse ')).reduce((sum, [, ms]) => sum + ms, 0);
  const columns: Array<[string, (run: Measured) => number | undefined]> = [
    ['wall', (run) => run.wallMs],
    ['startup', (run) => run.phases.get('startup')],
    ['list', (run) => run.phases.get('list')],
    ['read', (run) => run.phases.get('read')],
    ['parse', (run) => (run.phases.size ? parse(run) : undefined)],
    ['rules', (run) => run.phases.get('rules')],
    ['render', (run) => run.phases.get('render')],
    ['peak MB', (run) => run.peakMb],
  ];
  const width = Math.max(...runs.map((run) => run.label.length), 5);
  console.log(['run'.padEnd(width), ...columns.map(([name]) => name.padStart(8))].join(' '));
  for (const run of runs) {
    const cells = columns.map(([, value]) => {
      const v = value(run);
      return (v === undefined ? '–' : v.toFixed(0)).padStart(8);
    });
    console.log([run.label.padEnd(width), ...cells].join(' '));
  }
  console.log('\nparse, per source (ms):');
  for (const run of runs) {
    const sources = [...run.phases]
      .filter(([phase]) => phase.startsWith('parse '))
      .map(([phase, ms]) => `${phase.slice('parse '.length)} ${ms.toFixed(0)}`);
    if (sources.length) console.log(`  ${run.label.padEnd(width)} ${sources.join(', ')}`);
  }
}

/** Five reviews in one long-lived process, as the App runs them, with the given V8 flags. */
function repeatedRun(dir: string, flags: string[]): string {
  const run = spawnSync(process.execPath, [...flags, join(root, 'bench/repeat-review.ts'), dir, '5'], {
    encoding: 'utf8',
  });
  const { ms, peakMb } = JSON.parse(run.stdout) as { ms: number[]; peakMb: number };
  return `${ms.map((m) => m.toFixed(0)).join(', ')} ms; peak ${peakMb.toFixed(0)} MB`;
}

await buildDelivery(DELIVERIES.cli);
const runs: Measured[] = [];
const longLived: string[] = [];
for (const size of sizes) {
  const dir = await mkdtemp(join(tmpdir(), `headroom-bench-${size}-`));
  try {
    await writeRepo(dir, syntheticRepo(size));
    runs.push(await median(() => cliRun(`synthetic ${size} models+migrations`, dir)));
    if (size === 1000)
      for (const flags of [[], ['--liftoff-only']])
        longLived.push(`  synthetic 1000, ${flags.join(' ') || 'V8 defaults'}: ${repeatedRun(dir, flags)}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
runs.push(await median(() => cliRun(`cli ${LARGEST_EXAMPLE}`, join(root, LARGEST_EXAMPLE))));
runs.push(await median(() => actionRun(`action ${LARGEST_EXAMPLE}`, join(root, LARGEST_EXAMPLE))));
for (const dir of process.argv.slice(2)) runs.push(await median(() => cliRun(basename(dir), dir)));
print(runs);
if (longLived.length) console.log(`\nfive reviews in one process (the App):\n${longLived.join('\n')}`);
