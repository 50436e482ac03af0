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
});
