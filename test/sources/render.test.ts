import { describe, expect, it } from 'vitest';
import { modelOf } from '../helpers/rule-findings.ts';

const blueprint = `services:
  - type: web
    name: api
    runtime: python
    plan: standard
    startCommand: gunicorn app:app -w 4
    healthCheckPath: /healthz
    scaling:
      minInstances: 2
      maxInstances: 5
      targetCPUPercent: 60
    envVars:
      - key: DATABASE_URL
        fromDatabase:
          name: main-db
          property: connectionString
      - key: REDIS_URL
        fromService:
          type: keyvalue
          name: cache
          property: connectionString
      - fromGroup: shared
  - type: worker
    name: jobs
    runtime: python
    startCommand: celery -A app worker
  - type: keyvalue
    name: cache
    ipAllowList: []
    maxmemoryPolicy: noeviction
envVarGroups:
  - name: shared
    envVars:
      - key: ANALYTICS_URL
        value: postgresql://reader:s3cretPass@analytics.internal:5432/events
databases:
  - name: main-db
    plan: pro-4gb
`;

describe('render.yaml source', () => {
  it('reads services, plans with their defaults, scaling, env bindings of every form and datastores, each located', async () => {
    const model = await modelOf({ 'render.yaml': blueprint });
    const [api, jobs] = model.services;
    expect(api).toMatchObject({
      id: 'service:api',
      kind: 'web',
      plan: { name: 'standard', explicit: true, location: { line: 5 } },
      instances: { min: 2, max: 5, autoscaling: true },
      startCommand: { value: 'gunicorn app:app -w 4', location: { path: 'render.yaml', line: 6 } },
      healthCheckPath: { value: '/healthz' },
    });
    expect(api?.env.map((e) => [e.key, e.source.kind])).toEqual([
      ['DATABASE_URL', 'fromDatabase'],
      ['REDIS_URL', 'fromService'],
      ['ANALYTICS_URL', 'value'],
    ]);
    expect(jobs).toMatchObject({
      kind: 'worker',
      plan: { name: 'starter', explicit: false },
      instances: { min: 1, max: 1 },
    });
    expect(model.datastores.map((d) => [d.id, d.kind, d.plan?.name])).toEqual([
      ['keyvalue:cache', 'redis', 'starter'],
      ['database:main-db', 'postgres', 'pro-4gb'],
    ]);
    expect(model.datastores[0]?.maxmemoryPolicy?.value).toBe('noeviction');
    expect(model.connections).toHaveLength(1);
    expect(model.connections[0]?.url.masked).toBe('postgresql://reader:****@analytics.internal:5432/events');
    expect(JSON.stringify(model)).not.toContain('s3cretPass');
  });

  it('reads services nested in projects and environments, and ungrouped ones', async () => {
    const model = await modelOf({
      'render.yaml': `projects:
  - name: shop
    environments:
      - name: production
        services:
          - { type: web, name: storefront, runtime: node, plan: pro, startCommand: node server.js }
        databases:
          - { name: shop-db, plan: basic-1gb }
ungrouped:
  services:
    - { type: cron, name: nightly, runtime: node, schedule: "0 3 * * *", startCommand: node cron.js }
`,
    });
    expect(model.services.map((s) => `${s.name}:${s.kind}`)).toEqual(['storefront:web', 'nightly:cron']);
    expect(model.datastores.map((d) => d.id)).toEqual(['database:shop-db']);
  });

  it('reports invalid YAML with its line, and bad values with theirs, while reading the rest', async () => {
    const broken = await modelOf({
      'render.yaml': 'services:\n  - type: web\n    name: api\n   plan: [free\n',
    });
    expect(broken.diagnostics[0]).toMatchObject({
      origin: 'render',
      location: { path: 'render.yaml', line: 4 },
    });
    const partly = await modelOf({
      'render.yaml':
        'services:\n  - type: web\n    name: api\n    runtime: node\n    numInstances: -2\n  - type: spaceship\n    name: x\n',
    });
    expect(partly.services.map((s) => s.name)).toEqual(['api']);
    expect(partly.diagnostics.map((d) => d.location.line)).toEqual([5, 6]);
  });
});
