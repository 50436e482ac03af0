import { describe, expect, it } from 'vitest';
import { MemoryFileSet } from '../../src/files/memory-file-set.ts';
import { findingsFor, modelOf } from '../../test/helpers/rule-findings.ts';
import rule from './connection-budget.ts';

const blueprint = (instances: number, dbPlan: string) => `services:
  - type: web
    name: api
    runtime: node
    plan: pro
    numInstances: ${instances}
    startCommand: pm2-runtime start server.js -i 4
    envVars:
      - key: DATABASE_URL
        fromDatabase: { name: db, property: connectionString }
  - type: worker
    name: jobs
    runtime: node
    plan: standard
    startCommand: node worker.js
    envVars:
      - key: DATABASE_URL
        fromDatabase: { name: db, property: connectionString }
databases:
  - name: db
    plan: ${dbPlan}
`;

const prisma = { 'package.json': '{ "dependencies": { "@prisma/client": "6.1.0" } }' };

describe('pooling/connection-budget', () => {
  it('adds up every service that receives the database and names where each number came from', async () => {
    // api: 6 instances × 4 processes × (2 × 2 CPU + 1 = 5) = 120; jobs: 1 × 1 × (2 × 1 + 1 = 3) = 3.
    const [finding] = await findingsFor(rule, { 'render.yaml': blueprint(6, 'basic-1gb'), ...prisma });
    expect(finding).toMatchObject({ entity: 'database:db', severity: 'error', location: { line: 21 } });
    expect(finding?.message).toContain(
      '123 connections but allows 90 (100 connections on Render basic-1gb, less 10 kept for migrations and psql)',
    );
    expect(finding?.message).toContain(
      'api: 6 instance(s) × 4 process(es) [read: pm2 -i 4] × pool 5 [default: Prisma default 2 × 2 CPU + 1]',
    );
    // 25 processes share 90 connections: 3 each fits.
    expect(finding?.fix?.text).toContain('Cap the pool at 3 per process');
  });

  it('stays quiet within the limit, and is a warning at launch', async () => {
    expect(await findingsFor(rule, { 'render.yaml': blueprint(3, 'basic-1gb'), ...prisma })).toEqual([]);
    expect(await findingsFor(rule, { 'render.yaml': blueprint(6, 'pro-16gb'), ...prisma })).toEqual([]);
    const [atLaunch] = await findingsFor(
      rule,
      { 'render.yaml': blueprint(6, 'basic-1gb'), ...prisma },
      'launch',
    );
    expect(atLaunch?.severity).toBe('warning');
  });

  it('gives the same numbers as the capacity summary when the config states a pool size', async () => {
    const files = { 'render.yaml': blueprint(3, 'basic-1gb'), ...prisma };
    const capacity = { services: { api: { poolSize: 10 } } };
    // 3 × 4 × 10 + 1 × 1 × 3 = 123 > 90 only with the configured pool.
    const findings = rule.check(await modelOf(files), { tier: 'growth', options: undefined, capacity });
    expect(findings[0]?.message).toContain('may be asked for 123 connections but allows 90');
    expect(findings[0]?.message).toContain(
      'pool 10 [config: capacity.services.api.poolSize in headroom.yml]',
    );
    const { review } = await import('../../src/review/run-review.ts');
    const result = await review(
      new MemoryFileSet({
        ...files,
        '.github/headroom.yml': 'capacity:\n  services:\n    api: { poolSize: 10 }\n',
      }),
      { rules: [rule] },
    );
    expect(result.capacity.databases[0]?.demand).toBe(123);
  });
});
