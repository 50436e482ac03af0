import { serviceCapacity } from '../../src/capacity/compute.ts';
import { REDIS_CLIENT_PACKAGES } from '../../src/catalog/libraries.ts';
import { declaredEnvKeys } from '../../src/rules/env-facts.ts';
import { defineRule } from '../../src/rules/rule.ts';
import { firstOf, packagesOf, projectPackages } from '../../src/rules/service-facts.ts';

/** Env vars that name a Redis/Valkey/Memcached/KV endpoint set in a dashboard rather than a file. */
const SHARED_CACHE_KEY = /(^|_)(REDIS|VALKEY|MEMCACHED?|KV)(_|$)/;

/**
 * Frameworks whose default cache or session store lives in each process, and the packages that
 * replace it with a shared one (a Redis client is looked for project-wide already).
 * - Django: without CACHES, "local-memory caching" is the default, per process
 *   (https://docs.djangoproject.com/en/5.1/topics/cache/#local-memory-caching).
 * - Rails: unless `config.cache_store` says, `:file_store` in each machine's tmp/cache, else
 *   `:memory_store` per process (railties, Rails::Application::Configuration#cache_store,
 *   https://github.com/rails/rails/blob/main/railties/lib/rails/application/configuration.rb);
 *   Solid Cache, Rails 8's default, keeps it in the database, and a Redis or memcached store
 *   needs a client gem, which counts as a shared cache.
 * - express-session: its default MemoryStore "does not scale past a single process"
 *   (https://github.com/expressjs/session#sessionoptions).
 */
const PER_PROCESS_DEFAULTS: Array<{ framework: string; unless: string[]; what: string }> = [
  { framework: 'django', unless: [], what: "Django's default cache is local memory in each process" },
  {
    framework: 'rails',
    unless: ['solid_cache'],
    what: "Rails' default cache store is per machine or per process",
  },
  { framework: 'express-session', unless: [], what: "express-session's default MemoryStore is per process" },
];

export default defineRule({
  meta: {
    id: 'cache/no-shared-cache',
    title: 'Several processes and no shared cache',
    category: 'cache',
    severity: { launch: 'note', growth: 'warning', scale: 'error', enterprise: 'error' },
    summary:
      'Services run several instances or worker processes on a framework whose default cache or session store lives in each process (Django, Rails, express-session), and the project has no Redis/Key Value store or client.',
    ramification:
      'Every process caches (sessions, rate-limit counters, computed pages) in its own memory: hit rates fall as you add workers, users see stale or inconsistent data depending on which process answers, and rate limits multiply by the number of processes.',
    fix: 'Add a shared cache (Render Key Value, Upstash, Redis) and move cross-request state there.',
    examples: {
      bad: {
        path: 'render.yaml',
        text: 'services:\n  - type: web\n    name: api\n    runtime: python\n    plan: standard\n    numInstances: 2\n    startCommand: gunicorn mysite.wsgi\n',
        alongside: { 'requirements.txt': 'Django==5.1.4\ngunicorn==23.0.0\n' },
      },
      good: {
        path: 'render.yaml',
        text: 'services:\n  - type: web\n    name: api\n    runtime: python\n    plan: standard\n    numInstances: 2\n    startCommand: gunicorn mysite.wsgi\n    envVars:\n      - key: REDIS_URL\n        fromService: { type: keyvalue, name: cache, property: connectionString }\n  - type: keyvalue\n    name: cache\n    ipAllowList: []\n',
        alongside: { 'requirements.txt': 'Django==5.1.4\ngunicorn==23.0.0\n' },
      },
    },
  },
  check(model) {
    const hasRedis =
      model.datastores.some((d) => d.kind === 'redis') ||
      model.connections.some((c) => c.url.dialect === 'redis') ||
      [...declaredEnvKeys(model)].some((key) => SHARED_CACHE_KEY.test(key)) ||
      firstOf(projectPackages(model), REDIS_CLIENT_PACKAGES) !== undefined;
    // Django's CACHES on the database or memcached is shared by every process too.
    if (hasRedis || model.sharedCacheBackends.length > 0) return [];
    return model.services.flatMap((service) => {
      // Serverless platforms give functions a shared data cache of their own (Next.js on Vercel);
      // caches held in function memory are reported by cache/in-process-cache-across-instances.
      if (service.kind !== 'web' && service.kind !== 'worker') return [];
      // An app that caches nothing in its processes has nothing to share between them.
      const packages = packagesOf(model, service);
      const store = PER_PROCESS_DEFAULTS.find(
        ({ framework, unless }) => packages.has(framework) && !unless.some((name) => packages.has(name)),
      );
      if (!store) return [];
      const capacity = serviceCapacity(model, service);
      const copies = service.instances.max * capacity.processes.value;
      if (copies <= 1) return [];
      return [
        {
          entity: service.id,
          message: `${service.name} runs ${copies} copies (${service.instances.max} instance(s) × ${capacity.processes.value} process(es)) and the project has no shared cache: ${store.what}, so each keeps its own view of cached data.`,
          location: service.location,
          fix: { text: 'Add a Redis/Key Value store and read and write cross-request state there.' },
        },
      ];
    });
  },
});
