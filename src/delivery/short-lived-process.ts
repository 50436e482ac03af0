import { spawnSync } from 'node:child_process';
import module from 'node:module';
import { fileURLToPath } from 'node:url';

/**
 * V8 flags for a process that reviews once and exits. V8 freezes its flags once it has started,
 * so `v8.setFlagsFromString` cannot set them: the process must be started with them.
 * - `--liftoff-only`: the baseline WebAssembly compiler only. Without it V8 spends half a second
 *   and about 500 MB in the background optimising the PostgreSQL parser (one huge generated
 *   grammar function) for a run that is over before the optimised code pays off.
 * - `--max-semi-space-size=16` (MB): parsing thousands of modules allocates fast, and Node 24
 *   grows the young generation to 64 MB for it; 16 MB keeps peak memory about 90 MB lower on a
 *   large monorepo for a few percent of time.
 */
const SHORT_RUN_FLAGS = ['--liftoff-only', '--max-semi-space-size=16'];

/**
 * Runs a one-shot entry point (the CLI, the Action): relaunched with the flags above when this
 * process lacks them, here otherwise. `load` imports the work only in the process that does it,
 * so the relaunching one compiles a few kilobytes. Sets the exit status.
 */
export async function runShortLived(
  entry: string,
  load: () => Promise<() => Promise<number>>,
): Promise<void> {
  const relaunched = relaunchedForShortRun(entry);
  if (relaunched !== undefined) {
    process.exitCode = relaunched;
    return;
  }
  // Node ≥ 22.1 keeps the compiled code on disk between runs; Node 20 compiles it each time.
  module.enableCompileCache?.();
  process.exitCode = await (await load())();
}

/**
 * When this process was started without the flags, runs `entry` again in a child process that
 * has them, with the same arguments, standard streams and environment, and returns the exit
 * status to end with. Returns `undefined` when this process is the one to do the work (it has the
 * flags, or no child could be started). The App is a long-running process: its start command
 * passes `--liftoff-only` itself.
 */
function relaunchedForShortRun(entry: string): number | undefined {
  if (SHORT_RUN_FLAGS.every((flag) => process.execArgv.includes(flag))) return undefined;
  const child = spawnSync(
    process.execPath,
    [...process.execArgv, ...SHORT_RUN_FLAGS, fileURLToPath(entry), ...process.argv.slice(2)],
    { stdio: 'inherit' },
  );
  if (child.error) return undefined;
  if (child.signal) process.kill(process.pid, child.signal);
  return child.status ?? 1;
}
