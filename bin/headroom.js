#!/usr/bin/env node
// Node ≥ 24 strips TypeScript types itself; the CLI runs from source without a build step.
import { main } from '../src/delivery/cli/main.ts';

process.exitCode = await main(process.argv.slice(2)).catch((error) => {
  process.stderr.write(`headroom: fatal error: ${error?.stack ?? error}\n`);
  return 2;
});
