import module from 'node:module';
import v8 from 'node:v8';

/**
 * V8 flags for a process that reviews once and exits, set from inside it: a second process started
 * with them on its command line cost a whole Node start (35 ms on Node 24, 90 ms on Node 20).
 * - `--no-wasm-tier-up --no-wasm-dynamic-tiering`: WebAssembly stays with the baseline compiler.
 *   Without them V8 spends ~600 ms and ~600 MB in a background thread optimising the PostgreSQL
 *   parser's generated grammar function (100 KB of code) for a run that is over before the
 *   optimised code pays off, and the process waits for that job before it exits. They are what
 *   `--liftoff-only` implies; `--liftoff-only` itself does nothing once V8 runs, since V8 applies
 *   implications only to the command line. Both are read when a module is compiled, and the
 *   parsers' WebAssembly is compiled only later, on first use.
 * - `--semi-space-growth-factor=1`, on V8 12 and later: parsing thousands of modules allocates
 *   fast, and Node 24 grows the young generation up to 64 MB for it; keeping it at its start size
 *   holds peak memory on a large monorepo (trigger.dev) about 50 MB lower. Node 20's V8 (11) stops
 *   at 16 MB by itself, and there the flag only costs time (1.39 → 1.56 s on that monorepo).
 */
const SHORT_RUN_FLAGS = [
  '--no-wasm-tier-up',
  '--no-wasm-dynamic-tiering',
  ...(Number(process.versions.v8.split('.')[0]) >= 12 ? ['--semi-space-growth-factor=1'] : []),
];

/**
 * Runs a one-shot entry point (the CLI, the Action) with the flags above. `load` imports the work
 * once Node keeps compiled code on disk between runs (Node ≥ 22.1; Node 20 compiles it each time).
 * Sets the exit status.
 */
export async function runShortLived(load: () => Promise<() => Promise<number>>): Promise<void> {
  v8.setFlagsFromString(SHORT_RUN_FLAGS.join(' '));
  module.enableCompileCache?.();
  process.exitCode = await (await load())();
}
