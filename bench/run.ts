// `npm run bench`: reviews synthetic repositories of growing size, each in its own process,
// and prints wall time, throughput and peak memory so cost growth is visible.
import { execFileSync } from 'node:child_process';

const sizes = (process.env.BENCH_SIZES ?? '100,1000,5000').split(',').map(Number);
console.log('models+migrations   files   review ms   files/s   peak RSS MB   findings');
for (const size of sizes) {
  const output = execFileSync(
    process.execPath,
    [new URL('./review-once.ts', import.meta.url).pathname, String(size)],
    {
      encoding: 'utf8',
    },
  );
  const run = JSON.parse(output.trim().split('\n').at(-1) ?? '{}');
  console.log(
    [
      String(size).padStart(17),
      String(run.files).padStart(7),
      run.ms.toFixed(0).padStart(11),
      ((run.files / run.ms) * 1000).toFixed(0).padStart(9),
      run.peakMb.toFixed(0).padStart(13),
      String(run.findings).padStart(10),
    ].join(' '),
  );
}
