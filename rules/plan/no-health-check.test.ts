import { describe, expect, it } from 'vitest';
import { findingsFor } from '../../test/helpers/rule-findings.ts';
import rule from './no-health-check.ts';

describe('plan/no-health-check', () => {
  it('reports web services only, on every platform that has health checks', async () => {
    const findings = await findingsFor(rule, {
      'render.yaml':
        'services:\n  - { type: web, name: api, runtime: node, startCommand: node s.js }\n  - { type: worker, name: jobs, runtime: node, startCommand: node w.js }\n',
      'railway.json': '{ "deploy": { "startCommand": "node s.js" } }',
    });
    expect(findings.map((f) => f.entity)).toEqual(['service:api', 'service:railway']);
  });

  it('does not ask it of platforms whose files cannot declare one', async () => {
    expect(await findingsFor(rule, { Procfile: 'web: gunicorn app:app\n' })).toEqual([]);
  });

  it('accepts a declared health check (Render path, Fly check)', async () => {
    expect(
      await findingsFor(rule, {
        'render.yaml':
          'services:\n  - { type: web, name: api, runtime: node, startCommand: node s.js, healthCheckPath: /health }\n',
      }),
    ).toEqual([]);
    expect(
      await findingsFor(rule, {
        'fly.toml':
          'app = "api"\n[http_service]\n  internal_port = 8080\n[[http_service.checks]]\n  path = "/health"\n',
      }),
    ).toEqual([]);
  });

  it('says when a Fly service has only a TCP check', async () => {
    const [finding] = await findingsFor(rule, {
      'fly.toml':
        'app = "api"\n[[services]]\n  internal_port = 8080\n  [[services.ports]]\n    port = 443\n  [[services.tcp_checks]]\n    interval = "15s"\n',
    });
    expect(finding).toMatchObject({ entity: 'service:api', location: { path: 'fly.toml', line: 2 } });
    expect(finding?.message).toContain('only a TCP check');
  });

  it('takes a top-level Fly [checks] HTTP check for the groups it names, as Fly runs it on their machines', async () => {
    const fly = (checks: string) =>
      `app = "api"\n[processes]\n  app = "node server.js"\n  admin = "node admin.js"\n[http_service]\n  internal_port = 8080\n  processes = ["app", "admin"]\n${checks}`;
    expect(
      await findingsFor(rule, {
        'fly.toml': fly(
          '[checks]\n  [checks.health]\n    type = "http"\n    port = 8080\n    path = "/health"\n    interval = "30s"\n',
        ),
      }),
    ).toEqual([]);
    const onlyApp = await findingsFor(rule, {
      'fly.toml': fly('[checks.health]\n  type = "http"\n  path = "/health"\n  processes = ["app"]\n'),
    });
    expect(onlyApp.map((f) => f.entity)).toEqual(['service:api-admin']);
    const tcp = await findingsFor(rule, {
      'fly.toml': fly('[checks.alive]\n  type = "tcp"\n  port = 8080\n'),
    });
    expect(tcp[0]?.message).toContain('only a TCP check');
  });

  it('asks nothing of an internal dashboard such as Celery Flower', async () => {
    const render = (start: string) => ({
      'render.yaml': `services:\n  - type: web\n    name: dash\n    runtime: python\n    startCommand: ${start}\n`,
    });
    expect(await findingsFor(rule, render('celery -A app flower --port=$PORT'))).toEqual([]);
    expect((await findingsFor(rule, render('gunicorn app:app'))).map((f) => f.entity)).toEqual([
      'service:dash',
    ]);
  });
});
