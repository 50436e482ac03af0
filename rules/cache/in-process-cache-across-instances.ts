import { serviceCapacity } from '../../src/capacity/compute.ts';
import { defineRule } from '../../src/rules/rule.ts';
import { serviceOwning } from '../../src/rules/service-of-path.ts';

export default defineRule({
  meta: {
    id: 'cache/in-process-cache-across-instances',
    title: 'In-process cache in a service with several copies',
    category: 'cache',
    severity: { launch: 'note', growth: 'warning', scale: 'error', enterprise: 'error' },
    summary:
      'Application code caches in process memory (`lru-cache`, `node-cache`, a module-level `Map` cache, `functools.lru_cache`, cachetools) while its service runs several instances or worker processes.',
    ramification:
      'Each copy fills its own cache: hit rates divide by the number of copies, memory is spent N times, and after a write some copies keep serving the old value until their TTL runs out — users see data change back and forth between requests.',
    fix: 'Move the cache to the shared store (Redis/Key Value) or make it per-request; keep in-process caching for immutable data only, and say so with `headroom-ignore`.',
    examples: {
      bad: {
        path: 'src/feed.js',
        text: "import { LRUCache } from 'lru-cache';\n\nexport const feedCache = new LRUCache({ max: 500, ttl: 30_000 });\n",
        alongside: {
          'render.yaml':
            'services:\n  - type: web\n    name: api\n    runtime: node\n    plan: standard\n    numInstances: 3\n    startCommand: node src/server.js\n',
        },
      },
      good: {
        path: 'src/feed.js',
        text: "import { LRUCache } from 'lru-cache';\n\nexport const feedCache = new LRUCache({ max: 500, ttl: 30_000 });\n",
        alongside: {
          'render.yaml':
            'services:\n  - type: web\n    name: api\n    runtime: node\n    plan: standard\n    startCommand: node src/server.js\n',
        },
      },
    },
  },
  check(model) {
    return model.inProcessCaches.flatMap((cache) => {
      if (cache.frontsSharedCache) return [];
      const service = serviceOwning(model, cache.location.path);
      if (!service) return [];
      const copies =
        service.kind === 'serverless'
          ? Number.POSITIVE_INFINITY
          : service.instances.max * serviceCapacity(model, service).processes.value;
      if (copies <= 1) return [];
      const count = Number.isFinite(copies) ? `${copies} copies` : 'one copy per function instance';
      return [
        {
          entity: `cache:${cache.location.path}:${cache.name}`,
          message: `${cache.name} (${cache.kind}) caches in process memory while ${service.name} runs ${count}: each keeps its own, possibly stale, view.`,
          location: cache.location,
          fix: {
            text: 'Keep cross-request data in the shared cache (Redis/Key Value), or acknowledge it if the data never changes.',
          },
        },
      ];
    });
  },
});
