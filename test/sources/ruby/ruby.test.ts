import { describe, expect, it } from 'vitest';
import { serviceCapacity } from '../../../src/capacity/compute.ts';
import { LocalFileSet } from '../../../src/files/local-file-set.ts';
import { review } from '../../../src/review/run-review.ts';
import { modelOf } from '../../helpers/rule-findings.ts';

const web = (startCommand: string, env = '') =>
  `services:\n  - type: web\n    name: app\n    runtime: ruby\n    plan: standard\n    startCommand: ${startCommand}\n${env ? `    envVars:\n${env}` : ''}`;

async function capacityOf(files: Record<string, string>) {
  const model = await modelOf(files);
  const service = model.services[0];
  if (!service) throw new Error('no service');
  return { model, capacity: serviceCapacity(model, service) };
}

describe('Puma config files', () => {
  it('reads workers from ENV.fetch with its fallback, and the service env over the fallback', async () => {
    const puma =
      'workers ENV.fetch("WEB_CONCURRENCY") { 2 }\nthreads_count = ENV.fetch("RAILS_MAX_THREADS", 3)\nthreads threads_count, threads_count\n';
    const unset = await capacityOf({
      'render.yaml': web('bundle exec puma -C config/puma.rb'),
      'config/puma.rb': puma,
    });
    expect(unset.capacity.processes).toMatchObject({ value: 2, source: 'read' });
    expect(unset.capacity.threadsPerProcess).toMatchObject({ value: 3 });
    const set = await capacityOf({
      'render.yaml': web(
        'bundle exec puma -C config/puma.rb',
        '      - key: WEB_CONCURRENCY\n        value: 4\n',
      ),
      'config/puma.rb': puma,
    });
    expect(set.capacity.processes).toMatchObject({
      value: 4,
      note: expect.stringContaining('WEB_CONCURRENCY=4'),
    });
  });

  it('loads config/puma.rb for `rails server` too, and reads Integer(ENV[…] || n) and :auto', async () => {
    const integer = await capacityOf({
      'render.yaml': web('bin/rails server -b 0.0.0.0'),
      'config/puma.rb': "workers Integer(ENV['WEB_CONCURRENCY'] || 3)\n",
    });
    expect(integer.capacity.processes.value).toBe(3);
    const auto = await capacityOf({
      'render.yaml': web('bundle exec puma'),
      'config/puma.rb': 'workers :auto\n',
    });
    // Render standard has 1 CPU.
    expect(auto.capacity.processes).toMatchObject({ value: 1, note: expect.stringContaining('1 × 1 CPU') });
  });

  it('runs single mode when the config sets no workers, unless WEB_CONCURRENCY says, which Puma reads itself', async () => {
    const puma = '# workers ENV.fetch("WEB_CONCURRENCY") { 2 }\nthreads 5, 5\n';
    const single = await capacityOf({ 'render.yaml': web('bundle exec puma'), 'config/puma.rb': puma });
    expect(single.capacity.processes).toMatchObject({ value: 1, source: 'default' });
    const concurrency = await capacityOf({
      'render.yaml': web('bundle exec puma', '      - key: WEB_CONCURRENCY\n        value: 3\n'),
      'config/puma.rb': puma,
    });
    expect(concurrency.capacity.processes.value).toBe(3);
  });

  it('says which line of a broken config it could not read, and the rest of the review goes on', async () => {
    const { model, capacity } = await capacityOf({
      'render.yaml': web('bundle exec puma'),
      'config/puma.rb': 'workers 2\nthreads 1, (\n',
    });
    expect(model.diagnostics).toEqual([
      expect.objectContaining({
        origin: 'ruby',
        location: { path: 'config/puma.rb', line: expect.any(Number) },
      }),
    ]);
    expect(capacity.processes).toMatchObject({
      value: 1,
      note: expect.stringContaining('no config/puma.rb'),
    });
  });
});

describe('Gemfile', () => {
  it('lists gems with their lines, and development and test groups as dev-only', async () => {
    const model = await modelOf({
      Gemfile:
        "source 'https://rubygems.org'\ngem 'rails', '~> 7.1'\ngem 'sidekiq'\ngroup :development, :test do\n  gem 'rspec-rails'\nend\ngem 'rack-mini-profiler', group: :development\ngroup :production do\n  gem 'sentry-ruby'\nend\n",
    });
    expect(model.dependencies.map((d) => [d.ecosystem, d.name, d.version, d.dev, d.location.line])).toEqual([
      ['rubygems', 'rails', '~> 7.1', false, 2],
      ['rubygems', 'sidekiq', undefined, false, 3],
      ['rubygems', 'rspec-rails', undefined, true, 5],
      ['rubygems', 'rack-mini-profiler', undefined, true, 7],
      ['rubygems', 'sentry-ruby', undefined, false, 9],
    ]);
  });

  it('puts Sidekiq on an evicting Render Key Value in the checklist, and not when it never evicts', async () => {
    const files = (policy: string) => ({
      Gemfile: "gem 'rails'\ngem 'sidekiq'\n",
      'render.yaml': `services:\n  - type: keyvalue\n    name: jobs\n    plan: starter\n${policy}    ipAllowList: []\n  - type: worker\n    name: sidekiq\n    runtime: ruby\n    startCommand: bundle exec sidekiq\n`,
    });
    const { MemoryFileSet } = await import('../../../src/files/memory-file-set.ts');
    const evicting = await review(new MemoryFileSet(files('')));
    expect(
      evicting.findings.filter((f) => f.ruleId === 'cache/queue-on-evicting-redis').map((f) => f.entity),
    ).toEqual(['keyvalue:jobs']);
    const safe = await review(new MemoryFileSet(files('    maxmemoryPolicy: noeviction\n')));
    expect(safe.findings.filter((f) => f.ruleId === 'cache/queue-on-evicting-redis')).toEqual([]);
  });
});

describe('Sidekiq', () => {
  it('counts its job threads as connections: -c, else its default of 5', async () => {
    const worker = (start: string) => ({
      Gemfile: "gem 'rails'\ngem 'sidekiq'\n",
      'render.yaml': `services:\n  - type: worker\n    name: jobs\n    runtime: ruby\n    plan: standard\n    startCommand: ${start}\n    envVars:\n      - key: DATABASE_URL\n        fromDatabase: { name: db, property: connectionString }\ndatabases:\n  - name: db\n    plan: basic-1gb\n`,
    });
    const { MemoryFileSet } = await import('../../../src/files/memory-file-set.ts');
    const defaults = await review(new MemoryFileSet(worker('bundle exec sidekiq')));
    expect(defaults.capacity.databases[0]?.contributors[0]?.poolSize).toMatchObject({
      value: 5,
      source: 'default',
    });
    const written = await review(new MemoryFileSet(worker('bundle exec sidekiq -c 12 -q default')));
    expect(written.capacity.databases[0]?.contributors[0]?.poolSize).toMatchObject({
      value: 12,
      source: 'read',
    });
  });
});

describe('GoodJob', () => {
  it('counts its job threads as connections: --max-threads, else GOOD_JOB_MAX_THREADS, else its default of 5', async () => {
    const { MemoryFileSet } = await import('../../../src/files/memory-file-set.ts');
    const worker = (start: string, env = '') => ({
      Gemfile: "gem 'rails'\ngem 'good_job'\n",
      'render.yaml': `services:\n  - type: worker\n    name: jobs\n    runtime: ruby\n    plan: standard\n    startCommand: ${start}\n    envVars:\n      - key: DATABASE_URL\n        fromDatabase: { name: db, property: connectionString }\n${env}databases:\n  - name: db\n    plan: basic-1gb\n`,
    });
    const pool = async (start: string, env?: string) =>
      (await review(new MemoryFileSet(worker(start, env)))).capacity.databases[0]?.contributors[0]?.poolSize;
    expect(await pool('bundle exec good_job start')).toMatchObject({ value: 5, source: 'default' });
    expect(await pool('bundle exec good_job start --max-threads=12')).toMatchObject({
      value: 12,
      source: 'read',
    });
    expect(
      await pool('bundle exec good_job start', '      - key: GOOD_JOB_MAX_THREADS\n        value: "3"\n'),
    ).toMatchObject({ value: 3, note: expect.stringContaining('GOOD_JOB_MAX_THREADS=3') });
    // A maintenance command runs no job threads.
    expect(await pool('bundle exec good_job cleanup_preserved_jobs')).not.toMatchObject({
      note: expect.stringContaining('good_job'),
    });
  });
});

describe('Sidekiq config files', () => {
  it('reads concurrency from config/sidekiq.yml, its production section and ERB included', async () => {
    const { MemoryFileSet } = await import('../../../src/files/memory-file-set.ts');
    const withConfig = (start: string, yml: Record<string, string>) => ({
      Gemfile: "gem 'sidekiq'\n",
      'render.yaml': `services:\n  - type: worker\n    name: jobs\n    runtime: ruby\n    plan: standard\n    startCommand: ${start}\n    envVars:\n      - key: DATABASE_URL\n        fromDatabase: { name: db, property: connectionString }\n      - key: SIDEKIQ_CONCURRENCY\n        value: "8"\ndatabases:\n  - name: db\n    plan: basic-1gb\n`,
      ...yml,
    });
    const pool = async (files: Record<string, string>) =>
      (await review(new MemoryFileSet(files))).capacity.databases[0]?.contributors[0]?.poolSize;
    expect(
      await pool(
        withConfig('bundle exec sidekiq', {
          'config/sidekiq.yml': ':concurrency: 3\nproduction:\n  :concurrency: 7\n:queues:\n  - default\n',
        }),
      ),
    ).toMatchObject({ value: 7, note: expect.stringContaining('config/sidekiq.yml:3') });
    expect(
      await pool(
        withConfig('bundle exec sidekiq -C config/jobs_sidekiq.yml', {
          'config/jobs_sidekiq.yml': ':concurrency: <%= ENV.fetch("SIDEKIQ_CONCURRENCY") { 5 } %>\n',
        }),
      ),
    ).toMatchObject({ value: 8, note: expect.stringContaining('SIDEKIQ_CONCURRENCY=8') });
  });
});

describe("render-examples/rails-6: Render's own Rails blueprint", () => {
  it('runs one Puma process with five threads, five connections, and no single-process finding', async () => {
    const result = await review(
      new LocalFileSet(new URL('../../fixtures/real/render-rails-6/', import.meta.url).pathname),
    );
    expect(result.diagnostics).toEqual([]);
    expect(result.findings.map((f) => `${f.ruleId} ${f.entity}`).sort()).toEqual([
      'ops/no-error-tracking project:error-tracking',
      'ops/no-rate-limiting service:myrailssite',
      'plan/database-plan-vs-tier database:myrailssite',
      'plan/no-health-check service:myrailssite',
    ]);
    const [service] = result.capacity.services;
    expect(service?.threadsPerProcess?.value).toBe(5);
    expect(result.capacity.databases[0]?.demand).toBe(5);
  });
});
