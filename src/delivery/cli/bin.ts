#!/usr/bin/env node
import module from 'node:module';
import { relaunchedForShortRun } from '../short-lived-process.ts';

const relaunched = relaunchedForShortRun(import.meta.url);
if (relaunched !== undefined) process.exitCode = relaunched;
else {
  // Node ≥ 22.1 keeps the compiled review code on disk between runs; Node 20 compiles it each time.
  module.enableCompileCache?.();
  // Imported only in the process that reviews, so the relaunching one stays small.
  const { main } = await import('./main.ts');
  process.exitCode = await main(process.argv.slice(2)).catch((error: unknown) => {
    process.stderr.write(
      `headroom: fatal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    return 2;
  });
}
