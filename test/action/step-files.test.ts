import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { appendJobSummary, setOutputs } from '../../src/delivery/action/step-files.ts';
import { temporaryDirectory } from '../temporary-directory.ts';
import { readOutputs } from './runner.ts';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('the step files', () => {
  it('appends outputs as name=value lines the runner reads, after what other steps wrote', async () => {
    const file = join(await temporaryDirectory('headroom-step-'), 'output');
    writeFileSync(file, 'earlier<<ghadelimiter_1\ntwo\nlines\nghadelimiter_1\n');
    vi.stubEnv('GITHUB_OUTPUT', file);
    setOutputs({ conclusion: 'failure', findings: 2, 'sarif-file': 'reports/headroom.sarif' });
    expect(readFileSync(file, 'utf8')).toBe(
      'earlier<<ghadelimiter_1\ntwo\nlines\nghadelimiter_1\nconclusion=failure\nfindings=2\nsarif-file=reports/headroom.sarif\n',
    );
    expect(readOutputs(readFileSync(file, 'utf8'))).toEqual({
      earlier: 'two\nlines',
      conclusion: 'failure',
      findings: '2',
      'sarif-file': 'reports/headroom.sarif',
    });
  });

  it('refuses a value with a line break, which would set another output', async () => {
    const file = join(await temporaryDirectory('headroom-step-'), 'output');
    writeFileSync(file, '');
    vi.stubEnv('GITHUB_OUTPUT', file);
    expect(() => setOutputs({ 'sarif-file': 'a.sarif\nconclusion=success' })).toThrow(/line break/);
    expect(readFileSync(file, 'utf8')).toBe('');
  });

  it('says so when the runner gives no outputs file', () => {
    vi.stubEnv('GITHUB_OUTPUT', '');
    expect(() => setOutputs({ conclusion: 'success' })).toThrow(/GITHUB_OUTPUT/);
  });

  it('appends to the job summary, and writes none where the runner has none', async () => {
    const file = join(await temporaryDirectory('headroom-step-'), 'summary');
    writeFileSync(file, '# Earlier step\n');
    vi.stubEnv('GITHUB_STEP_SUMMARY', file);
    appendJobSummary('## Headroom\n');
    expect(readFileSync(file, 'utf8')).toBe('# Earlier step\n## Headroom\n');
    vi.stubEnv('GITHUB_STEP_SUMMARY', '');
    expect(() => appendJobSummary('## Headroom\n')).not.toThrow();
  });
});
