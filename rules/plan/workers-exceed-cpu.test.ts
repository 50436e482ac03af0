import { describe, expect, it } from 'vitest';
import { findingsFor, modelOf } from '../../test/helpers/rule-findings.ts';
import rule from './workers-exceed-cpu.ts';

const render = (plan: string, start: string) => ({
  'render.yaml': `services:\n  - type: web\n    name: api\n    runtime: python\n    plan: ${plan}\n    startCommand: ${start}\n`,
});

describe('plan/workers-exceed-cpu', () => {
  it('reports 4 workers on the free plan’s 0.1 CPU and 6 on pro’s 2 CPUs', async () => {
    const [free] = await findingsFor(rule, render('free', 'gunicorn app:app -w 4'));
    expect(free).toMatchObject({ entity: 'service:api', severity: 'warning', location: { line: 6 } });
    expect(free?.message).toBe(
      'api runs 4 processes (gunicorn --workers 4) on 0.1 CPU (Render free): more than 3 (2 × 1 CPU + 1), so they queue for the CPU instead of serving in parallel.',
    );
    expect((await findingsFor(rule, render('pro', 'gunicorn app:app -w 6')))[0]?.message).toContain(
      'more than 5 (2 × 2 CPU + 1)',
    );
  });

  it('accepts 5 on pro, a default it cannot read, and CPU-sized defaults', async () => {
    expect(await findingsFor(rule, render('pro', 'gunicorn app:app -w 5'))).toEqual([]);
    expect(await findingsFor(rule, render('free', 'gunicorn app:app'))).toEqual([]);
    expect(await findingsFor(rule, render('pro ultra', 'celery -A app worker'))).toEqual([]);
  });

  it('uses the processes stated in the config', async () => {
    const model = await modelOf(render('standard', 'gunicorn -c gunicorn.conf.py app:app'));
    const findings = rule.check(model, {
      tier: 'growth',
      options: undefined,
      capacity: { services: { api: { processes: 8 } } },
    });
    expect(findings[0]?.message).toContain('api runs 8 processes (capacity.services in headroom.yml)');
  });
});
