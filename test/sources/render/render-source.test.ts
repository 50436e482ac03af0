// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${VAR}` placeholders are the input under test, not template literals.
import { readFileSync } from 'node:fs';
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { ModelFragment } from '../../../src/model/project-model.ts';
import { renderSource } from '../../../src/sources/render/index.ts';

async function read(text: string, path = 'render.yaml'): Promise<ModelFragment> {
  return renderSource.read([{ path, text }]);
}

function fixture(name: string): Promise<ModelFragment> {
  const text = readFileSync(new URL(`../../fixtures/render/${name}/render.yaml`, import.meta.url), 'utf8');
  return read(text);
}

describe('render.yaml on real blueprints', () => {
  it('mastodon: deprecated env and redis type, a group expanded into every service, default database plan', async () => {
    const model = await fixture('mastodon');
    expect(model.diagnostics).toEqual([]);
    expect(
      model.services?.map((s) => [s.name, s.kind, s.runtime?.value, s.plan?.name, s.plan?.explicit]),
    ).toEqual([
      ['mastodon-web', 'web', 'docker', 'starter', true],
      ['mastodon-streaming', 'web', 'docker', 'starter', true],
      ['mastodon-sidekiq', 'worker', 'docker', 'starter', true],
    ]);
    const web = model.services?.[0];
    expect(web?.startCommand).toEqual({
      value: './db-migration-and-web-start.sh',
      location: { path: 'render.yaml', line: 6 },
    });
    expect(web?.env.slice(0, 4).map((e) => [e.key, e.source.kind, e.location.line])).toEqual([
      ['SECRET_KEY_BASE', 'generated', 148],
      ['OTP_SECRET', 'generated', 150],
      ['MY_LOCAL_DOMAIN', 'value', 152],
      ['VAPID_PRIVATE_KEY', 'unset', 9],
    ]);
    expect(web?.env.find((e) => e.key === 'DB_PASS')?.source).toEqual({
      kind: 'fromDatabase',
      name: 'mastodon-db',
      property: 'password',
    });
    expect(model.datastores).toMatchObject([
      {
        id: 'keyvalue:mastodon-redis',
        kind: 'redis',
        plan: { name: 'starter', explicit: true, location: { line: 140 } },
        settings: { ipAllowList: { value: 'internal', location: { line: 139 } } },
        location: { line: 137 },
      },
      {
        id: 'database:mastodon-db',
        kind: 'postgres',
        plan: { name: 'basic-256mb', explicit: false, location: { line: 142 } },
        settings: { ipAllowList: { value: 'internal' }, databaseName: { value: 'private' } },
      },
    ]);
  });

  it('sf-pulse-ts: Key Value eviction policy, pre-deploy command, cron schedule, health check', async () => {
    const model = await fixture('sf-pulse-ts');
    expect(model.diagnostics).toEqual([]);
    expect(model.datastores?.find((d) => d.kind === 'redis')?.maxmemoryPolicy).toEqual({
      value: 'noeviction',
      location: { path: 'render.yaml', line: 11 },
    });
    expect(model.datastores?.find((d) => d.kind === 'postgres')?.plan).toMatchObject({
      name: 'basic-256mb',
      explicit: true,
      location: { line: 5 },
    });
    const [web, cron, worker] = model.services ?? [];
    expect(web).toMatchObject({
      kind: 'web',
      healthCheckPath: { value: '/api/healthz', location: { line: 21 } },
      settings: { preDeployCommand: { value: 'node dist/bin/migrate.cjs', location: { line: 19 } } },
    });
    expect(web?.env.find((e) => e.key === 'REDIS_URL')?.source).toEqual({
      kind: 'fromService',
      name: 'sf-pulse-realtime',
      type: 'keyvalue',
      property: 'connectionString',
    });
    expect(cron).toMatchObject({
      kind: 'cron',
      settings: { schedule: { value: '0 14 * * *', location: { line: 48 } } },
    });
    expect(worker).toMatchObject({ kind: 'worker', instances: { min: 1, max: 1, autoscaling: false } });
  });

  it('twenty: Docker command as start command, disk, envVarKey, omitted plan defaults to starter', async () => {
    const model = await fixture('twenty');
    const [front, server] = model.services ?? [];
    expect(front?.plan).toEqual({
      name: 'starter',
      explicit: false,
      location: { path: 'render.yaml', line: 2 },
    });
    expect(front?.settings.autoDeploy).toEqual({ value: false, location: { path: 'render.yaml', line: 6 } });
    expect(front?.env[0]?.source).toEqual({
      kind: 'fromService',
      name: 'server',
      type: 'web',
      envVarKey: 'RENDER_EXTERNAL_URL',
    });
    expect(server?.startCommand?.location.line).toBe(17);
    expect(server?.disk).toEqual({
      sizeGB: 5,
      mountPath: '/.local-storage',
      location: { path: 'render.yaml', line: 38 },
    });
    expect(model.datastores?.map((d) => [d.id, d.plan?.name])).toEqual([['database:twenty-db', 'starter']]);
  });

  it('trender: a workflow service is noted, not mistaken for a typo, and the rest is read', async () => {
    const model = await fixture('trender');
    expect(model.services?.map((s) => s.name)).toEqual(['trender-dashboard', 'trender-analyzer-cron']);
    expect(model.diagnostics).toMatchObject([
      { severity: 'info', location: { path: 'render.yaml', line: 19 } },
    ]);
    expect(model.diagnostics?.[0]?.message).toContain('trender-wf');
  });
});

describe('render.yaml shapes', () => {
  it('reads projects, environments and ungrouped resources, with their scope kept in settings', async () => {
    const model = await read(`projects:
  - name: shop
    environments:
      - name: production
        services:
          - type: web
            name: storefront
            runtime: node
            startCommand: node server.js
            scaling:
              minInstances: 2
              maxInstances: 6
              targetCPUPercent: 70
        databases:
          - name: shop-db
            plan: pro-8gb
            connectionPool: pgbouncer
            postgresMajorVersion: "17"
            ipAllowList:
              - source: 0.0.0.0/0
                description: everywhere
        envVarGroups:
          - name: shared
            envVars:
              - key: ANALYTICS_URL
                value: postgresql://reader:s3cretPass@analytics.internal:5432/events
ungrouped:
  services:
    - type: web
      name: docs
      runtime: static
      buildCommand: npm run build
    - type: cron
      name: nightly
      runtime: node
      schedule: "0 3 * * *"
      startCommand: node cron.js
      envVars:
        - fromGroup: shared
`);
    expect(model.diagnostics).toEqual([]);
    expect(model.services?.map((s) => [s.name, s.kind, s.plan?.name])).toEqual([
      ['storefront', 'web', 'starter'],
      ['docs', 'static', undefined],
      ['nightly', 'cron', 'starter'],
    ]);
    expect(model.services?.[0]).toMatchObject({
      instances: { min: 2, max: 6, autoscaling: true, location: { line: 11 } },
      settings: {
        project: { value: 'shop', location: { line: 2 } },
        environment: { value: 'production', location: { line: 4 } },
        targetCPUPercent: { value: 70, location: { line: 13 } },
      },
    });
    expect(model.datastores?.[0]).toMatchObject({
      id: 'database:shop-db',
      plan: { name: 'pro-8gb', explicit: true },
      managedPooler: { value: 'pgbouncer', location: { line: 17 } },
      settings: {
        postgresMajorVersion: { value: 17 },
        ipAllowList: { value: 'open', location: { line: 20 } },
        environment: { value: 'production' },
      },
    });
    expect(model.connections).toMatchObject([
      {
        id: 'env:ANALYTICS_URL',
        service: 'nightly',
        location: { line: 25 },
        url: {
          host: 'analytics.internal',
          masked: 'postgresql://reader:****@analytics.internal:5432/events',
        },
      },
    ]);
    for (const printed of [
      JSON.stringify(model),
      inspect(model, { depth: 12 }),
      `${model.services?.[2]?.env[0]?.source.kind === 'value' ? model.services[2].env[0].source.value : ''}`,
    ])
      expect(printed).not.toContain('s3cretPass');
  });

  it('reads numInstances, the deprecated `env: static` and a database open to the internet by omission', async () => {
    const model = await read(
      'services:\n  - { type: worker, name: jobs, runtime: python, plan: Standard, numInstances: 3, startCommand: celery -A app worker }\n  - { type: web, name: site, env: static }\ndatabases:\n  - name: db\n',
    );
    expect(model.services?.map((s) => [s.name, s.kind, s.plan?.name, s.instances.max])).toEqual([
      ['jobs', 'worker', 'standard', 3],
      ['site', 'static', undefined, 1],
    ]);
    expect(model.datastores?.[0]?.settings.ipAllowList).toEqual({
      value: 'open',
      location: { path: 'render.yaml', line: 5 },
    });
  });
});

describe('render.yaml problems', () => {
  it('reports invalid YAML with its line', async () => {
    const model = await read('services:\n  - type: web\n    name: api\n   plan: [free\n');
    expect(model.services).toEqual([]);
    expect(model.diagnostics?.[0]).toMatchObject({
      severity: 'error',
      origin: 'render',
      location: { path: 'render.yaml', line: 4 },
    });
  });

  it('reports a root that is not a mapping', async () => {
    const model = await read('- type: web\n  name: api\n', 'infra/render.yml');
    expect(model.diagnostics).toMatchObject([{ location: { path: 'infra/render.yml', line: 1 } }]);
  });

  it('reports each bad entry at its line and still reads the others', async () => {
    const model = await read(`services:
  - type: web
    name: api
    runtime: node
    numInstances: 0
    envVars:
      - fromGroup: missing
      - key: EMPTY
  - type: spaceship
    name: x
  - type: worker
    runtime: node
  - type: worker
    name: jobs
    runtime: node
    scaling:
      minInstances: two
      maxInstances: 4
databases:
  - plan: free
`);
    expect(model.services?.map((s) => [s.name, s.instances.min, s.instances.max])).toEqual([
      ['api', 1, 1],
      ['jobs', 1, 4],
    ]);
    expect(model.diagnostics?.map((d) => d.location.line)).toEqual([5, 7, 8, 9, 11, 17, 20]);
    expect(model.diagnostics?.[3]?.message).toContain('spaceship');
  });

  it('survives templated blueprints', async () => {
    for (const text of [
      'services:\n  - type: web\n    name: {{ .Values.name }}\n    plan: ${PLAN}\n',
      'services:\n{{- range .Values.services }}\n  - name: {{ .name }}\n{{- end }}\n',
      '',
      '# only a comment\n',
    ]) {
      const model = await read(text);
      expect(Array.isArray(model.diagnostics)).toBe(true);
    }
    const templated = await read(
      'services:\n  - type: web\n    name: api\n    runtime: node\n    plan: ${PLAN}\n',
    );
    expect(templated.services?.[0]?.plan?.name).toBe('${plan}');
  });
});
