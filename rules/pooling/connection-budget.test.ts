import { describe, expect, it } from 'vitest';
import { findingsFor } from '../../test/helpers/rule-findings.ts';
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
    expect(finding).toMatchObject({ entity: 'database:db', location: { line: 21 } });
    expect(finding?.message).toContain('123 connections but allows 90');
    expect(finding?.message).toContain(
      'api: 6 instance(s) × 4 process(es) [read] × pool 5 [Prisma default 2 × 2 CPU + 1]',
    );
  });

  it('stays quiet within the limit', async () => {
    expect(await findingsFor(rule, { 'render.yaml': blueprint(3, 'basic-1gb'), ...prisma })).toEqual([]);
    expect(await findingsFor(rule, { 'render.yaml': blueprint(6, 'pro-16gb'), ...prisma })).toEqual([]);
  });

  it('uses the pool size stated in the config', async () => {
    const files = {
      'render.yaml': blueprint(3, 'basic-1gb'),
      ...prisma,
      '.github/headroom.yml': 'capacity:\n  services:\n    api: { poolSize: 10 }\n',
    };
    const { review } = await import('../../src/review/run-review.ts');
    const { MemoryFileSet } = await import('../../src/files/memory-file-set.ts');
    const result = await review(new MemoryFileSet(files), { rules: [rule] });
    expect(result.capacity.databases[0]?.demand).toBe(3 * 4 * 10 + 3);
  });
});
