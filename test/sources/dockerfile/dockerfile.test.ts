// biome-ignore-all lint/suspicious/noTemplateCurlyInString: shell and Dockerfile `${VAR}` syntax is the input under test.
import { describe, expect, it } from 'vitest';
import { computeCapacity } from '../../../src/capacity/compute.ts';
import { LocalFileSet } from '../../../src/files/local-file-set.ts';
import { review } from '../../../src/review/run-review.ts';
import { instructionsOf } from '../../../src/sources/dockerfile/instructions.ts';
import { modelOf } from '../../helpers/rule-findings.ts';

const renderDocker = (extra = '') =>
  `services:\n  - type: web\n    name: api\n    runtime: docker\n    plan: standard\n${extra}`;

async function processes(files: Record<string, string>) {
  return computeCapacity(await modelOf(files)).services[0]?.processes;
}

describe('Dockerfiles', () => {
  it('joins continuation lines, skips comments inside them, and keeps each instruction’s first line', () => {
    expect(
      instructionsOf(
        'FROM python:3.12\n# build\nRUN pip install \\\n  # pinned\n  gunicorn\nCMD ["gunicorn", "app:app"]\n',
      ),
    ).toEqual([
      { keyword: 'FROM', text: 'python:3.12', line: 1 },
      { keyword: 'RUN', text: 'pip install  gunicorn', line: 3 },
      { keyword: 'CMD', text: '["gunicorn", "app:app"]', line: 6 },
    ]);
  });

  it('starts a Docker service with the final stage’s ENTRYPOINT and CMD when the blueprint gives no command', async () => {
    const dockerfile =
      'FROM node:22 AS build\nCMD ["npm", "run", "dev"]\n\nFROM python:3.12-slim\nENTRYPOINT ["/usr/bin/tini", "--"]\nCMD ["gunicorn", "app:app", "-w", "3"]\n';
    expect(await processes({ 'render.yaml': renderDocker(), Dockerfile: dockerfile })).toMatchObject({
      value: 3,
      source: 'read',
    });
    // dockerCommand wins over the image's CMD.
    expect(
      await processes({
        'render.yaml': renderDocker('    dockerCommand: gunicorn app:app -w 5\n'),
        Dockerfile: dockerfile,
      }),
    ).toMatchObject({ value: 5 });
    // dockerContext and dockerfilePath say which Dockerfile.
    expect(
      await processes({
        'render.yaml': renderDocker('    dockerContext: ./api\n    dockerfilePath: ./api/Dockerfile.prod\n'),
        'api/Dockerfile.prod': 'FROM python:3.12\nCMD gunicorn app:app --workers 4\n',
        Dockerfile: dockerfile,
      }),
    ).toMatchObject({ value: 4 });
  });

  it('follows the start script a command or a CMD runs, from the build context, absolute image paths included', async () => {
    const script =
      '#!/bin/sh\nset -e\npython manage.py migrate\nexec gunicorn app.wsgi -w 4 --bind 0.0.0.0:$PORT\n';
    expect(
      await processes({
        'render.yaml': renderDocker('    dockerCommand: ./start.sh\n'),
        'start.sh': script,
        Dockerfile: 'FROM python:3.12\n',
      }),
    ).toMatchObject({ value: 4 });
    expect(
      await processes({
        'fly.toml': 'app = "api"\n[http_service]\n  internal_port = 8000\n',
        Dockerfile: 'FROM python:3.12\nWORKDIR /app\nCOPY . .\nCMD ["/app/scripts/web.sh"]\n',
        'scripts/web.sh': script,
      }),
    ).toMatchObject({ value: 4 });
    expect(
      await processes({
        'docker-compose.prod.yml':
          'services:\n  web:\n    build:\n      context: ./backend\n    ports: ["80:8000"]\n',
        'backend/Dockerfile': 'FROM python:3.12\nCMD ["sh", "entrypoint.sh"]\n',
        'backend/entrypoint.sh': script,
      }),
    ).toMatchObject({ value: 4 });
  });
});

describe("render-examples/mastodon: Render's blueprint around the upstream Mastodon image", () => {
  it('reads the start scripts down to `rails s` and claims no process count the repository cannot show', async () => {
    const result = await review(
      new LocalFileSet(new URL('../../fixtures/real/render-mastodon/', import.meta.url).pathname),
    );
    expect(result.diagnostics).toEqual([]);
    const web = result.capacity.services.find((s) => s.service === 'mastodon-web');
    expect(web?.processes).toMatchObject({
      source: 'assumed',
      note: expect.stringContaining('not in the repository'),
    });
    expect(result.findings.map((f) => `${f.ruleId} ${f.entity}`).sort()).toEqual([
      'ops/no-error-tracking project:error-tracking',
      'plan/database-plan-vs-tier database:mastodon-db',
      'plan/no-health-check service:mastodon-streaming',
      'plan/no-health-check service:mastodon-web',
      'plan/single-process-web service:mastodon-streaming',
    ]);
  });
});

describe('Dockerfile stages and copies', () => {
  const dockerfile = [
    'FROM python:3.12 AS release',
    'ENV APP_HOME=/app',
    'WORKDIR ${APP_HOME}',
    'COPY ./deploy/entrypoint /entrypoint',
    'COPY --chown=app:app ./deploy/start /start',
    'COPY . ${APP_HOME}',
    'ENTRYPOINT ["/entrypoint"]',
    'CMD ["/start"]',
    'FROM release AS worker',
    'CMD ["/start-worker"]',
    'FROM release AS web',
  ].join('\n');

  it('inherits the start command and copies of the stage it is built from, and a compose target picks the stage', async () => {
    const files = (target: string) => ({
      'docker-compose.prod.yml': `services:\n  app:\n    build:\n      context: .\n      target: ${target}\n    ports: ["8000:8000"]\n`,
      Dockerfile: dockerfile,
      'deploy/entrypoint': '#!/bin/sh\nset -e\npython manage.py migrate\nexec "$@"\n',
      'deploy/start': 'exec gunicorn app.wsgi --workers 3\n',
      'bin/worker.sh': 'exec celery -A app worker -c 2\n',
    });
    expect(await processes(files('web'))).toMatchObject({ value: 3, note: 'gunicorn --workers 3' });
    // The worker stage runs /start-worker, which no COPY explains: its count is a guess.
    expect(await processes(files('worker'))).toMatchObject({ value: 1, source: 'assumed' });
  });

  it('traces a script under WORKDIR back to the context through `COPY . /app`', async () => {
    const model = await modelOf({
      'fly.toml': 'app = "api"\n[http_service]\n  internal_port = 8000\n',
      Dockerfile: 'FROM python:3.12\nWORKDIR /app\nCOPY . /app\nCMD ["./scripts/web.sh"]\n',
      'scripts/web.sh': 'exec gunicorn app.wsgi -w 5\n',
    });
    expect(computeCapacity(model).services[0]?.processes).toMatchObject({ value: 5 });
  });

  it('finds the Dockerfile and script of a compose file that builds from `context: ../..` (SpokaneTech/SpokaneTechWeb)', async () => {
    expect(
      await processes({
        'src/docker/docker-compose.yaml':
          'services:\n  django:\n    build:\n      context: ../..\n      dockerfile: src/docker/Dockerfile\n    command: ./entrypoint.sh\n    ports: ["8000:8000"]\n',
        'src/docker/Dockerfile':
          'FROM python:3.12-slim\nWORKDIR /app\nCOPY src/django_project /app/\nCMD ["./entrypoint.sh"]\n',
        'src/django_project/entrypoint.sh':
          '#!/bin/sh\nset -e\nwait_for_db() {\n  until nc -z "$DB_HOST" "$DB_PORT"; do\n    sleep 1\n  done\n}\nwait_for_db\npython manage.py migrate\ngunicorn core.wsgi:application --bind 0.0.0.0:8000 --workers 3\n',
      }),
    ).toMatchObject({ value: 3, note: 'gunicorn --workers 3' });
  });
});

describe('start scripts named by a relative path', () => {
  it('follows `bash bin/start_web.sh` to a gunicorn started in the background before nginx (MTES-MCT/envergo)', async () => {
    expect(
      await processes({
        Procfile: 'web: bash bin/start_web.sh\n',
        'bin/start_web.sh':
          'set -e\ngunicorn config.wsgi:application \\\n    --bind unix:/tmp/gunicorn.sock \\\n    --workers=9 \\\n    --log-file - &\nnginx -p "$basedir/vendor/nginx"\n',
      }),
    ).toMatchObject({ value: 9, source: 'read' });
  });
});
