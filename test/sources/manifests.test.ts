import { describe, expect, it } from 'vitest';
import { modelOf } from '../helpers/rule-findings.ts';

describe('dependency manifests', () => {
  it('reads every package.json of a workspace with dev flags, versions, lines and scripts', async () => {
    const model = await modelOf({
      'package.json':
        '{\n  "name": "root",\n  "workspaces": ["apps/*"],\n  "devDependencies": {\n    "turbo": "2.0.0"\n  }\n}\n',
      'apps/web/package.json':
        '{\n  "name": "web",\n  "scripts": {\n    "start": "next start"\n  },\n  "dependencies": {\n    "next": "15.1.3"\n  }\n}\n',
    });
    expect(model.dependencies.map((d) => [d.manifest, d.name, d.version, d.dev, d.location.line])).toEqual([
      ['apps/web/package.json', 'next', '15.1.3', false, 7],
      ['package.json', 'turbo', '2.0.0', true, 5],
    ]);
    expect(model.packageManifests.find((m) => m.directory === 'apps/web')?.scripts.start).toMatchObject({
      value: 'next start',
      location: { line: 4 },
    });
  });

  it('reads requirements files (extras, markers, options, continuations) and pyproject.toml', async () => {
    const model = await modelOf({
      'requirements.txt':
        '# web\nFastAPI==0.115.6\nuvicorn[standard]>=0.30 ; python_version >= "3.9"\n-r base.txt\n--hash=sha256:abc\nSQLAlchemy \\\n  ==2.0.36\n',
      'pyproject.toml':
        '[project]\nname = "x"\ndependencies = [\n  "celery[redis]>=5",\n  "Django_Ratelimit",\n]\n\n[tool.poetry.dependencies]\npython = "^3.12"\nsentry-sdk = "^2"\n',
    });
    expect(model.dependencies.map((d) => [d.name, d.location.line])).toEqual([
      ['celery', 4],
      ['django-ratelimit', 5],
      ['sentry-sdk', 10],
      ['fastapi', 2],
      ['uvicorn', 3],
      ['sqlalchemy', 6],
    ]);
  });

  it('reports invalid JSON and TOML with their lines', async () => {
    const model = await modelOf({
      'package.json': '{\n  "name": "x",\n  "dependencies": {\n    "a": "1",,\n  }\n}\n',
      'pyproject.toml': '[project]\nname = \n',
    });
    expect(model.diagnostics.map((d) => [d.location.path, d.location.line])).toEqual([
      ['package.json', 4],
      ['pyproject.toml', 2],
    ]);
  });
});
