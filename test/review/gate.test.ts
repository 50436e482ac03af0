import { describe, expect, it } from 'vitest';
import { applyAcknowledgements } from '../../src/review/acknowledge.ts';
import { compareWithBase } from '../../src/review/compare.ts';
import { reviewWithEnvRule } from './env-rule.ts';

const CONFIG = '.github/headroom.yml';

describe('the gate', () => {
  it('passes with no findings', async () => {
    const result = await reviewWithEnvRule({ '.env.example': '' });
    expect(result.gate).toEqual({
      conclusion: 'success',
      failOn: 'error',
      gateOn: 'new',
      blocking: 0,
      counts: { error: 0, warning: 0, note: 0 },
    });
  });

  it('is neutral when findings stay below failOn, and fails once one reaches it', async () => {
    const files = { '.env': 'A=warning\nB=note\nC=warning\n' };
    expect((await reviewWithEnvRule(files)).gate).toMatchObject({
      conclusion: 'neutral',
      blocking: 0,
      counts: { error: 0, warning: 2, note: 1 },
    });
    const strict = await reviewWithEnvRule({ ...files, [CONFIG]: 'failOn: warning\n' });
    expect(strict.gate).toMatchObject({ conclusion: 'failure', blocking: 2 });
    const cli = await reviewWithEnvRule(files, { overrides: { failOn: 'note' } });
    expect(cli.gate).toMatchObject({ conclusion: 'failure', blocking: 3 });
  });

  it('never fails with failOn: never', async () => {
    const result = await reviewWithEnvRule({ '.env': 'A=error\n', [CONFIG]: 'failOn: never\n' });
    expect(result.gate).toMatchObject({ conclusion: 'neutral', blocking: 0, counts: { error: 1 } });
  });

  it('is neutral, not success, when the config is broken and nothing else is found', async () => {
    const result = await reviewWithEnvRule({ '.env.example': '', [CONFIG]: 'tier: huge\n' });
    expect(result.findings).toEqual([]);
    expect(result.gate.conclusion).toBe('neutral');
  });

  it('does not count suppressed findings', async () => {
    const result = await reviewWithEnvRule({
      '.env': '# headroom-ignore test/env-says -- local only\nA=error\n',
    });
    expect(result.gate).toMatchObject({ conclusion: 'success', counts: { error: 0 } });
  });
});

describe('the base comparison', () => {
  const base = { '.env': 'OLD=error\n' };
  // OLD moved down two lines: still the same finding, because the fingerprint has no line in it.
  const head = { '.env': '# a comment\n\nOLD=error\nNEW=warning\n' };

  it('marks findings new or existing by fingerprint, whatever their line', async () => {
    const result = compareWithBase(await reviewWithEnvRule(head), await reviewWithEnvRule(base));
    expect(result.compared).toBe(true);
    expect(result.findings.map((f) => [f.entity, f.location.line, f.status])).toEqual([
      ['env:OLD', 3, 'existing'],
      ['env:NEW', 4, 'new'],
    ]);
  });

  it('with gateOn new, only new findings block; with gateOn all, existing ones too', async () => {
    const loose = compareWithBase(await reviewWithEnvRule(head), await reviewWithEnvRule(base));
    expect(loose.gate).toMatchObject({ conclusion: 'neutral', blocking: 0 });
    const newError = compareWithBase(
      await reviewWithEnvRule({ '.env': 'OLD=error\nNEW=error\n' }),
      await reviewWithEnvRule(base),
    );
    expect(newError.gate).toMatchObject({ conclusion: 'failure', blocking: 1 });
    const all = compareWithBase(
      await reviewWithEnvRule({ ...head, [CONFIG]: 'gateOn: all\n' }),
      await reviewWithEnvRule(base),
    );
    expect(all.gate).toMatchObject({ conclusion: 'failure', blocking: 1 });
  });
});

describe('acknowledgements', () => {
  it('an acknowledged finding stays listed but no longer blocks nor counts', async () => {
    const result = await reviewWithEnvRule({ '.env': 'A=error\nB=warning\n' });
    const a = result.findings.find((f) => f.entity === 'env:A');
    const acked = applyAcknowledgements(
      result,
      new Map([[a?.fingerprint as string, { by: 'octocat', at: '2025-01-02T03:04:05Z' }]]),
    );
    expect(acked.findings.find((f) => f.entity === 'env:A')?.acknowledgement).toEqual({
      by: 'octocat',
      at: '2025-01-02T03:04:05Z',
    });
    expect(acked.gate).toMatchObject({
      conclusion: 'neutral',
      blocking: 0,
      counts: { error: 0, warning: 1 },
    });
    // Unticking the box (an empty map) brings the block back.
    expect(applyAcknowledgements(acked, new Map()).gate.conclusion).toBe('failure');
  });

  it('is refused for a rule listed in acknowledgements.forbid', async () => {
    const result = await reviewWithEnvRule({
      '.env': 'A=error\n',
      [CONFIG]: 'acknowledgements:\n  forbid: [test/env-says]\n',
    });
    const fingerprint = result.findings[0]?.fingerprint as string;
    const acked = applyAcknowledgements(result, new Map([[fingerprint, { by: 'octocat' }]]));
    expect(acked.findings[0]?.acknowledgement).toBeUndefined();
    expect(acked.gate.conclusion).toBe('failure');
  });
});
