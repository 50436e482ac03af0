import { defineRule } from '../../src/rules/rule.ts';

export default defineRule({
  meta: {
    id: 'cache/unused-keyvalue',
    title: 'Key Value store no service uses',
    category: 'cache',
    severity: { launch: 'note', growth: 'warning', scale: 'warning', enterprise: 'warning' },
    summary: 'A Key Value (Redis/Valkey) store is declared but no service receives its URL.',
    ramification:
      'The shared cache the plan counts on is not wired: every instance still caches in its own memory (or not at all), and the store costs money for nothing. Usually a missing `fromService` entry.',
    fix: 'Give the services that need it its URL: `fromService: { type: keyvalue, name: <store>, property: connectionString }` under `envVars`, or remove the store.',
    examples: {
      bad: {
        path: 'render.yaml',
        text: 'services:\n  - type: web\n    name: api\n    runtime: node\n    startCommand: node server.js\n  - type: keyvalue\n    name: cache\n    ipAllowList: []\n',
      },
      good: {
        path: 'render.yaml',
        text: 'services:\n  - type: web\n    name: api\n    runtime: node\n    startCommand: node server.js\n    envVars:\n      - key: REDIS_URL\n        fromService: { type: keyvalue, name: cache, property: connectionString }\n  - type: keyvalue\n    name: cache\n    ipAllowList: []\n',
      },
    },
  },
  check(model) {
    return model.datastores
      .filter((d) => d.kind === 'redis' && d.platform === 'render')
      .filter(
        (store) =>
          !model.services.some((s) =>
            s.env.some((e) => e.source.kind === 'fromService' && e.source.name === store.name),
          ),
      )
      .map((store) => ({
        entity: store.id,
        message: `Key Value store ${store.name} is declared but no service gets its URL, so nothing uses it as a shared cache.`,
        location: store.location,
        fix: {
          text: 'Wire it to the services that cache or queue.',
          replacement: `- key: REDIS_URL\n  fromService:\n    type: keyvalue\n    name: ${store.name}\n    property: connectionString`,
        },
      }));
  },
});
