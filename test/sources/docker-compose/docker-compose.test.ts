import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dockerComposeSource } from '../../../src/sources/docker-compose/index.ts';
import { modelOf } from '../../helpers/rule-findings.ts';

const read = async (path: string, text: string) => dockerComposeSource.read([{ path, text }]);

describe('docker-compose', () => {
  it('reads memory limits and list-form environment (EaswarDSharma/Pokedex)', async () => {
    const text = readFileSync(
      new URL('../../fixtures/docker-compose/pokedex.docker-compose.yml', import.meta.url),
      'utf8',
    );
    const { services, datastores, connections, diagnostics } = await read('docker-compose.yml', text);
    expect(diagnostics).toEqual([]);
    expect(
      services?.map((s) => [s.name, s.kind, s.settings.memoryMb?.value, s.settings.memoryMb?.location.line]),
    ).toEqual([
      ['client', 'worker', 128, 5],
      ['server', 'worker', 128, 9],
      ['worker', 'worker', 128, 21],
      ['nginx', 'web', 128, 28],
    ]);
    expect(services?.[1]?.env.map((e) => e.key)).toEqual([
      'REDIS_HOST',
      'REDIS_PORT',
      'PGUSER',
      'PGHOST',
      'PGDATABASE',
      'PGPASSWORD',
      'PGPORT',
    ]);
    expect(datastores).toEqual([]);
    expect(connections).toEqual([]);
  });

  it('replicas, resource limits, exec-form commands, datastores behind registry prefixes, URLs as connections', async () => {
    const { services, datastores, connections } = await read(
      'compose.yaml',
      `services:
  api:
    build: .
    command: ["sh", "-c", "alembic upgrade head && gunicorn app:app -w 4"]
    ports: ["8000:8000"]
    environment:
      DATABASE_URL: postgresql://app:s3cretPass@db:5432/app
    deploy:
      replicas: 3
      resources:
        limits:
          cpus: "0.5"
          memory: 1G
  db:
    image: docker.io/library/postgres:16
  cache:
    image: valkey/valkey:8
`,
    );
    expect(services?.[0]).toMatchObject({
      startCommand: { value: "sh -c 'alembic upgrade head && gunicorn app:app -w 4'", location: { line: 4 } },
      instances: { min: 3, max: 3, location: { line: 9 } },
      settings: {
        memoryMb: { value: 1024, location: { line: 13 } },
        cpus: { value: 0.5, location: { line: 12 } },
      },
    });
    expect(datastores?.map((d) => [d.id, d.kind])).toEqual([
      ['database:db', 'postgres'],
      ['keyvalue:cache', 'redis'],
    ]);
    expect(connections?.map((c) => [c.key, c.url.masked, c.location.line])).toEqual([
      ['DATABASE_URL', 'postgresql://app:****@db:5432/app', 7],
    ]);
    expect(JSON.stringify({ services, connections })).not.toContain('s3cretPass');
  });

  it('reports invalid YAML with its line', async () => {
    expect(
      (await read('docker-compose.yml', 'services:\n  api:\n    image: "unclosed\n')).diagnostics,
    ).toMatchObject([
      { severity: 'error', origin: 'docker-compose', location: { path: 'docker-compose.yml' } },
    ]);
  });

  const app = `services:
  web:
    build:
      context: .
    command: gunicorn app:app -w 4
    ports: ["8000:8000"]
  db:
    image: postgres:16
  mail:
    image: axllent/mailpit
    ports: ["8025:8025"]
  proxy:
    image: traefik:v3
    ports: ["80:80"]
  llm:
    image: \${LLM_IMAGE:-vllm/vllm-openai:v0.14.0}
    ports: ["8001:8000"]
  worker:
    build:
      context: .
      target: development
    command: celery -A app worker
`;

  it('leaves out compose files named or placed for development, tests and CI', async () => {
    for (const path of [
      'docker-compose.dev.yml',
      'compose.local.yaml',
      'docker-compose.override.yml',
      'e2e/docker-compose.yml',
      'docker/development/compose.yml',
      'docker-compose.ci.yaml',
      'docker-compose.example.yml',
    ]) {
      const model = await modelOf({ [path]: app });
      expect([path, model.services, model.datastores]).toEqual([path, [], []]);
    }
  });

  it('takes a production compose file as a deployment: app services only, not tools, proxies or dev build targets', async () => {
    const model = await modelOf({
      'docker-compose.prod.yml': app,
      'render.yaml': 'services:\n  - type: web\n    name: site\n    runtime: node\n',
    });
    expect(model.services.map((s) => [s.platform, s.name, s.assumedDeployment])).toEqual([
      ['render', 'site', undefined],
      ['docker-compose', 'web', undefined],
    ]);
    expect(model.datastores.map((d) => d.name)).toEqual(['db']);
    expect(model.diagnostics).toEqual([]);
  });

  it('drops an unnamed compose file beside another hosting config, and says so when it is the only one', async () => {
    const beside = await modelOf({
      'docker-compose.yml': app,
      'fly.toml': 'app = "site"\n[http_service]\n  internal_port = 8080\n',
    });
    expect(beside.services.map((s) => s.platform)).toEqual(['fly']);
    expect(beside.datastores).toEqual([]);
    const alone = await modelOf({ 'docker-compose.yml': app });
    expect(alone.services.map((s) => [s.name, s.assumedDeployment])).toEqual([['web', true]]);
    expect(alone.diagnostics).toEqual([
      expect.objectContaining({
        severity: 'info',
        message: expect.stringContaining('docker-compose.yml is read as the deployment'),
        location: { path: 'docker-compose.yml', line: 1 },
      }),
    ]);
  });

  it('reads an overlay file of a multi-file set (services with neither image nor build) as no services of its own', async () => {
    const model = await modelOf({
      'compose.yml':
        'services:\n  proxy:\n    image: traefik:3.6\n  db:\n    image: postgres:18\n  adminer:\n    image: adminer\n    ports: ["8080:8080"]\n  backend:\n    image: backend:latest\n    build:\n      context: ./backend\n    ports: ["8000:8000"]\n',
      'compose.deploy.yml':
        'services:\n  proxy:\n    restart: always\n    ports: ["80:80", "443:443"]\n  db:\n    restart: always\n  adminer:\n    restart: always\n  backend:\n    restart: always\n',
    });
    expect(model.services.map((s) => `${s.location.path} ${s.name}`)).toEqual(['compose.yml backend']);
    expect(model.datastores.map((d) => d.name)).toEqual(['db']);
    expect(model.diagnostics.map((d) => d.location.path)).toEqual(['compose.yml']);
  });

  it('drops a compose file that a package script brings up: the developers’ local stack, whatever its name', async () => {
    const model = await modelOf({
      'docker/docker-compose.yml': app,
      'package.json': JSON.stringify({
        scripts: { docker: 'node scripts/docker.mjs -f docker/docker-compose.yml up -d --build' },
      }),
      'hosting/docker-compose.yml':
        'services:\n  webapp:\n    build: .\n    command: node server.js\n    ports: ["3000:3000"]\n',
    });
    expect(model.services.map((s) => [s.name, s.location.path])).toEqual([
      ['webapp', 'hosting/docker-compose.yml'],
    ]);
  });
});

describe('docker-compose: what runs where', () => {
  it('reads settings shared with `<<: *anchor`, and drops a file whose every built service is for development', async () => {
    const shared =
      'x-common: &common\n  build:\n    context: .\n    dockerfile: ./docker/Dockerfile-dev\n  env_file: [.env.local]\nservices:\n  web:\n    <<: *common\n    command: ["/start-dev.sh"]\n    ports: ["8000:8000"]\n  db:\n    image: pgautoupgrade/pgautoupgrade:17-alpine\n';
    expect(await read('compose.yml', shared)).toMatchObject({ services: [], datastores: [] });
    const production = shared.replace('Dockerfile-dev', 'Dockerfile');
    const { services, datastores } = await read('compose.yml', production);
    expect(services?.map((s) => [s.name, s.image?.dockerfile, s.startCommand?.value])).toEqual([
      ['web', 'docker/Dockerfile', '/start-dev.sh'],
    ]);
    expect(datastores?.map((d) => [d.name, d.kind])).toEqual([['db', 'postgres']]);
  });

  it('skips services behind `profiles`, and gives a service that runs a sibling’s built image that build', async () => {
    const { services } = await read(
      'production.yml',
      'services:\n  django:\n    build:\n      context: .\n      dockerfile: ./compose/production/django/Dockerfile\n    image: app_production_django\n    command: /start\n  celeryworker:\n    image: app_production_django\n    command: /start-celeryworker\n  docs:\n    build: ./docs\n    profiles: [docs]\n',
    );
    expect(services?.map((s) => [s.name, s.image?.dockerfile])).toEqual([
      ['django', 'compose/production/django/Dockerfile'],
      ['celeryworker', 'compose/production/django/Dockerfile'],
    ]);
    expect(dockerComposeSource.matches('production.yml')).toBe(true);
    expect(dockerComposeSource.matches('config/production.yml')).toBe(false);
  });
});
