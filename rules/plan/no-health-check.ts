import { startInvocations } from '../../src/capacity/command.ts';
import type { Platform, ProjectModel, Service } from '../../src/model/project-model.ts';
import { defineRule } from '../../src/rules/rule.ts';

/** Dashboards a team opens now and then: nobody's traffic waits on them. */
const INTERNAL_DASHBOARDS = new Set(['flower', 'grafana-server', 'grafana', 'rq-dashboard', 'bull-board']);

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
        fix: { text: 'Serve a health endpoint and declare it.', replacement: 'healthCheckPath: /healthz' },
      }));
  },
});

/** `celery -A app flower`, `flower`, `grafana-server`: an internal dashboard, not the product. */
function isInternalDashboard(model: ProjectModel, service: Service): boolean {
  return startInvocations(model, service).some(
    ({ program, args }) =>
      INTERNAL_DASHBOARDS.has(program) || (program === 'celery' && args.includes('flower')),
  );
}
