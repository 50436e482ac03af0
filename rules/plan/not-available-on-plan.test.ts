import { describe, expect, it } from 'vitest';
import { findingsFor } from '../../test/helpers/rule-findings.ts';
import rule from './not-available-on-plan.ts';

async function entities(yaml: string): Promise<string[]> {
  return (await findingsFor(rule, { 'render.yaml': yaml })).map((f) => f.entity);
}

describe('plan/not-available-on-plan', () => {
  it('reports a free worker, pro max on cron, an unknown plan, scaling on free and a disk with several instances', async () => {
    expect(
      await entities(`services:
  - { type: worker, name: jobs, runtime: node, plan: free, startCommand: node w.js }
  - { type: cron, name: nightly, runtime: node, plan: pro max, schedule: "0 3 * * *", startCommand: node c.js }
  - { type: web, name: api, runtime: node, plan: professional, startCommand: node s.js }
  - { type: web, name: site, runtime: node, plan: free, numInstances: 2, startCommand: node s.js, preDeployCommand: npm run migrate }
  - type: web
    name: uploads
    runtime: node
    plan: standard
    numInstances: 2
    startCommand: node s.js
    disk: { name: files, mountPath: /data, sizeGB: 10 }
databases:
  - { name: db, plan: pro-3gb }
`),
    ).toEqual([
      'service:jobs:plan',
      'service:nightly:plan',
      'service:api:plan',
      'service:site:free-scaling',
      'service:site:free-pre-deploy',
      'service:uploads:disk-scaling',
      'database:db:plan',
    ]);
  });

  it('accepts plans offered for their type', async () => {
    expect(
      await entities(`services:
  - { type: worker, name: jobs, runtime: node, plan: starter, startCommand: node w.js }
  - { type: cron, name: nightly, runtime: node, plan: pro plus, schedule: "0 3 * * *", startCommand: node c.js }
  - { type: web, name: uploads, runtime: node, plan: standard, startCommand: node s.js, disk: { name: files, mountPath: /data } }
databases:
  - { name: db, plan: accelerated-32gb }
  - { name: legacy, plan: pro plus }
`),
    ).toEqual([]);
  });

  it('suggests the plan name that was meant, and checks Heroku dyno sizes and counts', async () => {
    const [typo] = await findingsFor(rule, {
      'render.yaml': 'services:\n  - type: web\n    name: api\n    runtime: node\n    plan: standart\n',
    });
    expect(typo).toMatchObject({
      entity: 'service:api:plan',
      location: { line: 5 },
      fix: { replacement: 'plan: standard' },
    });
    expect(typo?.message).toContain('did you mean `standard`?');
    const findings = await findingsFor(rule, {
      Procfile: 'web: gunicorn app:app\nworker: celery -A app worker\n',
      'app.json':
        '{\n  "formation": {\n    "web": { "quantity": 3, "size": "basic" },\n    "worker": { "quantity": 1, "size": "hobby" }\n  }\n}\n',
    });
    expect(findings.map((f) => [f.entity, f.location.line])).toEqual([
      ['service:web:dyno-quantity', 3],
      ['service:worker:plan', 4],
    ]);
    expect(findings[0]?.message).toContain('3 `basic` dynos');
  });
});
