import { describe, expect, it } from 'vitest';
import { mergeFragments } from '../../src/model/build-model.ts';
import type { EnvFile } from '../../src/model/project-model.ts';

describe('mergeFragments', () => {
  it('merges lists far longer than a call can take as arguments (ten thousand env files and more)', () => {
    const envFiles = Array.from(
      { length: 300_000 },
      (_, i) => ({ path: `s${i}/.env` }) as unknown as EnvFile,
    );
    const model = mergeFragments([{ envFiles }, { envFiles: envFiles.slice(0, 2) }]);
    expect(model.envFiles).toHaveLength(300_002);
    expect(model.envFiles[300_000]).toBe(envFiles[0]);
  });
});
