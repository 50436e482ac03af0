import module from 'node:module';
import v8 from 'node:v8';
import { keepWasmOnBaselineCompiler } from './baseline-wasm.ts';

/**
 * The young generation held at its start size, on V8 12 and later: parsing thousands of modules
 * allocates fast, and Node 24 grows the young generation up to 64 MB for it; `--semi-space-growth-
 * factor=1` holds peak memory on a large monorepo (trigger.dev) about 50 MB lower. Node 20's V8
 * (11) stops at 16 MB by itself, and there the flag only costs time (1.39 → 1.56 s on it).
 */
const HOLD_YOUNG_GENERATION = Number(process.versions.v8.split('.')[0]) >= 12;

/**
 * Runs a one-shot entry point (the CLI, the Action) with WebAssembly on the baseline compiler and
 * the flags above, set from inside this process: starting Node again with them on its command
 * line cost a whole Node start (35 ms on Node 24, 90 ms on Node 20). `load` imports the work once
 * Node keeps compiled code on disk between runs (Node ≥ 22.1; Node 20 compiles it each time).
 * Sets the exit status.
 */
export async function runShortLived(load: () => Promise<() => Promise<number>>): Promise<void> {
  keepWasmOnBaselineCompiler();
  if (HOLD_YOUNG_GENERATION) v8.setFlagsFromString('--semi-space-growth-factor=1');
  module.enableCompileCache?.();
  process.exitCode = await (await load())();
}
