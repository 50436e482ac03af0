import { REDIS_QUEUE_PACKAGES } from '../../src/catalog/libraries.ts';
import { RENDER_KEYVALUE_DEFAULT_POLICY } from '../../src/catalog/render.ts';
import type { Datastore } from '../../src/model/project-model.ts';
import { defineRule, type RuleFinding } from '../../src/rules/rule.ts';
import { firstOf, projectPackages } from '../../src/rules/service-facts.ts';

export default defineRule({
  meta: {
    id: 'cache/queue-on-evicting-redis',
    title: 'Job queue on a Redis that evicts or forgets',
    category: 'cache',
    severity: { launch: 'warning', growth: 'error', scale: 'error', enterprise: 'error' },
    summary:
      'A Redis-backed job queue (BullMQ, Celery, RQ…) with a Key Value store whose eviction policy is not `noeviction`, or that is free (no persistence).',
    ramification: `When memory fills, an evicting Redis (Render's default is \`${RENDER_KEYVALUE_DEFAULT_POLICY.value}\`) deletes keys — including queued jobs and their locks — silently. A free store keeps nothing across restarts. Emails are not sent, payments not processed, and nothing reports it.`,
    fix: 'Set `maxmemoryPolicy: noeviction` on the store that backs the queue (use a separate store for the cache), on a paid plan.',
    examples: {
      bad: {
        path: 'render.yaml',
        text: 'services:\n  - type: keyvalue\n    name: jobs\n    plan: starter\n    ipAllowList: []\n',
        alongside: { 'package.json': '{ "dependencies": { "bullmq": "5.34.0" } }' },
      },
      good: {
        path: 'render.yaml',
        text: 'services:\n  - type: keyvalue\n    name: jobs\n    plan: starter\n    maxmemoryPolicy: noeviction\n    ipAllowList: []\n',
        alongside: { 'package.json': '{ "dependencies": { "bullmq": "5.34.0" } }' },
      },
    },
  },
  check(model) {
    const queue = firstOf(projectPackages(model), REDIS_QUEUE_PACKAGES);
    if (!queue) return [];
    const findings: RuleFinding[] = [];
    const stores = model.datastores.filter((d) => d.kind === 'redis');
    // A paid store that never evicts is where the queue lives; the others are caches.
    if (stores.some((s) => s.plan?.name !== 'free' && policyOf(s) === 'noeviction')) return [];
    for (const store of stores) {
      const policy = policyOf(store);
      if (store.plan?.name === 'free') {
        findings.push({
          entity: store.id,
          message: `${queue} jobs would live in ${store.name}, a free Key Value store with no persistence: a restart loses every queued job.`,
          location: store.plan.location,
          fix: { text: 'Use a paid plan with `maxmemoryPolicy: noeviction`.' },
        });
      } else if (policy && policy !== 'noeviction') {
        findings.push({
          entity: store.id,
          message: `${queue} is in the dependencies and ${store.name} evicts keys (\`${policy}\`${store.maxmemoryPolicy ? '' : ', the default'}): when memory fills, queued jobs are deleted silently.`,
          location: store.maxmemoryPolicy?.location ?? store.location,
          fix: {
            text: 'Keep the queue on a store that never evicts.',
            replacement: 'maxmemoryPolicy: noeviction',
          },
        });
      }
    }
    return findings;
  },
});

/** The store's eviction policy as written, or the platform default. */
function policyOf(store: Datastore): string | undefined {
  return (
    store.maxmemoryPolicy?.value ??
    (store.platform === 'render' ? RENDER_KEYVALUE_DEFAULT_POLICY.value : undefined)
  );
}
