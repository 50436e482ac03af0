// Reviews one directory several times in one process, as the long-running App does, and prints
// each review's time and the peak memory: `bench/run.ts` runs it with V8's defaults and with
// `--liftoff-only` (what the App and the CLI set inside themselves) to show which fits a process
// that lives on.
import { LocalFileSet } from '../src/files/local-file-set.ts';
import { review } from '../src/review/run-review.ts';

const [dir, times = '5'] = process.argv.slice(2);
if (!dir) throw new Error('usage: repeat-review.ts DIR [TIMES]');
const ms: number[] = [];
for (let i = 0; i < Number(times); i++) {
  const started = performance.now();
  await review(new LocalFileSet(dir));
  ms.push(performance.now() - started);
}
console.log(JSON.stringify({ ms, peakMb: process.resourceUsage().maxRSS / 1024 }));
