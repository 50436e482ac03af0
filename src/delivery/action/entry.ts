import { runShortLived } from '../short-lived-process.ts';

await runShortLived(async () => (await import('./main.ts')).runStep);
