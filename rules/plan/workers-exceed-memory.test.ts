import { describe, expect, it } from 'vitest';
import { findingsFor, modelOf } from '../../test/helpers/rule-findings.ts';
import rule from './workers-exceed-memory.ts';

const render = (plan: string, workers: number) => ({
  'render.yaml': `services:\n  - type: web\n    name: api\n    runtime: python\n    plan: ${plan}\n    startCommand: gunicorn app:app -w ${workers}\n`,
});

describe('plan/workers-exceed-memory', () => {
  it('reports workers × assumed memory over the plan’s RAM, saying the figure is assumed', async () => {
    const [finding] = await findingsFor(rule, render('starter', 4));
    expect(finding).toMatchObject({ entity: 'service:api', severity: 'error', location: { line: 6 } });
    expect(finding?.message).toBe(
      'api runs 4 processes × ~150 MB (assumed: set capacity.memoryPerProcessMb) = 600 MB, more than 461 MB usable of 512 MB (Render starter): it will run out of memory.',
    );
    expect(finding?.fix?.text).toBe('Run at most 3 processes here, or choose a plan with at least 667 MB.');
  });

  it('fits: 2 workers on starter, 8 on standard', async () => {
    expect(await findingsFor(rule, render('starter', 2))).toEqual([]);
    expect(await findingsFor(rule, render('standard', 8))).toEqual([]);
  });

  it('lets the config override the per-process assumption', async () => {
    const model = await modelOf(render('standard', 8));
    const findings = rule.check(model, {
      tier: 'growth',
      options: { headroomPercent: 10 },
      capacity: { memoryPerProcessMb: 400 },
    });
    expect(findings[0]?.message).toContain('8 processes × ~400 MB (config) = 3200 MB');
  });

  it('uses the headroom option', async () => {
    expect(await findingsFor(rule, render('standard', 12), 'growth', { headroomPercent: 0 })).toEqual([]);
    expect(await findingsFor(rule, render('standard', 12), 'growth', { headroomPercent: 20 })).toHaveLength(
      1,
    );
  });
});
