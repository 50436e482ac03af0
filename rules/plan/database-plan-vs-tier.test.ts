import { describe, expect, it } from 'vitest';
import { findingsFor } from '../../test/helpers/rule-findings.ts';
import rule from './database-plan-vs-tier.ts';

const db = (plan: string) => ({ 'render.yaml': `databases:\n  - name: db\n    plan: ${plan}\n` });

describe('plan/database-plan-vs-tier', () => {
  it('states the plan’s RAM and connections against the tier’s needs', async () => {
    const [finding] = await findingsFor(rule, db('basic-1gb'), 'scale');
    expect(finding?.message).toBe(
      "db (basic-1gb: 1024 MB RAM, 100 connections) is below what the scale tier needs by Headroom's sizing (4096 MB, 200 connections).",
    );
  });

  it('is off at launch and accepts a plan that fits the tier', async () => {
    expect(await findingsFor(rule, db('free'), 'launch')).toEqual([]);
    expect(await findingsFor(rule, db('basic-1gb'), 'growth')).toEqual([]);
    expect(await findingsFor(rule, db('pro-8gb'), 'scale')).toEqual([]);
  });
});
