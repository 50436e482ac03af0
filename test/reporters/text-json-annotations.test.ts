import { describe, expect, it } from 'vitest';
import { LocalFileSet } from '../../src/files/local-file-set.ts';
import { toAnnotations } from '../../src/reporters/annotations.ts';
import { renderJson } from '../../src/reporters/json.ts';
import { renderMarkdown } from '../../src/reporters/markdown.ts';
import { renderText } from '../../src/reporters/text.ts';
import { applyAcknowledgements } from '../../src/review/acknowledge.ts';
import { review } from '../../src/review/run-review.ts';
import { reviewWithEnvRule } from '../review/env-rule.ts';

const files = {
  '.env':
    'LOW=note\nHIGH=error\nMID=warning\n# headroom-ignore test/env-says -- seeded locally\nQUIET=error\n',
  '.github/headroom.yml': 'tier: scale\nrules:\n  test/env-say: off\n',
};

describe('the terminal report', () => {
  it('gives the verdict, then findings by severity with path:line, fix and docs link', async () => {
    const text = renderText(await reviewWithEnvRule(files));
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^Headroom \S+ — memory \(tier: scale\)$/);
    expect(lines[1]).toBe('Failed: 3 findings; 1 at or above error blocks the merge.');
    const at = (s: string) => text.indexOf(s);
    expect(at('ERROR (1)')).toBeLessThan(at('.env:2  test/env-says  env:HIGH'));
    expect(at('.env:2  test/env-says  env:HIGH')).toBeLessThan(at('WARNING (1)'));
    expect(at('WARNING (1)')).toBeLessThan(at('NOTE (1)'));
    expect(text).toContain('    Fix: Remove HIGH.');
    expect(text).toContain('rules/test/env-says.md');
    expect(text).toContain('SUPPRESSED (1)\n  .env:5  test/env-says  env:QUIET — seeded locally');
    expect(text).toContain(
      'COULD NOT READ (1)\n  .github/headroom.yml:3  .github/headroom.yml: unknown rule `test/env-say` (did you mean `test/env-says`?).',
    );
    expect(text).not.toContain('\u001b[');
  });

  it('is coloured only when asked', async () => {
    const result = await reviewWithEnvRule(files);
    expect(renderText(result, { color: true })).toContain('\u001b[31mERROR (1)\u001b[0m');
    expect(renderText(result, { color: false })).not.toContain('\u001b[');
  });
});

describe('the JSON report', () => {
  it('is the versioned review result, parseable back', async () => {
    const result = await reviewWithEnvRule(files);
    const json = JSON.parse(renderJson(result));
    expect(json.schemaVersion).toBe(1);
    expect(json).toEqual(JSON.parse(JSON.stringify(result)));
    expect(json.findings.map((f: { entity: string }) => f.entity)).toEqual([
      'env:HIGH',
      'env:MID',
      'env:LOW',
    ]);
  });
});

describe('check-run annotations', () => {
  it('annotate each open finding and each diagnostic with a path, at its level', async () => {
    const result = await reviewWithEnvRule(files);
    const low = result.findings.find((f) => f.entity === 'env:LOW')?.fingerprint as string;
    const annotations = toAnnotations(applyAcknowledgements(result, new Map([[low, { by: 'octocat' }]])));
    expect(annotations).toEqual([
      {
        path: '.env',
        start_line: 2,
        end_line: 2,
        annotation_level: 'failure',
        title: 'test/env-says',
        message: 'HIGH asks for a finding.\nFix: Remove HIGH.',
        raw_details: '# HIGH removed',
      },
      expect.objectContaining({ path: '.env', start_line: 3, annotation_level: 'warning' }),
      {
        path: '.github/headroom.yml',
        start_line: 3,
        end_line: 3,
        annotation_level: 'failure',
        title: 'headroom: invalid configuration',
        message: expect.stringContaining('unknown rule `test/env-say`'),
      },
    ]);
  });
});

describe('the capacity summary', () => {
  it('is shown by the terminal and markdown reports when the project has services, and absent otherwise', async () => {
    const result = await review(
      new LocalFileSet(new URL('../../examples/fastapi-render', import.meta.url).pathname),
    );
    // render.yaml: one free web instance running `gunicorn -w 4`.
    expect(renderText(result)).toMatch(
      /\nCAPACITY\n {2}photos-api \(render, free\): 1 instance\(s\) × 4 process\(es\)/,
    );
    expect(renderMarkdown(result, { context: 'comment' })).toMatch(
      /### Capacity\n\n\| Service \|.*\n\| --- .*\n\| photos-api \(render\) \| free \| 1 \| 4 \|/,
    );
    const none = await reviewWithEnvRule(files);
    expect(renderText(none)).not.toContain('CAPACITY');
    expect(renderMarkdown(none, { context: 'comment' })).not.toContain('### Capacity');
  });
});
