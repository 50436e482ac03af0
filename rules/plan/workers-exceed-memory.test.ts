import { describe, expect, it } from 'vitest';
import { findingsFor } from '../../test/helpers/rule-findings.ts';
import rule from './workers-exceed-memory.ts';

const render = (plan: string, workers: number) => ({
  'render.yaml': `services:\n  - type: web\n    name: api\n    runtime: python\n    plan: ${plan}\n    startCommand: gunicorn app:app -w ${workers}\n`,
});

describe('plan/workers-exceed-memory', () => {
  it('reports workers × assumed memory over the plan’s RAM, saying the figure is assumed', async () => {
    const [finding] = await findingsFor(rule, render('starter', 4));
    expect(finding?.message).toBe(
      'api runs 4 processes × ~150 MB (assumed: set capacity.memoryPerProcessMb) = 600 MB on a starter plan with 512 MB: it will run out of memory.',
    );
    expect(finding?.location.line).toBe(6);
  });

  it('fits: 2 workers on starter, 8 on standard', async () => {
    expect(await findingsFor(rule, render('starter', 2))).toEqual([]);
    expect(await findingsFor(rule, render('standard', 8))).toEqual([]);
  });

  it('uses the headroom option', async () => {
    expect(await findingsFor(rule, render('standard', 12), 'growth', { headroomPercent: 0 })).toEqual([]);
    expect(await findingsFor(rule, render('standard', 12), 'growth', { headroomPercent: 20 })).toHaveLength(
      1,
    );
  });
});
