import { describe, expect, it } from 'vitest';
import { computeCapacity } from '../../src/capacity/compute.ts';
import { LocalFileSet } from '../../src/files/local-file-set.ts';
import { review } from '../../src/review/run-review.ts';
import { modelOf } from '../helpers/rule-findings.ts';

const blueprint = (start: string, { plan = 'standard', env = '', dbPlan = 'basic-1gb' } = {}) => `services:
  - type: web
    name: api
    runtime: python
    plan: ${plan}
    startCommand: ${JSON.stringify(start)}
    envVars:
      - key: DATABASE_URL
        fromDatabase: { name: db, property: connectionString }
${env}databases:
  - name: db
    plan: ${dbPlan}
`;

const processesFor = async (start: string, options: Parameters<typeof blueprint>[1] = {}, files = {}) => {
  const model = await modelOf({ 'render.yaml': blueprint(start, options), ...files });
  return computeCapacity(model).services[0]?.processes;
};

describe('processes per instance', () => {
  it.each([
    ['gunicorn app:app -w 4', 4, 'read'],
    ['gunicorn app:app --workers=3 -k uvicorn.workers.UvicornWorker', 3, 'read'],
    ['python -m uvicorn main:app --workers 2', 2, 'read'],
    ['hypercorn main:app -w 2', 2, 'read'],
    ['uvicorn main:app --host 0.0.0.0', 1, 'default'],
    // fastapi/full-stack-fastapi-template's backend Dockerfile CMD.
    ['fastapi run --workers 4', 4, 'read'],
    ['fastapi run app/main.py', 1, 'default'],
    ['navigator config/navigator.yml', 1, 'assumed'],
    ['gunicorn app:app', 1, 'default'],
    // Real Procfile and render.yaml commands (test/fixtures/capacity/README.md).
    ['newrelic-admin run-program gunicorn ruqqus.__main__:app -w 5 -k gevent --preload', 5, 'read'],
    ['newrelic-admin run-program celery worker --app dexter.tasks --beat --concurrency 1', 1, 'read'],
    ['celery -A config worker -l info --concurrency 2', 2, 'read'],
    ['celery -A celery_worker.celery worker --loglevel=info --pool=threads --concurrency=4', 1, 'read'],
    ['celery -A app.core.celery_app beat --loglevel=info', 1, 'read'],
    ['bundle exec puma -w 3 -t 5:5', 3, 'read'],
    ['pm2-runtime start server.js -i 4', 4, 'read'],
    ['npx next start -p $PORT', 1, 'default'],
  ])('`%s` runs %i process(es) (%s)', async (start, processes, source) => {
    expect(await processesFor(start)).toMatchObject({ value: processes, source });
  });

  it('counts CPU-sized defaults on whole CPUs of the plan (celery, pm2 -i max)', async () => {
    expect(await processesFor('celery -A app worker', { plan: 'pro plus' })).toMatchObject({
      value: 4,
      source: 'default',
      note: 'celery default concurrency = CPUs: 4 whole CPU(s) of the plan',
    });
    // 0.5 CPU counts as one whole CPU; -1 never goes below one process.
    expect(await processesFor('pm2 start app.js -i max', { plan: 'starter' })).toMatchObject({ value: 1 });
    expect(await processesFor('pm2 start app.js -i -1', { plan: 'pro' })).toMatchObject({ value: 1 });
    expect(await processesFor('pm2 start app.js -i 0', { plan: 'pro ultra' })).toMatchObject({ value: 8 });
  });

  it('reads WEB_CONCURRENCY set on the service, for the servers that read it', async () => {
    const env = '      - key: WEB_CONCURRENCY\n        value: "6"\n';
    expect(await processesFor('gunicorn app:app', { env })).toEqual({
      value: 6,
      source: 'read',
      note: 'WEB_CONCURRENCY=6, read by gunicorn',
    });
    expect(await processesFor('uvicorn main:app', { env })).toMatchObject({ value: 6, source: 'read' });
    expect(await processesFor('hypercorn main:app', { env })).toMatchObject({ value: 1, source: 'default' });
    expect(await processesFor('gunicorn app:app -w $WEB_CONCURRENCY', { env })).toEqual({
      value: 6,
      source: 'read',
      note: 'gunicorn --workers 6 ($WEB_CONCURRENCY)',
    });
    // biome-ignore lint/suspicious/noTemplateCurlyInString: shell parameter syntax under test
    expect(await processesFor('gunicorn app:app -w ${WEB_CONCURRENCY:-3}')).toMatchObject({ value: 3 });
    expect(
      await processesFor('gunicorn app:app', {
        env: '      - key: GUNICORN_CMD_ARGS\n        value: "--workers 5 --timeout 60"\n',
      }),
    ).toMatchObject({ value: 5, source: 'read' });
  });

  it('reads workers from the gunicorn config the command names, or gunicorn.conf.py, below the command line', async () => {
    const conf = (text: string) => ({ 'gunicorn.conf.py': text });
    expect(
      await processesFor('gunicorn -c gunicorn.conf.py app:app', {}, conf('workers = 5\n')),
    ).toMatchObject({
      value: 5,
      source: 'read',
      note: 'gunicorn workers 5 (gunicorn.conf.py:1)',
    });
    // gunicorn reads ./gunicorn.conf.py without -c; the command line still wins.
    expect((await processesFor('gunicorn app:app', {}, conf('workers = 5\n')))?.value).toBe(5);
    expect((await processesFor('gunicorn app:app -w 2', {}, conf('workers = 5\n')))?.value).toBe(2);
    const documented = conf(
      'import multiprocessing\n\nbind = "0.0.0.0:8000"\nworkers = multiprocessing.cpu_count() * 2 + 1\nthreads = int(os.environ.get("GUNICORN_THREADS", 4))\n',
    );
    expect(await processesFor('gunicorn app:app', {}, documented)).toMatchObject({
      value: 3,
      note: expect.stringContaining('2 × 1 CPU + 1'),
    });
    const fromEnv = conf('import os\nworkers = int(os.getenv("WEB_CONCURRENCY", "2"))\n');
    expect((await processesFor('gunicorn app:app', {}, fromEnv))?.value).toBe(2);
    expect(
      await processesFor(
        'gunicorn -c deploy/gunicorn.py app:app',
        {},
        { 'deploy/gunicorn.py': 'workers = 6\n' },
      ),
    ).toMatchObject({ value: 6 });
    // A config that sets no workers leaves gunicorn's default.
    expect(await processesFor('gunicorn app:app', {}, conf('timeout = 60\n'))).toMatchObject({
      value: 1,
      source: 'default',
      note: expect.stringContaining('gunicorn.conf.py sets none'),
    });
  });

  it('reads uWSGI workers and threads from the ini file it is started with', async () => {
    const ini = { 'etc/uwsgi.ini': '[uwsgi]\nhttp-socket=:$(PORT)\nmaster=true\nworkers=2\nthreads=4\n' };
    expect(await processesFor('uwsgi ./etc/uwsgi.ini', {}, ini)).toMatchObject({
      value: 2,
      source: 'read',
      note: 'uwsgi workers 2 (etc/uwsgi.ini:4)',
    });
    expect((await processesFor('uwsgi --ini etc/uwsgi.ini --processes 6', {}, ini))?.value).toBe(6);
    expect(
      (
        await processesFor(
          'uwsgi etc/uwsgi.ini',
          { env: '      - key: UWSGI_WORKERS\n        value: "5"\n' },
          { 'etc/uwsgi.ini': '[uwsgi]\nprocesses = $(UWSGI_WORKERS)\n' },
        )
      )?.value,
    ).toBe(5);
    expect(await processesFor('uwsgi --http :8000 --module app.wsgi')).toMatchObject({
      value: 1,
      source: 'default',
    });
  });

  it('follows `npm start` into the package.json of the service’s root directory', async () => {
    const model = await modelOf({
      'render.yaml':
        'services:\n  - type: web\n    name: web\n    runtime: node\n    rootDir: apps/web\n    startCommand: npm start\n',
      'apps/web/package.json': '{ "scripts": { "start": "pm2-runtime server.js -i 3" } }',
      'package.json': '{ "scripts": { "start": "node index.js" } }',
    });
    expect(computeCapacity(model).services[0]?.processes).toMatchObject({ value: 3, source: 'read' });
  });

  it('leaves RAM and CPU out, with a note, for a plan the catalog lacks', async () => {
    const model = await modelOf({ 'render.yaml': blueprint('gunicorn app:app', { plan: 'standard plus' }) });
    const [service] = computeCapacity(model).services;
    expect(service?.memoryMb).toBeUndefined();
    expect(service?.notes).toEqual([
      'Render plan "standard plus" is not in Headroom\'s catalog: RAM and CPU unknown',
    ]);
  });
});

describe('connection demand', () => {
  it('states the FastAPI-on-Render example in numbers, marking what is assumed', async () => {
    const result = await review(
      new LocalFileSet(new URL('../../examples/fastapi-render', import.meta.url).pathname),
    );
    const [service] = result.capacity.services;
    expect(service).toMatchObject({
      service: 'photos-api',
      plan: 'free',
      instances: { min: 1, max: 1 },
      processes: { value: 4, source: 'read', note: 'gunicorn --workers 4' },
      memoryMb: { value: 512, source: 'read' },
      cpus: { value: 0.1, source: 'read' },
      memoryPerProcessMb: {
        value: 150,
        source: 'assumed',
        note: expect.stringContaining("Headroom's estimate"),
      },
    });
    expect(result.capacity.databases).toEqual([
      {
        datastore: 'photos-db',
        plan: 'free',
        // 1 instance × 4 processes × (SQLAlchemy 5 + 10) = 60 of 100 − 10 reserved.
        demand: 60,
        limit: {
          value: 90,
          source: 'read',
          note: '100 connections on Render free, less 10 kept for migrations and psql',
        },
        percent: (60 / 90) * 100,
        contributors: [
          {
            service: 'photos-api',
            instances: 1,
            processes: { value: 4, source: 'read', note: 'gunicorn --workers 4' },
            poolSize: { value: 15, source: 'default', note: 'SQLAlchemy pool_size 5 + max_overflow 10' },
          },
        ],
      },
    ]);
  });

  const autoscaled = (start: string) =>
    blueprint(start).replace(
      '    plan: standard\n',
      '    plan: pro\n    scaling:\n      minInstances: 2\n      maxInstances: 6\n      targetCPUPercent: 70\n',
    );

  it('takes Prisma’s default from the plan’s CPUs, scales by max instances, and lets the config win', async () => {
    const model = await modelOf({
      'render.yaml': autoscaled('node server.js'),
      'package.json': '{ "dependencies": { "@prisma/client": "^6.1.0" } }',
    });
    const database = computeCapacity(model).databases[0];
    expect(database?.contributors[0]?.poolSize).toEqual({
      value: 5,
      source: 'default',
      note: 'Prisma default 2 × 2 CPU + 1',
    });
    expect(database?.demand).toBe(6 * 1 * 5);
    const configured = computeCapacity(model, {
      memoryPerProcessMb: 300,
      services: { api: { processes: 2, poolSize: 4 } },
    });
    expect(configured.databases[0]?.demand).toBe(6 * 2 * 4);
    expect(configured.services[0]?.memoryPerProcessMb).toMatchObject({ value: 300, source: 'config' });
  });

  it('reads connection_limit for Prisma’s engine, ignores it with a driver adapter', async () => {
    const files = (dependencies: string) => ({
      'render.yaml':
        'services:\n  - type: web\n    name: api\n    runtime: node\n    plan: pro\n    startCommand: node s.js\n    envVars:\n      - key: DATABASE_URL\n        value: postgresql://app:pw@db.abcdefghij.supabase.co:5432/postgres?connection_limit=3\n',
      'package.json': `{ "dependencies": ${dependencies} }`,
    });
    const engine = computeCapacity(await modelOf(files('{ "@prisma/client": "6.4.0" }'))).databases[0];
    expect(engine?.contributors[0]?.poolSize).toEqual({
      value: 3,
      source: 'read',
      note: 'connection_limit=3',
    });
    const adapter = computeCapacity(
      await modelOf(files('{ "@prisma/client": "7.0.0", "@prisma/adapter-pg": "7.0.0" }')),
    ).databases[0];
    expect(adapter?.contributors[0]?.poolSize).toMatchObject({ value: 10, source: 'default' });
  });

  it('finds a database outside the hosting config from the URLs services receive, without a limit it cannot know', async () => {
    const model = await modelOf({
      'render.yaml':
        'services:\n  - type: web\n    name: api\n    runtime: python\n    plan: standard\n    numInstances: 2\n    startCommand: gunicorn app:app -w 3\n    envVars:\n      - key: DATABASE_URL\n        sync: false\n  - type: worker\n    name: jobs\n    runtime: python\n    plan: starter\n    startCommand: celery -A app worker -c 2\n    envVars:\n      - key: DATABASE_URL\n        value: postgresql://postgres.abcdefghij:pw@aws-0-eu-west-3.pooler.supabase.com:6543/postgres\n',
      '.env.example':
        'DATABASE_URL=postgresql://postgres:[YOUR-PASSWORD]@db.abcdefghij.supabase.co:5432/postgres\n',
      'requirements.txt': 'django==5.1\n',
    });
    expect(computeCapacity(model).databases).toEqual([
      {
        datastore: 'Supabase abcdefghij',
        demand: 2 * 3 * 1,
        contributors: [
          {
            service: 'api',
            instances: 2,
            processes: { value: 3, source: 'read', note: 'gunicorn --workers 3' },
            poolSize: { value: 1, source: 'default', note: 'Django one connection per thread of a process' },
          },
        ],
        notes: [
          'the Supabase compute size is not in the repository: max_connections runs from 60 (nano) to 500 (16xl)',
          'jobs reaches it through a pooler (DATABASE_URL) and is not counted',
        ],
      },
    ]);
  });

  it('does not count services that go through Render’s PgBouncer', async () => {
    const model = await modelOf({
      'render.yaml': blueprint('gunicorn app:app -w 2').replace('connectionString', 'connectionPoolString'),
      'requirements.txt': 'sqlalchemy\n',
    });
    expect(computeCapacity(model).databases[0]).toMatchObject({
      demand: 0,
      notes: ["api goes through Render's PgBouncer and is not counted"],
    });
  });
});
