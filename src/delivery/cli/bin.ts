#!/usr/bin/env node
import { runShortLived } from '../short-lived-process.ts';

await runShortLived(async () => {
  const { main } = await import('./main.ts');
  return () =>
    main(process.argv.slice(2)).catch((error: unknown) => {
      process.stderr.write(
        `headroom: fatal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
      return 2;
    });
});
