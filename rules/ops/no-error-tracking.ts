import { ERROR_TRACKING_PACKAGES } from '../../src/catalog/libraries.ts';
import { declaredEnvKeys } from '../../src/rules/env-facts.ts';
import { defineRule } from '../../src/rules/rule.ts';
import { firstOf, projectPackages } from '../../src/rules/service-facts.ts';

/** `SENTRY_DSN` with any framework prefix (`NEXT_PUBLIC_`, `VITE_`), and the other trackers' keys. */
const DSN_KEYS =
  /(^|_)SENTRY_DSN$|^(BUGSNAG_API_KEY|ROLLBAR_ACCESS_TOKEN|HONEYBADGER_API_KEY|DD_API_KEY|NEW_RELIC_LICENSE_KEY)$/;

export default defineRule({
  meta: {
    id: 'ops/no-error-tracking',
    title: 'No error tracking',
    category: 'ops',
    severity: { launch: 'note', growth: 'warning', scale: 'error', enterprise: 'error' },
    summary:
      'The project deploys services but has no error tracker (Sentry, Bugsnag, Rollbar, Honeybadger, Datadog, New Relic…).',
    ramification:
      'Under load the first failures are timeouts, pool exhaustion and out-of-memory restarts. Without error tracking you learn about them from users, without a stack trace or a count, and cannot tell whether a fix worked.',
    fix: 'Add an error tracker’s SDK (e.g. `@sentry/node`, `sentry-sdk`) and its DSN to the services’ environment.',
    examples: {
      bad: {
        path: 'render.yaml',
        text: 'services:\n  - type: web\n    name: api\n    runtime: node\n    startCommand: node server.js\n',
        alongside: { 'package.json': '{ "dependencies": { "express": "4.21.2" } }' },
      },
      good: {
        path: 'render.yaml',
        text: 'services:\n  - type: web\n    name: api\n    runtime: node\n    startCommand: node server.js\n',
        alongside: {
          'package.json': '{ "dependencies": { "express": "4.21.2", "@sentry/node": "8.47.0" } }',
        },
      },
    },
  },
  check(model) {
    const deployed = model.services.filter((s) => s.kind !== 'static');
    if (deployed.length === 0) return [];
    if (firstOf(projectPackages(model), ERROR_TRACKING_PACKAGES)) return [];
    if ([...declaredEnvKeys(model)].some((key) => DSN_KEYS.test(key))) return [];
    const first = deployed[0];
    if (!first) return [];
    return [
      {
        entity: 'project:error-tracking',
        message: `${deployed.map((s) => s.name).join(', ')} ${deployed.length === 1 ? 'is' : 'are'} deployed with no error tracker in the dependencies and no DSN in the environment: failures under load will go unseen.`,
        location: first.location,
        fix: { text: 'Add an error tracker SDK and its DSN.' },
      },
    ];
  },
});
