import { describe, expect, it } from 'vitest';
import { findingsFor } from '../../test/helpers/rule-findings.ts';
import rule from './workers-exceed-cpu.ts';

const render = (plan: string, start: string) => ({
  'render.yaml': `services:\n  - type: web\n    name: api\n    runtime: python\n    plan: ${plan}\n    startCommand: ${start}\n`,
});

describe('plan/workers-exceed-cpu', () => {
  it('reports 4 workers on the free plan’s 0.1 CPU and 9 on pro’s 2 CPUs', async () => {
    expect((await findingsFor(rule, render('free', 'gunicorn app:app -w 4')))[0]?.message).toContain(
      '4 processes on 0.1 CPU (free): more than 3',
    );
    expect((await findingsFor(rule, render('pro', 'gunicorn app:app -w 9')))[0]?.message).toContain(
      'more than 5',
    );
  });

  it('accepts 5 on pro, and a default worker count it cannot read', async () => {
    expect(await findingsFor(rule, render('pro', 'gunicorn app:app -w 5'))).toEqual([]);
    expect(await findingsFor(rule, render('free', 'gunicorn app:app'))).toEqual([]);
  });
});
