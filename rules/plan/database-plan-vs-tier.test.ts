import { describe, expect, it } from 'vitest';
import { findingsFor } from '../../test/helpers/rule-findings.ts';
import rule from './database-plan-vs-tier.ts';

const db = (plan: string, extra = '') => ({
  'render.yaml': `databases:\n  - name: db\n${plan ? `    plan: ${plan}\n` : ''}${extra}`,
});

describe('plan/database-plan-vs-tier', () => {
  it('states each shortfall of the plan against the tier’s needs, at the plan line', async () => {
    const [finding] = await findingsFor(rule, db('basic-1gb'), 'scale');
    expect(finding).toMatchObject({ entity: 'database:db', severity: 'error', location: { line: 3 } });
    expect(finding?.message).toBe(
      "db (basic-1gb) is below what the scale tier needs by Headroom's sizing: RAM 1024 MB < 4096 MB; connections 100 < 200 with no pooler in front.",
    );
    expect((await findingsFor(rule, db('basic-256mb'), 'growth'))[0]?.message).toContain(
      'RAM 256 MB < 1024 MB',
    );
  });

  it('leaves a free database to plan/free-database-expires: the same fix, one finding', async () => {
    expect(await findingsFor(rule, db('free'), 'growth')).toEqual([]);
  });

  it('names the default plan when none is written', async () => {
    const [finding] = await findingsFor(rule, db(''), 'growth');
    expect(finding?.message).toContain('db (basic-256mb, the default plan)');
  });

  it('counts only RAM when a pooler multiplexes the connections', async () => {
    const pooled = await findingsFor(rule, db('pro-4gb', '    connectionPool: pgbouncer\n'), 'scale');
    expect(pooled).toEqual([]);
    expect((await findingsFor(rule, db('pro-4gb'), 'scale'))[0]?.message).toContain(
      'connections 100 < 200 with no pooler in front',
    );
  });

  it('is off at launch and accepts a plan that fits the tier', async () => {
    expect(await findingsFor(rule, db('free'), 'launch')).toEqual([]);
    expect(await findingsFor(rule, db('basic-1gb'), 'growth')).toEqual([]);
    expect(await findingsFor(rule, db('pro-8gb'), 'scale')).toEqual([]);
  });
});
