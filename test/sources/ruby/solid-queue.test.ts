import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MemoryFileSet } from '../../../src/files/memory-file-set.ts';
import { review } from '../../../src/review/run-review.ts';

const fixture = (path: string) => readFileSync(new URL(`../../fixtures/${path}`, import.meta.url), 'utf8');

/** A Rails 8 app on Render: spree_starter's puma.rb (as `rails new` writes it), `rails new`'s queue.yml, a database. */
function rails8(
  env: string,
  {
    plan = 'standard',
    queueYml = fixture('rails8/queue.yml'),
    start = 'bundle exec puma -C config/puma.rb',
  } = {},
) {
  return new MemoryFileSet({
    Gemfile: "gem 'rails', '~> 8.0'\ngem 'puma'\ngem 'solid_queue'\ngem 'pg'\n",
    'config/puma.rb': fixture('real/render-spree-starter/config/puma.rb'),
    ...(queueYml ? { 'config/queue.yml': queueYml } : {}),
    'render.yaml': `services:\n  - type: web\n    name: app\n    runtime: ruby\n    plan: ${plan}\n    startCommand: ${start}\n    healthCheckPath: /up\n    envVars:\n      - key: DATABASE_URL\n        fromDatabase: { name: db, property: connectionString }\n${env}databases:\n  - name: db\n    plan: basic-1gb\n`,
  });
}

const env = (pairs: Record<string, string>) =>
  Object.entries(pairs)
    .map(([key, value]) => `      - key: ${key}\n        value: "${value}"\n`)
    .join('');

const contributors = async (files: MemoryFileSet) =>
  (await review(files)).capacity.databases[0]?.contributors.map((c) => [
    c.service,
    c.processes.value,
    c.poolSize.value,
  ]);

describe('Solid Queue inside Puma', () => {
  it('adds the supervisor, its workers (threads + 2) and its dispatcher when SOLID_QUEUE_IN_PUMA is set', async () => {
    const files = rails8(env({ SOLID_QUEUE_IN_PUMA: 'true', WEB_CONCURRENCY: '2' }));
    expect(await contributors(files)).toEqual([
      ['app', 2, 3],
      ['app: Solid Queue supervisor', 1, 1],
      ['app: Solid Queue workers', 1, 5],
      ['app: Solid Queue dispatcher', 1, 2],
    ]);
    const { capacity } = await review(files);
    expect(capacity.databases[0]?.demand).toBe(14);
    expect(capacity.services[0]?.jobProcesses).toMatchObject({
      value: 3,
      note: expect.stringContaining('config/queue.yml'),
    });
  });

  it('reads JOB_CONCURRENCY and threads from queue.yml, and Solid Queue defaults without one', async () => {
    const more = rails8(env({ SOLID_QUEUE_IN_PUMA: '1', JOB_CONCURRENCY: '3' }));
    expect(await contributors(more)).toContainEqual(['app: Solid Queue workers', 3, 5]);
    const none = rails8(env({ SOLID_QUEUE_IN_PUMA: '1' }), { queueYml: '' });
    const { capacity } = await review(none);
    expect(capacity.services[0]?.jobProcesses).toMatchObject({ value: 3, source: 'default' });
  });

  it('leaves Puma alone when the variable is unset, and counts "false", which Ruby holds true', async () => {
    expect(await contributors(rails8(''))).toEqual([['app', 1, 3]]);
    expect(await contributors(rails8(env({ SOLID_QUEUE_IN_PUMA: 'false' })))).toHaveLength(4);
  });

  it('says a free web service stops its jobs while it sleeps, not only that visitors wait', async () => {
    const asleep = await review(rails8(env({ SOLID_QUEUE_IN_PUMA: 'true' }), { plan: 'free' }));
    const finding = asleep.findings.find((f) => f.ruleId === 'plan/free-web-sleeps');
    expect(finding).toMatchObject({
      severity: 'error',
      message: expect.stringContaining('Solid Queue inside Puma'),
    });
    const webOnly = await review(rails8('', { plan: 'free' }));
    expect(webOnly.findings.find((f) => f.ruleId === 'plan/free-web-sleeps')?.message).toMatch(
      /is on the free plan: it sleeps after 15 idle minutes and the next visitor waits/,
    );
  });

  it('counts its processes in the instance memory', async () => {
    const memory = async (pairs: Record<string, string>) =>
      (await review(rails8(env(pairs), { plan: 'starter' }))).findings.filter(
        (f) => f.ruleId === 'plan/workers-exceed-memory',
      );
    expect(await memory({ WEB_CONCURRENCY: '1' })).toEqual([]);
    expect(await memory({ WEB_CONCURRENCY: '1', SOLID_QUEUE_IN_PUMA: 'true' })).toEqual([
      expect.objectContaining({ message: expect.stringContaining('4 processes (1 Puma, 3 Solid Queue)') }),
    ]);
  });
});

describe('Solid Queue on its own', () => {
  it('gives bin/jobs the processes queue.yml lists, and no Puma connections', async () => {
    const queueYml =
      'production:\n  dispatchers:\n    - polling_interval: 1\n  workers:\n    - queues: [default]\n      threads: 5\n      processes: 2\n    - queues: [mailers]\n      threads: 1\n';
    const files = rails8('', { queueYml, start: 'bin/jobs' });
    expect(await contributors(files)).toEqual([
      ['app: Solid Queue supervisor', 1, 1],
      ['app: Solid Queue workers', 2, 7],
      ['app: Solid Queue workers', 1, 3],
      ['app: Solid Queue dispatcher', 1, 2],
    ]);
    expect((await review(files)).capacity.services[0]?.processes).toMatchObject({ value: 5, source: 'read' });
  });

  it('is started by rails solid_queue:start too, and not by other rails tasks', async () => {
    expect(await contributors(rails8('', { start: 'bin/rails solid_queue:start' }))).toHaveLength(3);
    expect(await contributors(rails8('', { start: 'bin/rails db:migrate && bin/rails server' }))).toEqual([
      ['app', 1, 3],
    ]);
  });
});
