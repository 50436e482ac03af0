// One measured review in a fresh process, so peak memory belongs to this size alone.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalFileSet } from '../src/files/local-file-set.ts';
import { review } from '../src/review/run-review.ts';
import { syntheticRepo, writeRepo } from './synthetic-repo.ts';

const size = Number(process.argv[2]);
const dir = await mkdtemp(join(tmpdir(), `headroom-bench-${size}-`));
const files = syntheticRepo(size);
await writeRepo(dir, files);
try {
  const started = performance.now();
  const result = await review(new LocalFileSet(dir));
  const ms = performance.now() - started;
  const peakMb = process.resourceUsage().maxRSS / 1024;
  console.log(
    JSON.stringify({
      size,
      files: Object.keys(files).length,
      ms,
      peakMb,
      findings: result.findings.length,
      diagnostics: result.diagnostics.length,
    }),
  );
} finally {
  await rm(dir, { recursive: true, force: true });
}
