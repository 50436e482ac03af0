import { describe, expect, it } from 'vitest';
import { modelOf } from '../helpers/rule-findings.ts';

describe('fly.toml', () => {
  it('reads the HTTP service, machine settings, checks, VM size and process groups with their lines', async () => {
    const model = await modelOf({
      'fly.toml': `# fly.toml app configuration file generated for shots on 2024-04-06
app = 'shots'
primary_region = 'ams'

[deploy]
  release_command = 'npx prisma migrate deploy'

[processes]
  app = "node dist/server.js"
  worker = "node dist/worker.js"

[http_service]
  internal_port = 3000
  force_https = true
  auto_stop_machines = "suspend"
  auto_start_machines = true
  min_machines_running = 0
  processes = ['app']

  [http_service.concurrency]
    type = 'requests'
    hard_limit = 25
    soft_limit = 20

[[http_service.checks]]
  interval = '15s'
  path = '/health'

[[vm]]
  memory = '256mb'
  cpu_kind = 'shared'
  cpus = 1
`,
    });
    const [app, worker] = model.services;
    expect(app).toMatchObject({
      id: 'service:shots-app',
      platform: 'fly',
      kind: 'web',
      startCommand: { value: 'node dist/server.js', location: { line: 9 } },
      healthCheckPath: { value: '/health', location: { line: 27 } },
      instances: { min: 0, max: 1 },
      settings: {
        auto_stop_machines: { value: 'suspend', location: { line: 15 } },
        min_machines_running: { value: 0, location: { line: 17 } },
        'concurrency.soft_limit': { value: 20, location: { line: 23 } },
        memoryMb: { value: 256, location: { line: 30 } },
        release_command: { value: 'npx prisma migrate deploy', location: { line: 6 } },
      },
    });
    expect(worker).toMatchObject({
      id: 'service:shots-worker',
      kind: 'worker',
      startCommand: { value: 'node dist/worker.js' },
    });
  });

  it('reports invalid TOML with its line', async () => {
    const model = await modelOf({ 'fly.toml': "app = 'x'\n[http_service\ninternal_port = 8080\n" });
    expect(model.diagnostics).toMatchObject([{ origin: 'fly', location: { path: 'fly.toml', line: 2 } }]);
  });
});

describe('railway, vercel, netlify, Procfile, docker-compose', () => {
  it('railway.json: start command, replicas across regions, sleep, health check', async () => {
    const model = await modelOf({
      'api/railway.json': JSON.stringify(
        {
          $schema: 'https://railway.com/railway.schema.json',
          deploy: {
            startCommand: 'gunicorn app:app -w 2',
            healthcheckPath: '/health',
            sleepApplication: true,
            multiRegionConfig: { 'us-west2': { numReplicas: 2 }, 'europe-west4-drams3a': { numReplicas: 1 } },
          },
        },
        null,
        2,
      ),
    });
    expect(model.services[0]).toMatchObject({
      id: 'service:api',
      platform: 'railway',
      rootDir: 'api',
      instances: { min: 3, max: 3 },
      settings: { sleepApplication: { value: true } },
    });
  });

  it('railway.toml with a cron schedule is a cron service', async () => {
    const model = await modelOf({
      'railway.toml': '[deploy]\nstartCommand = "node jobs/nightly.js"\ncronSchedule = "0 3 * * *"\n',
    });
    expect(model.services[0]).toMatchObject({
      kind: 'cron',
      startCommand: { value: 'node jobs/nightly.js', location: { line: 2 } },
    });
  });

  it('vercel.json and netlify.toml are serverless services with many instances', async () => {
    const model = await modelOf({
      'web/vercel.json':
        '{\n  "regions": ["cdg1"],\n  "functions": { "app/api/**/*.ts": { "maxDuration": 30 } }\n}\n',
      'site/netlify.toml':
        '[build]\n  command = "npm run build"\n  [build.environment]\n    NODE_VERSION = "20"\n[functions]\n  directory = "netlify/functions"\n',
    });
    expect(model.services.map((s) => [s.id, s.platform, s.kind, s.instances.max > 100])).toEqual([
      ['service:web', 'vercel', 'serverless', true],
      ['service:site', 'netlify', 'serverless', true],
    ]);
    expect(model.services[0]?.settings.maxDuration?.value).toBe(30);
    expect(model.services[1]?.env.map((e) => [e.key, e.location.line])).toEqual([['NODE_VERSION', 4]]);
  });

  it('Procfile: one service per process type, release is not a service, bad lines are reported', async () => {
    const model = await modelOf({
      Procfile:
        'release: python manage.py migrate\nweb: gunicorn app.wsgi -w 3\nworker: celery -A app worker -c 4\nnot a process line\n',
    });
    expect(model.services.map((s) => [s.name, s.kind, s.startCommand?.location.line])).toEqual([
      ['web', 'web', 2],
      ['worker', 'worker', 3],
    ]);
    expect(model.diagnostics).toMatchObject([{ origin: 'heroku', location: { line: 4 } }]);
  });

  it('docker-compose: app services with replicas and environment, database containers as datastores', async () => {
    const model = await modelOf({
      'docker-compose.yml': `services:
  api:
    build: .
    command: ["gunicorn", "app:app", "-w", "4"]
    ports: ["8000:8000"]
    environment:
      DATABASE_URL: postgresql://app:s3cretPass@db:5432/app
      REDIS_URL: redis://cache:6379/0
    deploy:
      replicas: 3
  worker:
    build: .
    command: celery -A app worker
    environment:
      - CELERY_BROKER_URL=redis://cache:6379/1
  db:
    image: postgres:16
  cache:
    image: redis:7-alpine
`,
    });
    expect(model.services.map((s) => [s.name, s.kind, s.instances.max, s.startCommand?.value])).toEqual([
      ['api', 'web', 3, 'gunicorn app:app -w 4'],
      ['worker', 'worker', 1, 'celery -A app worker'],
    ]);
    expect(model.datastores.map((d) => [d.id, d.kind])).toEqual([
      ['database:db', 'postgres'],
      ['keyvalue:cache', 'redis'],
    ]);
    expect(model.connections.map((c) => [c.key, c.service, c.location.line])).toEqual([
      ['DATABASE_URL', 'api', 7],
      ['REDIS_URL', 'api', 8],
      ['CELERY_BROKER_URL', 'worker', 15],
    ]);
    expect(JSON.stringify(model)).not.toContain('s3cretPass');
  });
});
