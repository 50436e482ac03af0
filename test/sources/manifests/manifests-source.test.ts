import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ModelFragment } from '../../../src/model/project-model.ts';
import { manifestsSource } from '../../../src/sources/manifests/index.ts';

async function read(files: Record<string, string>): Promise<ModelFragment> {
  return manifestsSource.read(Object.entries(files).map(([path, text]) => ({ path, text })));
}

function deps(model: ModelFragment): Array<[string, string | undefined, boolean, number]> {
  return (model.dependencies ?? []).map((d) => [d.name, d.version, d.dev, d.location.line]);
}

describe('manifest matching', () => {
  it('takes package.json, requirements files, pyproject.toml and Pipfile anywhere', () => {
    expect(
      [
        'package.json',
        'apps/web/package.json',
        'requirements.txt',
        'requirements-dev.txt',
        'dev-requirements.txt',
        'requirements/base.txt',
        'api/pyproject.toml',
        'Pipfile',
      ].every(manifestsSource.matches),
    ).toBe(true);
    expect(
      ['package-lock.json', 'notes.txt', 'Pipfile.lock', 'pyproject.toml.bak'].some(manifestsSource.matches),
    ).toBe(false);
  });
});

describe('package.json', () => {
  it('reads every section with dev flags, versions, key lines and scripts', async () => {
    const model = await read({
      'apps/web/package.json': `{
  "name": "web",
  "scripts": {
    "dev": "next dev",
    "start": "next start -p $PORT"
  },
  "dependencies": {
    "next": "15.1.3",
    "@prisma/client": "^6.2.0"
  },
  "optionalDependencies": { "sharp": "0.33.5" },
  "peerDependencies": {
    "react": ">=18"
  },
  "devDependencies": {
    "prisma": "^6.2.0",
    "weird": 42
  }
}
`,
    });
    expect(model.diagnostics).toEqual([]);
    expect(deps(model)).toEqual([
      ['next', '15.1.3', false, 8],
      ['@prisma/client', '^6.2.0', false, 9],
      ['sharp', '0.33.5', false, 11],
      ['react', '>=18', false, 13],
      ['prisma', '^6.2.0', true, 16],
      ['weird', undefined, true, 17],
    ]);
    expect(model.dependencies?.[1]?.location).toEqual({ path: 'apps/web/package.json', line: 9, column: 5 });
    expect(model.packageManifests).toEqual([
      {
        path: 'apps/web/package.json',
        directory: 'apps/web',
        name: 'web',
        scripts: {
          dev: { value: 'next dev', location: { path: 'apps/web/package.json', line: 4, column: 5 } },
          start: {
            value: 'next start -p $PORT',
            location: { path: 'apps/web/package.json', line: 5, column: 5 },
          },
        },
      },
    ]);
  });

  it('finds lines of keys that repeat at other depths or hold escapes', async () => {
    const model = await read({
      'package.json':
        '{"config": {"dependencies": {"fake": "1"}}, "description": "a \\"quoted\\" {brace}",\n"dependencies": {\n"real": "1", "x\\"y": "2"}}',
    });
    expect(deps(model)).toEqual([
      ['real', '1', false, 3],
      ['x"y', '2', false, 3],
    ]);
  });

  it('reports invalid JSON with the line and column of the error, and a non-object root', async () => {
    const model = await read({
      'package.json': '{\n  "name": "x",\n  "dependencies": {\n    "a": "1",,\n  }\n}\n',
      'packages/cut/package.json': '{\n  "name": "cut",\n',
      'packages/list/package.json': '[]',
    });
    expect(model.diagnostics?.map((d) => [d.severity, d.location])).toEqual([
      ['error', { path: 'package.json', line: 4, column: 14 }],
      ['error', { path: 'packages/cut/package.json', line: 2 }],
      ['error', { path: 'packages/list/package.json', line: 1 }],
    ]);
    expect(model.dependencies).toEqual([]);
  });
});

describe('requirements files', () => {
  it('reads pins, extras, markers, hashes, continuations, egg names; skips options', async () => {
    const model = await read({
      'requirements.txt': [
        '# web', //                                                           1
        'FastAPI==0.115.6',
        'uvicorn[standard]>=0.30 ; python_version >= "3.9"',
        '-r requirements/base.txt',
        '--index-url https://pypi.org/simple', //                             5
        'SQLAlchemy \\',
        '  ==2.0.36 \\',
        '  --hash=sha256:abc',
        'Django_Ratelimit~=4.1  # comment',
        '-e git+https://github.com/org/lib.git#egg=My.Lib', //                10
        '-e .',
        'pkg @ https://example.com/pkg-1.0.whl',
        'https://example.com/unnamed.whl',
        'gunicorn',
      ].join('\n'),
      'requirements/dev.txt': 'pytest==8.3.4\n',
    });
    expect(model.diagnostics).toEqual([]);
    expect(deps(model)).toEqual([
      ['fastapi', '==0.115.6', false, 2],
      ['uvicorn', '>=0.30', false, 3],
      ['sqlalchemy', '==2.0.36', false, 6],
      ['django-ratelimit', '~=4.1', false, 9],
      ['my-lib', undefined, false, 10],
      ['pkg', undefined, false, 12],
      ['gunicorn', undefined, false, 14],
      ['pytest', '==8.3.4', true, 1],
    ]);
  });

  it('reports a line that is not a requirement and an include it cannot follow', async () => {
    const model = await read({ 'requirements.txt': 'flask\n!!! what\n-r base.txt\nredis>=5\n' });
    expect(model.diagnostics?.map((d) => [d.severity, d.location.line])).toEqual([
      ['warning', 2],
      ['info', 3],
    ]);
    expect(deps(model).map(([name]) => name)).toEqual(['flask', 'redis']);
  });
});

describe('pyproject.toml and Pipfile', () => {
  it('reads a real Poetry project: main and group dependencies, inline tables, exact lines', async () => {
    const text = readFileSync(
      new URL('../../fixtures/manifests/full-stack-fastapi-template/pyproject.toml', import.meta.url),
      'utf8',
    );
    const model = await read({ 'backend/pyproject.toml': text });
    const found = deps(model);
    expect(found).toHaveLength(25);
    expect(found.filter(([, , dev]) => dev)).toHaveLength(7);
    expect(found.find(([name]) => name === 'python')).toBeUndefined();
    expect(found).toContainEqual(['uvicorn', '^0.24.0.post1', false, 9]);
    expect(found).toContainEqual(['bcrypt', '4.0.1', false, 26]);
    expect(found).toContainEqual(['sentry-sdk', '^1.40.6', false, 28]);
    expect(found).toContainEqual(['pytest', '^7.4.3', true, 31]);
    expect(found).toContainEqual(['coverage', '^7.4.3', true, 37]);
  });

  it('reads PEP 621, optional dependencies and uv groups with the line of each string', async () => {
    const model = await read({
      'pyproject.toml': `[project]
name = "fastapi-app"
dependencies = [
  # the web stack
  "FastAPI[standard]>=0.115",
  'celery[redis] >= 5.4 ; sys_platform != "win32"', "Redis",
]

[project.optional-dependencies]
sentry = ["sentry-sdk>=2"]

[dependency-groups]
dev = [
  {include-group = "lint"},
  "pytest>=8",
]
lint = ["ruff"]

[tool.uv]
dev-dependencies = ["mypy"]
`,
    });
    expect(model.diagnostics).toEqual([]);
    expect(deps(model)).toEqual([
      ['fastapi', '>=0.115', false, 5],
      ['celery', '>=5.4', false, 6],
      ['redis', undefined, false, 6],
      ['sentry-sdk', '>=2', false, 10],
      ['pytest', '>=8', true, 15],
      ['ruff', undefined, true, 17],
      ['mypy', undefined, true, 20],
    ]);
  });

  it('reads a Pipfile', async () => {
    const model = await read({
      Pipfile:
        '[[source]]\nurl = "https://pypi.org/simple"\n\n[packages]\ndjango = "*"\npsycopg2-binary = {version = ">=2.9"}\n\n[dev-packages]\nblack = "*"\n',
    });
    expect(deps(model)).toEqual([
      ['django', '*', false, 5],
      ['psycopg2-binary', '>=2.9', false, 6],
      ['black', '*', true, 9],
    ]);
  });

  it('reports invalid TOML with its line', async () => {
    const model = await read({ 'svc/pyproject.toml': '[project]\nname = "x"\ndependencies = ["a",\n' });
    expect(model.diagnostics).toMatchObject([
      { severity: 'error', origin: 'manifests', location: { path: 'svc/pyproject.toml' } },
    ]);
    expect(model.diagnostics?.[0]?.location.line).toBeGreaterThanOrEqual(3);
  });
});

describe('dependency groups named for the deployment', () => {
  it('counts a `prod` group as installed in production and any other group as development', async () => {
    const model = await read({
      'pyproject.toml':
        '[project]\nname = "app"\ndependencies = ["django"]\n\n[dependency-groups]\ndev = ["pytest"]\nprod = [\n  "gunicorn>=23.0.0",\n  "sentry-sdk[django] >= 2.18.0",\n]\n',
    });
    expect(deps(model).map(([name, , dev]) => [name, dev])).toEqual([
      ['django', false],
      ['pytest', true],
      ['gunicorn', false],
      ['sentry-sdk', false],
    ]);
  });
});
