import { describe, expect, it } from 'vitest';
import { LocalFileSet } from '../../src/files/local-file-set.ts';
import { MemoryFileSet } from '../../src/files/memory-file-set.ts';
import type { ReviewResult } from '../../src/review/review-result.ts';
import { review } from '../../src/review/run-review.ts';

const fixture = (name: string) => new URL(`../fixtures/real/${name}/`, import.meta.url).pathname;

/** The fixture's files, with some replaced or left out, for the case that must not fire. */
async function files(name: string, change: Record<string, string | null> = {}): Promise<MemoryFileSet> {
  const set = new LocalFileSet(fixture(name));
  const texts: Record<string, string> = {};
  for (const content of (await set.read((await set.list()).map((e) => e.path))).values())
    if (content.kind === 'text') texts[content.path] = content.text;
  for (const [path, text] of Object.entries(change))
    if (text === null) delete texts[path];
    else texts[path] = text;
  return new MemoryFileSet(texts);
}

const found = (result: ReviewResult) => result.findings.map((f) => `${f.ruleId} ${f.entity}`).sort();

describe('tramlinehq/tramline: Rails with Puma and Sidekiq on Render', () => {
  it('reads 4 Puma workers × 5 threads and Sidekiq’s ERB concurrency, and finds the evicting queue', async () => {
    const result = await review(new LocalFileSet(fixture('render-tramline')));
    expect(result.diagnostics).toEqual([]);
    expect(found(result)).toEqual([
      'cache/queue-on-evicting-redis keyvalue:site-redis',
      'plan/no-health-check service:site-web',
      'pooling/direct-connection-at-scale database:site-db',
    ]);
    const [web, jobs] = result.capacity.services;
    expect([web?.processes.value, web?.threadsPerProcess?.value]).toEqual([4, 5]);
    expect(jobs?.threadsPerProcess?.value).toBe(5);
    // 3 instances × 4 workers × 5 + Sidekiq's 5, of basic-1gb's 100 less Render's 10 reserved.
    expect(result.capacity.databases[0]?.demand).toBe(65);
  });

  it('says nothing of the queue once the Key Value never evicts', async () => {
    const render = (await files('render-tramline')).read(['render.yaml']);
    const text = [...(await render).values()][0];
    if (text?.kind !== 'text') throw new Error('render.yaml unreadable');
    const noEviction = text.text.replace(
      '    name: site-redis\n',
      '    name: site-redis\n    maxmemoryPolicy: noeviction\n',
    );
    const result = await review(await files('render-tramline', { 'render.yaml': noEviction }));
    expect(found(result)).not.toContain('cache/queue-on-evicting-redis keyvalue:site-redis');
  });
});

describe('Jenselme/legadilo: Django with gunicorn started by a script the Dockerfile copies in', () => {
  it('follows production.yml to /start.sh and its argument: 4 gunicorn workers for the web, one cron process', async () => {
    const result = await review(new LocalFileSet(fixture('legadilo-production-compose')));
    expect(result.diagnostics).toEqual([]);
    const byName = Object.fromEntries(result.capacity.services.map((s) => [s.service, s.processes]));
    expect(byName.django).toMatchObject({ value: 4, source: 'read' });
    expect(byName.cron).toMatchObject({ value: 1, note: 'one process: `python manage.py cron`' });
    // runserver sits in the script's local branch; sentry is in the `prod` group; the cache is the database.
    expect(found(result)).toEqual(['ops/no-rate-limiting service:django']);
  });

  it('without the DatabaseCache setting, four gunicorn workers have no shared cache', async () => {
    const result = await review(await files('legadilo-production-compose', { 'config/settings.py': null }));
    expect(found(result)).toContain('cache/no-shared-cache service:django');
  });
});

describe('djangopackages: a compose file whose services all build Dockerfile-dev', () => {
  it('is the laptop’s stack: no services, no databases, no findings', async () => {
    const result = await review(new LocalFileSet(fixture('djangopackages-dev-compose')));
    expect(result.findings).toEqual([]);
    expect(result.capacity.services).toEqual([]);
    expect(result.diagnostics).toEqual([]);
  });

  it('the same stack built from the production Dockerfile is a deployment, taken as assumed', async () => {
    const set = await files('djangopackages-dev-compose');
    const compose = [...(await set.read(['compose.yml'])).values()][0];
    if (compose?.kind !== 'text') throw new Error('compose.yml unreadable');
    const production = compose.text.replace(
      './dockerfiles/django/Dockerfile-dev',
      './dockerfiles/django/Dockerfile',
    );
    const result = await review(await files('djangopackages-dev-compose', { 'compose.yml': production }));
    expect(result.capacity.services.map((s) => s.service)).toContain('django');
    expect(result.diagnostics.map((d) => [d.severity, d.location.path])).toEqual([['info', 'compose.yml']]);
  });
});

describe('rubys/showcase: a Rails app behind the navigator process manager, and a Go proxy, on Fly', () => {
  it('asks for the /up check the routes already serve, claims no process count for navigator or the Go proxy, and lets a suspending machine be', async () => {
    const result = await review(new LocalFileSet(fixture('fly-showcase')));
    expect(found(result)).toEqual([
      'ops/no-rate-limiting service:smooth',
      'plan/no-health-check service:smooth',
      'plan/no-health-check service:smooth-proxy',
    ]);
    const health = result.findings.find(
      (f) => f.entity === 'service:smooth' && f.ruleId === 'plan/no-health-check',
    );
    expect(health?.fix).toMatchObject({
      text: expect.stringContaining('/up (config/routes.rb:6)'),
      replacement: expect.stringContaining('path = "/up"'),
    });
    expect(result.capacity.services.map((s) => s.processes.source)).toEqual(['assumed', 'assumed']);
  });

  it('reports the proxy once its machines stop instead of suspending', async () => {
    const proxy = 'fly/applications/proxy/fly.toml';
    const text = (await (await files('fly-showcase')).read([proxy])).get(proxy);
    const stopping =
      text?.kind === 'text'
        ? text.text.replace("auto_stop_machines = 'suspend'", "auto_stop_machines = 'stop'")
        : '';
    const result = await review(await files('fly-showcase', { [proxy]: stopping }));
    expect(found(result)).toContain('plan/free-web-sleeps service:smooth-proxy');
  });
});

describe('spree/spree_starter: a Rails store offered as a Render blueprint and a Heroku app', () => {
  it('says once that the store has no rate limiter, and names the /up route for the health check', async () => {
    const result = await review(new LocalFileSet(fixture('render-spree-starter')));
    expect(found(result)).toEqual([
      'ops/no-rate-limiting service:spree-web',
      'plan/no-health-check service:spree-web',
    ]);
    expect(result.findings.map((f) => f.fix?.replacement)).toContain('healthCheckPath: /up');
    expect(result.findings[0]?.message ?? '').toMatch(/spree-web \(render\.yaml\) and web \(Procfile\)/);
  });

  it('reports the Heroku web process on its own once the blueprint is gone', async () => {
    const result = await review(await files('render-spree-starter', { 'render.yaml': null }));
    expect(found(result)).toEqual(['ops/no-rate-limiting service:web']);
  });
});

describe('umami-software/umami: Next.js on Netlify, with a Heroku button and a compose file for self-hosting', () => {
  it('takes DATABASE_URL from the compose file and the Heroku add-on, cloudUrl from next.config, and a presence-tested read as optional', async () => {
    const result = await review(new LocalFileSet(fixture('netlify-umami')));
    expect(found(result)).toEqual([
      'env/undeclared-variable service:netlify:undeclared-env',
      'ops/no-error-tracking project:error-tracking',
      'ops/no-rate-limiting service:netlify',
    ]);
    // Known noise, left in the note: optional settings the config route passes through to the client.
    const env = result.findings.find((f) => f.ruleId === 'env/undeclared-variable');
    expect(env?.fix?.replacement).toBe('FAVICON_URL=\nLINKS_URL=\nPIXELS_URL=\nTRACKER_SCRIPT_NAME=');
  });

  it('asks for DATABASE_URL once neither the compose file nor the Heroku add-on declares it', async () => {
    const result = await review(
      await files('netlify-umami', { 'docker-compose.yml': null, 'app.json': null }),
    );
    const env = result.findings.find((f) => f.ruleId === 'env/undeclared-variable');
    expect(env?.fix?.replacement?.split('\n')).toEqual(expect.arrayContaining(['DATABASE_URL=']));
  });
});
