import { describe, expect, it } from 'vitest';
import { findSuppressions } from '../../src/review/suppressions.ts';
import { reviewWithEnvRule } from './env-rule.ts';

describe('headroom-ignore comments', () => {
  it.each([
    ['supabase/migrations/1_init.sql', '-- headroom-ignore index/missing-primary-key -- staging only'],
    [
      'migrations/002.sql',
      '/* headroom-ignore index/missing-primary-key -- staging only */ CREATE TABLE t (a int);',
    ],
    ['prisma/schema.prisma', '  // headroom-ignore index/missing-primary-key -- staging only'],
    ['src/cache.ts', 'const cache = new Map(); // headroom-ignore index/missing-primary-key -- staging only'],
    ['render.yaml', '    # headroom-ignore index/missing-primary-key -- staging only'],
    ['fly.toml', '# headroom-ignore index/missing-primary-key -- staging only'],
    ['.env.production', '# headroom-ignore index/missing-primary-key -- staging only'],
    ['Procfile', '# headroom-ignore index/missing-primary-key -- staging only'],
    ['requirements.txt', 'gunicorn==22.0 # headroom-ignore index/missing-primary-key -- staging only'],
  ])('is read in the comment syntax of %s', (path, line) => {
    expect(findSuppressions(path, `first line\n${line}\n`)).toEqual([
      { ruleId: 'index/missing-primary-key', reason: 'staging only', location: { path, line: 2 } },
    ]);
  });

  it('is not read outside a comment, nor in another language’s comment syntax', () => {
    expect(findSuppressions('render.yaml', 'name: headroom-ignore x -- y\n')).toEqual([]);
    expect(findSuppressions('migrations/1.sql', '# headroom-ignore x -- y\n')).toEqual([]);
    expect(findSuppressions('package.json', '{"a": "// headroom-ignore x -- y"}\n')).toEqual([]);
  });

  it('silences a finding on its own line or the next one, not further', async () => {
    const result = await reviewWithEnvRule({
      '.env': [
        '# headroom-ignore test/env-says -- the next line is a test fixture',
        'ABOVE=error',
        'SAME=error # headroom-ignore test/env-says -- known and tolerated',
        '# headroom-ignore test/env-says -- too far away',
        '',
        'FAR=error',
      ].join('\n'),
    });
    expect(result.suppressed.map((f) => [f.entity, f.suppression])).toEqual([
      ['env:ABOVE', { reason: 'the next line is a test fixture', location: { path: '.env', line: 1 } }],
      ['env:SAME', { reason: 'known and tolerated', location: { path: '.env', line: 3 } }],
    ]);
    expect(result.findings.map((f) => f.entity)).toEqual(['env:FAR']);
    expect(result.gate.counts.error).toBe(1);
    expect(result.diagnostics).toEqual([
      {
        severity: 'warning',
        origin: 'suppression',
        message: expect.stringContaining('suppresses nothing'),
        location: { path: '.env', line: 4 },
      },
    ]);
  });

  it('without a reason, it is reported and does not apply', async () => {
    const result = await reviewWithEnvRule({
      '.env': '# headroom-ignore test/env-says\nAPI=error\n',
    });
    expect(result.suppressed).toEqual([]);
    expect(result.findings.map((f) => f.entity)).toEqual(['env:API']);
    expect(result.diagnostics).toMatchObject([
      {
        origin: 'suppression',
        severity: 'warning',
        message: expect.stringContaining('gives no reason'),
        location: { path: '.env', line: 1 },
      },
    ]);
  });

  it('with an unknown rule id, it is reported at its line', async () => {
    const result = await reviewWithEnvRule({
      '.env': 'A=note\n# headroom-ignore test/env-say -- typo in the id\nAPI=error\n',
    });
    expect(result.findings.map((f) => f.entity)).toEqual(['env:API', 'env:A']);
    expect(result.diagnostics).toMatchObject([
      {
        origin: 'suppression',
        message: expect.stringContaining('unknown rule `test/env-say`'),
        location: { path: '.env', line: 2 },
      },
    ]);
  });
});
