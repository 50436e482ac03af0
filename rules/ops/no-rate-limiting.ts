import { HTTP_FRAMEWORK_PACKAGES, RATE_LIMIT_PACKAGES } from '../../src/catalog/libraries.ts';
import type { ProjectModel, Service } from '../../src/model/project-model.ts';
import { defineRule } from '../../src/rules/rule.ts';
import { firstOf, packagesOf } from '../../src/rules/service-facts.ts';
import { serviceOwning } from '../../src/rules/service-of-path.ts';

export default defineRule({
  meta: {
    id: 'ops/no-rate-limiting',
    title: 'Public API without rate limiting',
    category: 'ops',
    severity: { launch: 'note', growth: 'warning', scale: 'warning', enterprise: 'error' },
    summary:
      'A web service built on an HTTP framework (a Next.js app only when it has route handlers, API routes or server actions) has no rate-limiting library in its dependencies.',
    ramification:
      'One script, crawler or abusive client can use every worker and database connection you have; paid APIs behind your endpoints (AI, email, SMS) bill you for it. Limits set at a CDN or gateway are invisible here — acknowledge the finding if you have one.',
    fix: 'Add a limiter keyed by user or IP (express-rate-limit, @upstash/ratelimit, slowapi, django-ratelimit…), backed by the shared cache when there are several processes.',
    examples: {
      bad: {
        path: 'render.yaml',
        text: 'services:\n  - type: web\n    name: api\n    runtime: python\n    startCommand: uvicorn main:app\n',
        alongside: { 'requirements.txt': 'fastapi==0.115.6\n' },
      },
      good: {
        path: 'render.yaml',
        text: 'services:\n  - type: web\n    name: api\n    runtime: python\n    startCommand: uvicorn main:app\n',
        alongside: { 'requirements.txt': 'fastapi==0.115.6\nslowapi==0.1.9\n' },
      },
    },
  },
  check(model) {
    // The same code deployed twice (a render.yaml and a Heroku Procfile) lacks one limiter, not two.
    const unlimited = new Map<string, { framework: string; services: Service[] }>();
    for (const service of model.services) {
      if (service.kind !== 'web' && service.kind !== 'serverless') continue;
      const packages = packagesOf(model, service);
      if (firstOf(packages, RATE_LIMIT_PACKAGES)) continue;
      const framework = [...packages].find(
        (name) => HTTP_FRAMEWORK_PACKAGES.has(name) && (name !== 'next' || servesNextApi(model, service)),
      );
      if (!framework) continue;
      const key = `${service.rootDir}\0${framework}`;
      const group = unlimited.get(key) ?? { framework, services: [] };
      group.services.push(service);
      unlimited.set(key, group);
    }
    return [...unlimited.values()].flatMap(({ framework, services: [first, ...others] }) => {
      if (!first) return [];
      const names = [first, ...others].map((s) =>
        others.length ? `${s.name} (${s.location.path})` : s.name,
      );
      return [
        {
          entity: first.id,
          message: `${names.join(' and ')} ${others.length ? 'serve' : 'serves'} HTTP with ${framework} and ${others.length ? 'have' : 'has'} no rate limiter: one client can take every worker and database connection.`,
          location: first.location,
          fix: {
            text: 'Add a rate-limiting middleware, or acknowledge this if a gateway or CDN limits requests.',
          },
        },
      ];
    });
  },
});

/** A Next.js app is a public API only through route handlers, API routes or server actions. */
function servesNextApi(model: ProjectModel, service: Service): boolean {
  return model.requestHandlers.some(
    (handler) =>
      handler.framework.startsWith('next-') && serviceOwning(model, handler.location.path) === service,
  );
}
