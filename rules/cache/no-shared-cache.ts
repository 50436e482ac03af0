import { serviceCapacity } from '../../src/capacity/compute.ts';
import { REDIS_CLIENT_PACKAGES } from '../../src/catalog/libraries.ts';
import { declaredEnvKeys } from '../../src/rules/env-facts.ts';
import { defineRule } from '../../src/rules/rule.ts';
import { firstOf, projectPackages } from '../../src/rules/service-facts.ts';

/** Env vars that name a Redis/Valkey/Memcached/KV endpoint set in a dashboard rather than a file. */
const SHARED_CACHE_KEY = /(^|_)(REDIS|VALKEY|MEMCACHED?|KV)(_|$)/;

export default defineRule({
  meta: {
    id: 'cache/no-shared-cache',
    title: 'Several processes and no shared cache',
    category: 'cache',
    severity: { launch: 'note', growth: 'warning', scale: 'error', enterprise: 'error' },
    summary:
      'Services run several instances or worker processes and the project has no Redis/Key Value store or client.',
    ramification:
      'Every process caches (sessions, rate-limit counters, computed pages) in its own memory: hit rates fall as you add workers, users see stale or inconsistent data depending on which process answers, and rate limits multiply by the number of processes.',
    fix: 'Add a shared cache (Render Key Value, Upstash, Redis) and move cross-request state there.',
    examples: {
      bad: {
        path: 'render.yaml',
        text: 'services:\n  - type: web\n    name: api\n    runtime: node\n    plan: standard\n    numInstances: 2\n    startCommand: node server.js\n',
      },
      good: {
        path: 'render.yaml',
        text: 'services:\n  - type: web\n    name: api\n    runtime: node\n    plan: standard\n    numInstances: 2\n    startCommand: node server.js\n    envVars:\n      - key: REDIS_URL\n        fromService: { type: keyvalue, name: cache, property: connectionString }\n  - type: keyvalue\n    name: cache\n    ipAllowList: []\n',
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
      const capacity = serviceCapacity(model, service);
      const copies = service.instances.max * capacity.processes.value;
      if (copies <= 1) return [];
      return [
        {
          entity: service.id,
          message: `${service.name} runs ${copies} copies (${service.instances.max} instance(s) × ${capacity.processes.value} process(es)) and the project has no shared cache: each keeps its own view of cached data.`,
          location: service.location,
          fix: { text: 'Add a Redis/Key Value store and read and write cross-request state there.' },
        },
      ];
    });
  },
});
