import { describe, expect, it } from 'vitest';
import { findingsFor } from '../../test/helpers/rule-findings.ts';
import rule from './direct-connection-at-scale.ts';

const render = (instances: number, property: string, pool = '') => ({
  'render.yaml': `services:\n  - type: web\n    name: api\n    runtime: node\n    plan: standard\n    numInstances: ${instances}\n    startCommand: node s.js\n    envVars:\n      - key: DATABASE_URL\n        fromDatabase: { name: db, property: ${property} }\ndatabases:\n  - name: db\n    plan: pro-4gb\n${pool}`,
});

describe('pooling/direct-connection-at-scale', () => {
  it('is off at launch and reports several instances on a database without pooler from growth on', async () => {
    expect(await findingsFor(rule, render(3, 'connectionString'), 'launch')).toEqual([]);
    expect((await findingsFor(rule, render(3, 'connectionString'), 'growth'))[0]?.message).toContain(
      '3 processes (api: 3 × 1)',
    );
  });

  it('accepts Render’s managed pooler and a single process', async () => {
    expect(
      await findingsFor(rule, render(3, 'connectionPoolString', '    connectionPool: pgbouncer\n')),
    ).toEqual([]);
    expect(await findingsFor(rule, render(1, 'connectionString'))).toEqual([]);
  });
});
