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

  it('names the health route the app already serves, in the syntax of its platform', async () => {
    const rails = await findingsFor(rule, {
      'render.yaml':
        'services:\n  - { type: web, name: store, runtime: ruby, startCommand: bundle exec puma }\n',
      'config/routes.rb':
        'Rails.application.routes.draw do\n  resources :products\n\n  # Reveal health status on /up.\n  get "up" => "rails/health#show", as: :rails_health_check\nend\n',
    });
    expect(rails[0]?.fix).toEqual({
      text: 'The app already answers /up (config/routes.rb:5): declare it.',
      replacement: 'healthCheckPath: /up',
    });
    const fly = await findingsFor(rule, {
      'fly.toml': 'app = "api"\n[http_service]\n  internal_port = 8080\n',
      'package.json': '{ "dependencies": { "express": "4.21.2" } }',
      'src/server.ts':
        "import express from 'express';\nconst app = express();\napp.get('/healthz', (_req, res) => res.send('ok'));\n",
    });
    expect(fly[0]?.fix?.replacement).toContain('[[http_service.checks]]');
    expect(fly[0]?.fix?.replacement).toContain('path = "/healthz"');
    const railway = await findingsFor(rule, {
      'railway.toml': '[deploy]\nstartCommand = "uvicorn main:app"\n',
      'main.py':
        'from fastapi import FastAPI\napp = FastAPI()\n\n@app.get("/api/health")\ndef health():\n    return {"ok": True}\n',
    });
    expect(railway[0]?.fix?.replacement).toBe('healthcheckPath = "/api/health"');
  });

  it('reads Next.js route files, Django paths and Nest controllers, and not an HTTP client calling a health URL', async () => {
    const render = {
      'render.yaml': 'services:\n  - { type: web, name: web, runtime: node, startCommand: npm start }\n',
    };
    const served = async (files: Record<string, string>) =>
      (await findingsFor(rule, { ...render, ...files }))[0]?.fix?.replacement;
    expect(
      await served({
        'app/(ops)/api/health/route.ts': 'export function GET() { return new Response("ok"); }',
      }),
    ).toBe('healthCheckPath: /api/health');
    expect(
      await served({
        'shop/urls.py': 'from django.urls import path\nurlpatterns = [path("healthz/", views.health)]\n',
      }),
    ).toBe('healthCheckPath: /healthz');
    expect(
      await served({
        'src/health.controller.ts':
          "import { Controller, Get } from '@nestjs/common';\n@Controller('health')\nexport class HealthController { @Get() check() { return 'ok'; } }\n",
      }),
    ).toBe('healthCheckPath: /health');
    expect(
      await served({
        'src/monitor.ts': "import axios from 'axios';\nexport const ping = () => axios.get('/health');\n",
      }),
    ).toBe('healthCheckPath: /healthz');
  });
});
