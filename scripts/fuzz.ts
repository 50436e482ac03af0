// `npm run fuzz`: thousands of damaged repositories through the whole review (every reader and
// reporter), time-bounded. FUZZ_RUNS (10,000), FUZZ_SECONDS (900) and FUZZ_SEED choose the run.
// On a failure it prints the minimised reproducer and writes it to fuzz-reproducer.json.
import { writeFile } from 'node:fs/promises';
import fc from 'fast-check';
import { hostileRepository, problemsWith } from '../test/fuzz/hostile-files.ts';

const runs = Number(process.env.FUZZ_RUNS ?? 10_000);
const seconds = Number(process.env.FUZZ_SECONDS ?? 900);
const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);

let cases = 0;
let files = 0;
let bytes = 0;
let slowest = 0;
const started = performance.now();
const outcome = await fc.check(
  fc.asyncProperty(hostileRepository, async (repository) => {
    cases++;
    files += Object.keys(repository).length;
    bytes += Object.values(repository).reduce((sum, text) => sum + text.length, 0);
    const before = performance.now();
    const problems = await problemsWith(repository);
    slowest = Math.max(slowest, performance.now() - before);
    if (problems.length > 0) throw new Error(problems.join('\n'));
  }),
  { numRuns: runs, seed, interruptAfterTimeLimit: seconds * 1000, markInterruptAsFailure: false },
);
const elapsed = (performance.now() - started) / 1000;

console.log(
  `seed ${seed}: ${outcome.numRuns} cases passed in ${elapsed.toFixed(0)} s (${cases} reviews run, ${files} files, ${(bytes / 1e6).toFixed(1)} MB of input)`,
);
console.log(
  `slowest review: ${slowest.toFixed(0)} ms${outcome.interrupted ? `; stopped by the ${seconds} s limit` : ''}`,
);
if (outcome.failed) {
  const reproducer = outcome.counterexample?.[0] ?? {};
  await writeFile('fuzz-reproducer.json', `${JSON.stringify(reproducer, null, 2)}\n`);
  console.log(`FAILED after ${outcome.numRuns} cases, shrunk ${outcome.numShrinks} times:`);
  console.log(
    outcome.errorInstance instanceof Error ? outcome.errorInstance.message : String(outcome.errorInstance),
  );
  console.log(
    `minimised reproducer (files → text) written to fuzz-reproducer.json; replay with FUZZ_SEED=${seed}`,
  );
  process.exitCode = 1;
} else {
  console.log('0 crashes, 0 readers failed, 0 invalid JSON or SARIF, 0 leaks, 0 hangs over 5 s');
}
