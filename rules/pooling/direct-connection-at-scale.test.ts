import { describe, expect, it } from 'vitest';
import { findingsFor } from '../../test/helpers/rule-findings.ts';
import rule from './direct-connection-at-scale.ts';

const render = (instances: number, property: string, pool = '') => ({
  'render.yaml': `services:\n  - type: web\n    name: api\n    runtime: node\n    plan: standard\n    numInstances: ${instances}\n    startCommand: node s.js\n    envVars:\n      - key: DATABASE_URL\n        fromDatabase: { name: db, property: ${property} }\ndatabases:\n  - name: db\n    plan: pro-4gb\n${pool}`,
});

describe('pooling/direct-connection-at-scale', () => {
  it('is off at launch and reports several instances on a database without pooler from growth on', async () => {
    expect(await findingsFor(rule, render(3, 'connectionString'), 'launch')).toEqual([]);
    const [finding] = await findingsFor(rule, render(3, 'connectionString'), 'growth');
    expect(finding).toMatchObject({
      entity: 'database:db',
      severity: 'warning',
      location: { path: 'render.yaml', line: 12 },
      fix: { replacement: 'connectionPool: pgbouncer' },
    });
    expect(finding?.message).toBe(
      '3 processes (api: 3 instance(s) × 1 process(es)) hold their own connections to db, with no pooler in front.',
    );
    expect((await findingsFor(rule, render(3, 'connectionString'), 'scale'))[0]?.severity).toBe('error');
  });

  it('accepts Render’s managed pooler and a single process', async () => {
    expect(
      await findingsFor(rule, render(3, 'connectionPoolString', '    connectionPool: pgbouncer\n')),
    ).toEqual([]);
    expect(await findingsFor(rule, render(1, 'connectionString'))).toEqual([]);
  });

  it('reports workers on a Supabase direct URL, and accepts the project once its pooler is used', async () => {
    const files = (url: string) => ({
      'render.yaml':
        'services:\n  - type: web\n    name: api\n    runtime: python\n    plan: standard\n    startCommand: gunicorn app:app -w 3\n    envVars:\n      - key: DATABASE_URL\n        sync: false\n',
      '.env': `DATABASE_URL=${url}\n`,
    });
    const [finding] = await findingsFor(
      rule,
      files('postgresql://postgres:pw@db.abcdefghij.supabase.co:5432/postgres'),
    );
    expect(finding).toMatchObject({ entity: 'env:DATABASE_URL', location: { path: '.env', line: 1 } });
    expect(finding?.message).toContain('3 processes (api: 1 instance(s) × 3 process(es))');
    expect(finding?.message).toContain('Supabase abcdefghij');
    expect(
      await findingsFor(
        rule,
        files('postgresql://postgres.abcdefghij:pw@aws-0-eu-west-3.pooler.supabase.com:6543/postgres'),
      ),
    ).toEqual([]);
  });
});
