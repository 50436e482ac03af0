import { describe, expect, it } from 'vitest';
import { findingsFor } from '../../test/helpers/rule-findings.ts';
import rule from './direct-connection-at-scale.ts';

// node-postgres opens up to 10 connections per process; basic-1gb allows 97 beyond Render's reserve.
const render = (instances: number, property: string, pool = '') => ({
  'render.yaml': `services:\n  - type: web\n    name: api\n    runtime: node\n    plan: standard\n    numInstances: ${instances}\n    startCommand: node s.js\n    envVars:\n      - key: DATABASE_URL\n        fromDatabase: { name: db, property: ${property} }\ndatabases:\n  - name: db\n    plan: basic-1gb\n${pool}`,
  'package.json': '{ "dependencies": { "pg": "8.13.0" } }',
});

describe('pooling/direct-connection-at-scale', () => {
  it('is off at launch and reports instances taking half the connections of a database without pooler from growth on', async () => {
    expect(await findingsFor(rule, render(6, 'connectionString'), 'launch')).toEqual([]);
    const [finding] = await findingsFor(rule, render(6, 'connectionString'), 'growth');
    expect(finding).toMatchObject({
      entity: 'database:db',
      severity: 'warning',
      location: { path: 'render.yaml', line: 12 },
      fix: { replacement: 'connectionPool: pgbouncer' },
    });
    expect(finding?.message).toMatch(
      /^6 processes \(api: 6 instance\(s\) × 1 process\(es\)\) hold their own connections to db, with no pooler in front: 60 of its \d+ connections \(\d+%\)\.$/,
    );
    expect((await findingsFor(rule, render(6, 'connectionString'), 'scale'))[0]?.severity).toBe('error');
  });

  it('accepts Render’s managed pooler, a single process, a small share of the limit, and leaves an overrun to the budget rule', async () => {
    expect(
      await findingsFor(rule, render(6, 'connectionPoolString', '    connectionPool: pgbouncer\n')),
    ).toEqual([]);
    expect(await findingsFor(rule, render(1, 'connectionString'))).toEqual([]);
    // 2 × 10 = 20 of the limit: room to spare, nothing to act on.
    expect(await findingsFor(rule, render(2, 'connectionString'))).toEqual([]);
    // 12 × 10 = 120 is past the limit: pooling/connection-budget reports that, once.
    expect(await findingsFor(rule, render(12, 'connectionString'))).toEqual([]);
  });

  it('reports workers on a Supabase direct URL, and accepts the project once its pooler is used', async () => {
    const files = (url: string) => ({
      'render.yaml':
        'services:\n  - type: web\n    name: api\n    runtime: python\n    plan: standard\n    numInstances: 2\n    startCommand: gunicorn app:app -w 3\n    envVars:\n      - key: DATABASE_URL\n        sync: false\n',
      '.env': `DATABASE_URL=${url}\n`,
      'requirements.txt': 'sqlalchemy==2.0.36\npsycopg2-binary==2.9.10\n',
    });
    const [finding] = await findingsFor(
      rule,
      files('postgresql://postgres:pw@db.abcdefghij.supabase.co:5432/postgres'),
    );
    expect(finding).toMatchObject({ entity: 'env:DATABASE_URL', location: { path: '.env', line: 1 } });
    // SQLAlchemy's pool_size 5 + max_overflow 10 per process: 6 × 15 = 90 of PostgreSQL's default 100.
    expect(finding?.message).toContain('6 processes (api: 2 instance(s) × 3 process(es))');
    expect(finding?.message).toContain('90 of the 100 PostgreSQL allows by default');
    expect(finding?.message).toContain('Supabase abcdefghij');
    expect(
      await findingsFor(
        rule,
        files('postgresql://postgres.abcdefghij:pw@aws-0-eu-west-3.pooler.supabase.com:6543/postgres'),
      ),
    ).toEqual([]);
  });
});
