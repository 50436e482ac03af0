import { describe, expect, it } from 'vitest';
import { findingsFor } from '../../test/helpers/rule-findings.ts';
import rule from './dev-server-in-production.ts';

const render = (start: string) =>
  `services:\n  - type: web\n    name: web\n    runtime: node\n    startCommand: ${start}\n`;

describe('plan/dev-server-in-production', () => {
  it.each([
    ['npm run dev', '{ "scripts": { "dev": "next dev" } }', '`next dev`'],
    ['yarn start', '{ "scripts": { "start": "nodemon src/index.js" } }', 'nodemon'],
    ['python manage.py migrate && python manage.py runserver 0.0.0.0:$PORT', '{}', '`manage.py runserver`'],
    ['uvicorn main:app --reload --host 0.0.0.0', '{}', '`uvicorn --reload`'],
    ['flask run --host=0.0.0.0', '{}', '`flask run`'],
  ])('reports `%s`', async (start, manifest, server) => {
    const [finding] = await findingsFor(rule, { 'render.yaml': render(start), 'package.json': manifest });
    expect(finding).toMatchObject({ entity: 'service:web', location: { line: 5 } });
    expect(finding?.message).toContain(server);
  });

  it.each([
    'npm start',
    'next start -p $PORT',
    'gunicorn app:app',
    'uvicorn main:app --workers 2',
    'vite build && vite preview',
  ])('accepts `%s`', async (start) => {
    expect(
      await findingsFor(rule, {
        'render.yaml': render(start),
        'package.json': '{ "scripts": { "start": "next start", "dev": "next dev" } }',
      }),
    ).toEqual([]);
  });

  it('reads through `python -m`, reload flags and Rails environments; leaves local compose files alone', async () => {
    const procfile = (command: string) => findingsFor(rule, { Procfile: `web: ${command}\n` });
    expect((await procfile('python -m flask run --host 0.0.0.0'))[0]?.message).toContain('`flask run`');
    expect(
      (await procfile('sh -c "alembic upgrade head && gunicorn app:app --reload"'))[0]?.message,
    ).toContain('`gunicorn --reload`');
    expect((await procfile('bundle exec rails server -p $PORT'))[0]?.message).toContain('in development');
    expect(await procfile('RAILS_ENV=production bundle exec rails server -p $PORT')).toEqual([]);
    expect(await procfile('gunicorn app:app -w 4')).toEqual([]);
    const compose = 'services:\n  web:\n    build: .\n    command: npm run dev\n    ports: ["3000:3000"]\n';
    const scripts = { 'package.json': '{ "scripts": { "dev": "next dev" } }' };
    expect(await findingsFor(rule, { ...scripts, 'docker-compose.yml': compose })).toEqual([]);
    const [prod] = await findingsFor(rule, { ...scripts, 'docker-compose.prod.yml': compose });
    expect(prod).toMatchObject({
      entity: 'service:web',
      location: { path: 'docker-compose.prod.yml', line: 4 },
    });
  });

  it('accepts a start script that runs the dev server only in its local branch', async () => {
    const script =
      'if [ "$BUILD_ENV" = "local" ]; then\n  exec python manage.py runserver 0.0.0.0:8000\nelse\n  exec gunicorn config.wsgi --workers 4\nfi\n';
    expect(await findingsFor(rule, { 'render.yaml': render('./start.sh'), 'start.sh': script })).toEqual([]);
    const devOnly = 'exec python manage.py runserver 0.0.0.0:8000\n';
    expect(
      await findingsFor(rule, { 'render.yaml': render('./start.sh'), 'start.sh': devOnly }),
    ).toHaveLength(1);
  });
});
