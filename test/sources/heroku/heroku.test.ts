import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { herokuSource } from '../../../src/sources/heroku/index.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`../../fixtures/heroku/${name}`, import.meta.url), 'utf8');

describe('Procfile and app.json', () => {
  it('reads the Procfile and reports the broken app.json beside it (heroku/python-getting-started)', async () => {
    const { services, diagnostics } = await herokuSource.read([
      { path: 'Procfile', text: fixture('python-getting-started.Procfile') },
      { path: 'app.json', text: fixture('python-getting-started.app.json') },
    ]);
    expect(services?.map((s) => [s.id, s.kind, s.startCommand?.value, s.instances.max])).toEqual([
      ['service:web', 'web', 'gunicorn horecatm.wsgi', 1],
    ]);
    expect(diagnostics).toMatchObject([
      { severity: 'error', origin: 'heroku', location: { path: 'app.json' } },
    ]);
  });

  it('one service per process type; release is no service; bad and repeated lines are reported', async () => {
    const { services, diagnostics } = await herokuSource.read([
      {
        path: 'Procfile',
        text: 'release: python manage.py migrate\nweb: gunicorn app.wsgi -w 3\nworker: celery -A app worker\nnot a process line\nworker: rq worker\n',
      },
    ]);
    expect(services?.map((s) => [s.name, s.kind, s.startCommand?.location.line])).toEqual([
      ['web', 'web', 2],
      ['worker', 'worker', 5],
    ]);
    expect(diagnostics?.map((d) => d.location.line)).toEqual([4, 5]);
  });

  it('sizes and counts dynos from app.json formation, and reads its env', async () => {
    const appJson = `{
  "env": {
    "WEB_CONCURRENCY": { "value": "3" },
    "SECRET_KEY": { "generator": "secret" }
  },
  "formation": {
    "web": { "quantity": 2, "size": "Standard-2X" },
    "worker": { "quantity": 1, "size": "eco" }
  }
}
`;
    const { services } = await herokuSource.read([
      { path: 'api/Procfile', text: 'web: gunicorn app:app\nworker: celery -A app worker\n' },
      { path: 'api/app.json', text: appJson },
      { path: 'mobile/app.json', text: '{ "expo": { "name": "not heroku" } }' },
    ]);
    expect(
      services?.map((s) => [
        s.name,
        s.instances.max,
        s.instances.location.line,
        s.plan?.name,
        s.settings.memoryMb?.value,
      ]),
    ).toEqual([
      ['web', 2, 7, 'standard-2x', 1024],
      ['worker', 1, 8, 'eco', 512],
    ]);
    expect(services?.[0]?.env.map((e) => [e.key, e.source.kind])).toEqual([
      ['WEB_CONCURRENCY', 'value'],
      ['SECRET_KEY', 'generated'],
    ]);
  });
});
