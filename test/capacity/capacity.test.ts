import { describe, expect, it } from 'vitest';
import { invocationsOf } from '../../src/capacity/command.ts';
import { computeCapacity } from '../../src/capacity/compute.ts';
import { LocalFileSet } from '../../src/files/local-file-set.ts';
import { review } from '../../src/review/run-review.ts';
import { modelOf } from '../helpers/rule-findings.ts';

describe('start commands', () => {
  it('splits control operators, env prefixes, sh -c and package scripts like a shell', () => {
    const scripts = {
      start: 'node dist/server.js',
      'start:prod': 'NODE_ENV=production pm2-runtime start ecosystem.config.js -i 4',
    };
    expect(
      invocationsOf(
        'python manage.py migrate && WEB_CONCURRENCY=3 exec gunicorn app.wsgi -k "uvicorn.workers.UvicornWorker"',
      ),
    ).toEqual([
      { program: 'python', args: ['manage.py', 'migrate'], env: {} },
      {
        program: 'gunicorn',
        args: ['app.wsgi', '-k', 'uvicorn.workers.UvicornWorker'],
        env: { WEB_CONCURRENCY: '3' },
      },
    ]);
    expect(invocationsOf("sh -c 'npm run start:prod'", scripts)).toEqual([
      {
        program: 'pm2-runtime',
        args: ['start', 'ecosystem.config.js', '-i', '4'],
        env: { NODE_ENV: 'production' },
      },
    ]);
    expect(invocationsOf('yarn start', scripts)).toEqual([
      { program: 'node', args: ['dist/server.js'], env: {} },
    ]);
  });
});

const blueprint = (start: string, extra = '') => `services:
  - type: web
    name: api
    runtime: python
    plan: standard
    startCommand: ${start}
    envVars:
      - key: DATABASE_URL
        fromDatabase: { name: db, property: connectionString }
${extra}databases:
  - name: db
    plan: basic-1gb
`;

describe('the capacity summary', () => {
  it.each([
    ['gunicorn app:app -w 4', 4, 'read'],
    ['gunicorn app:app --workers=3 -k uvicorn.workers.UvicornWorker', 3, 'read'],
    ['python -m uvicorn main:app --workers 2', 2, 'read'],
    ['uvicorn main:app --host 0.0.0.0', 1, 'default'],
    ['gunicorn app:app', 1, 'default'],
  ])('`%s` runs %i process(es) (%s)', async (start, processes, source) => {
    const model = await modelOf({ 'render.yaml': blueprint(start), 'requirements.txt': 'sqlalchemy==2.0\n' });
    const [service] = computeCapacity(model).services;
    expect(service?.processes).toMatchObject({ value: processes, source });
  });

  it('reads WEB_CONCURRENCY set on the service for gunicorn', async () => {
    const model = await modelOf({
      'render.yaml': blueprint('gunicorn app:app', '      - key: WEB_CONCURRENCY\n        value: "6"\n'),
    });
    expect(computeCapacity(model).services[0]?.processes).toEqual({
      value: 6,
      source: 'read',
      note: 'WEB_CONCURRENCY=6',
    });
  });

  it('states the FastAPI-on-Render example in numbers, marking what is assumed', async () => {
    const result = await review(
      new LocalFileSet(new URL('../../examples/fastapi-render', import.meta.url).pathname),
    );
    expect(result.capacity.services).toEqual([
      {
        service: 'photos-api',
        platform: 'render',
        plan: 'free',
        instances: { min: 1, max: 1 },
        processes: { value: 4, source: 'read', note: 'gunicorn --workers 4' },
        memoryMb: { value: 512, source: 'read', note: 'Render free' },
        cpus: { value: 0.1, source: 'read', note: 'Render free' },
        memoryPerProcessMb: {
          value: 150,
          source: 'assumed',
          note: expect.stringContaining("Headroom's estimate"),
        },
      },
    ]);
    expect(result.capacity.databases).toEqual([
      {
        datastore: 'photos-db',
        plan: 'free',
        demand: 60,
        limit: {
          value: 90,
          source: 'read',
          note: expect.stringContaining('100 connections on Render free, less 10'),
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

  it('takes processes, pool size and memory from the config when stated, and scales demand by max instances', async () => {
    const model = await modelOf({
      'render.yaml': blueprint('node server.js').replace(
        '    plan: standard\n',
        '    plan: standard\n    scaling:\n      minInstances: 2\n      maxInstances: 6\n      targetCPUPercent: 70\n',
      ),
      'package.json': '{ "dependencies": { "@prisma/client": "6.1.0" } }',
    });
    const prismaDefault = computeCapacity(model).databases[0];
    expect(prismaDefault?.contributors[0]?.poolSize).toMatchObject({ value: 3, source: 'default' });
    expect(prismaDefault?.demand).toBe(6 * 1 * 3);
    const configured = computeCapacity(model, {
      memoryPerProcessMb: 300,
      services: { api: { processes: 2, poolSize: 5 } },
    });
    expect(configured.databases[0]?.demand).toBe(6 * 2 * 5);
    expect(configured.services[0]?.memoryPerProcessMb).toMatchObject({ value: 300, source: 'config' });
  });
});
