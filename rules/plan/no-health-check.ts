import type { HealthEndpoint, Platform, ProjectModel, Service } from '../../src/model/project-model.ts';
import { defineRule, type RuleFinding } from '../../src/rules/rule.ts';
import { isInternalDashboard } from '../../src/rules/service-facts.ts';

/** Platforms whose config file can declare a health check (Heroku has none; compose files are local). */
const HEALTH_CHECK_PLATFORMS = new Set<Platform>(['render', 'fly', 'railway']);

export default defineRule({
  meta: {
    id: 'plan/no-health-check',
    title: 'Web service without a health check',
    category: 'plan',
    severity: { launch: 'note', growth: 'warning', scale: 'warning', enterprise: 'error' },
    summary: 'A web service with no health check path.',
    ramification:
      'Without a health check the platform cannot tell a started process from a working one: a deploy that boots but cannot reach its database receives traffic anyway, and an instance that hangs keeps receiving requests. Zero-downtime deploys depend on it.',
    fix: 'Add an endpoint that checks what the service needs (database, cache) and answers 200, and point `healthCheckPath` at it.',
    examples: {
      bad: {
        path: 'render.yaml',
        text: 'services:\n  - type: web\n    name: api\n    runtime: node\n    plan: starter\n    startCommand: node server.js\n',
      },
      good: {
        path: 'render.yaml',
        text: 'services:\n  - type: web\n    name: api\n    runtime: node\n    plan: starter\n    startCommand: node server.js\n    healthCheckPath: /healthz\n',
      },
    },
  },
  check(model) {
    return model.services
      .filter((s) => s.kind === 'web' && HEALTH_CHECK_PLATFORMS.has(s.platform) && !s.healthCheckPath)
      .filter((s) => !isInternalDashboard(model, s))
      .map((service) => ({
        entity: service.id,
        message: service.settings.tcp_check
          ? `${service.name} has only a TCP check, which passes as soon as the port is open: a deploy that cannot reach its database still receives traffic.`
          : `${service.name} has no health check, so a deploy that starts but cannot serve still receives traffic and hung instances are never replaced.`,
        location: service.location,
        fix: healthCheckFix(service, servedHealthRoute(model, service)),
      }));
  },
});

/** A health route the service's own code already serves: under its folder, and no deeper service's. */
function servedHealthRoute(model: ProjectModel, service: Service): HealthEndpoint | undefined {
  const under = (s: Service, path: string) => s.rootDir === '' || path.startsWith(`${s.rootDir}/`);
  return model.healthEndpoints.find(
    ({ location: { path } }) =>
      under(service, path) &&
      !model.services.some((other) => other.rootDir.length > service.rootDir.length && under(other, path)),
  );
}

/** The declaration in the service's own config file: Render's key, Railway's JSON or TOML key, a Fly check. */
function healthCheckFix(service: Service, served: HealthEndpoint | undefined): RuleFinding['fix'] {
  const path = served?.path ?? '/healthz';
  const text = served
    ? `The app already answers ${path} (${served.location.path}:${served.location.line}): declare it.`
    : 'Serve a health endpoint and declare it.';
  if (service.platform === 'fly')
    return {
      text: `${text} Set \`interval\`, \`timeout\` and \`grace_period\` to suit how fast the app starts; under a \`[[services]]\` section the table is \`[[services.http_checks]]\`.`,
      replacement: `[[http_service.checks]]\n  method = "GET"\n  path = "${path}"`,
    };
  if (service.platform === 'railway')
    return {
      text,
      replacement: service.location.path.endsWith('.toml')
        ? `healthcheckPath = "${path}"`
        : `"healthcheckPath": "${path}"`,
    };
  return { text, replacement: `healthCheckPath: ${path}` };
}
