import { runShortLived } from '../short-lived-process.ts';

await runShortLived(import.meta.url, async () => (await import('./main.ts')).runStep);
