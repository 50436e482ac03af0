import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hostileRepository, problemsWith } from './hostile-files.ts';

describe('a review of any damaged repository', () => {
  it('never throws, never fails a reader, always prints valid JSON and SARIF, never prints a planted secret', async () => {
    // A fixed seed keeps `npm test` the same from run to run; `npm run fuzz` draws new cases.
    await fc.assert(
      fc.asyncProperty(hostileRepository, async (files) => {
        expect(await problemsWith(files)).toEqual([]);
      }),
      { numRuns: 150, seed: 20261202, endOnFailure: false },
    );
  }, 120_000);
});
