import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { MemoryFileSet } from '../../src/files/memory-file-set.ts';
import { renderJson } from '../../src/reporters/json.ts';
import { renderMarkdown } from '../../src/reporters/markdown.ts';
import { renderSarif } from '../../src/reporters/sarif.ts';
import { renderText } from '../../src/reporters/text.ts';
import type { ReviewResult } from '../../src/review/review-result.ts';
import { review } from '../../src/review/run-review.ts';

/** Every output a user or a pull request sees, as one string. */
function everyOutput(result: ReviewResult): string {
  return [
    renderText(result, { color: false }),
    renderMarkdown(result, { context: 'comment' }),
    renderJson(result),
    renderSarif(result),
  ].join('\n');
}

const messages = (result: ReviewResult) =>
  result.diagnostics.map((d) => `${d.location.path}:${d.location.line} ${d.message}`);

describe('input written to break the review', () => {
  it('ten thousand env files', async () => {
    const files = Object.fromEntries(
      Array.from({ length: 10_000 }, (_, i) => [`services/s${i}/.env`, `KEY_${i}=value\n`]),
    );
    const result = await review(new MemoryFileSet(files));
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('a render.yaml whose plans, names and counts have the wrong types', async () => {
    const result = await review(
      new MemoryFileSet({
        'render.yaml': [
          'services:',
          '  - type: web',
          '    name: api',
          '    plan: {a: 1}',
          '    numInstances: {b: 2}',
          '    startCommand: [gunicorn]',
          '    envVars:',
          '      - key: DATABASE_URL',
          '        fromDatabase: {name: db, property: connectionString}',
          'databases:',
          '  - name: db',
          '    plan: 12',
          '',
        ].join('\n'),
      }),
    );
    expect(messages(result).filter((m) => m.includes('reader failed'))).toEqual([]);
    expect(result.capacity.databases.map((d) => d.datastore)).toEqual(['db']);
  });

  it('a config ignore glob longer than picomatch takes', async () => {
    const result = await review(
      new MemoryFileSet({
        '.github/headroom.yml': `tier: scale\nignore:\n  - "${'a'.repeat(70_000)}"\n`,
        'render.yaml': 'services:\n  - type: web\n    name: api\n    plan: free\n',
      }),
    );
    expect(messages(result)).toEqual([
      '.github/headroom.yml:3 .github/headroom.yml: `ignore.0`: not a glob pattern Headroom can read (picomatch takes at most 64 KB)',
    ]);
    expect(result.tier).toBe('scale');
    expect(result.findings.map((f) => f.ruleId)).toContain('plan/free-web-sleeps');
  });

  it('a fly.toml with tables where values belong', async () => {
    const result = await review(
      new MemoryFileSet({
        'fly.toml': 'app = "api"\n[env]\nA = {b = 1}\nB = "kept"\n[http_service]\ninternal_port = {x = 1}\n',
      }),
    );
    expect(messages(result).filter((m) => m.includes('reader failed'))).toEqual([]);
  });

  it('control characters in a Prisma schema', async () => {
    const result = await review(
      new MemoryFileSet({
        'prisma/schema.prisma':
          'datasource db {\n  provider = "postgresql"\n  url = env("DATABASE_URL")\n}\nmodel A {\n  id Int @id \u0001\n  b  Int\u0007\n}\n',
      }),
    );
    expect(messages(result)).toEqual([
      'prisma/schema.prisma:6 prisma/schema.prisma is not a valid Prisma schema: unexpected character "\\u0001"; it was skipped.',
      'prisma/schema.prisma:7 prisma/schema.prisma is not a valid Prisma schema: unexpected character "\\u0007"; it was skipped.',
    ]);
  });

  it('an expression nested fifty thousand deep in a migration', async () => {
    const result = await review(
      new MemoryFileSet({
        'migrations/001_init.sql': `CREATE TABLE a (id int PRIMARY KEY);\nSELECT ${'('.repeat(50_000)}1${')'.repeat(50_000)};\nCREATE TABLE b (id int PRIMARY KEY, a_id int REFERENCES a (id));\n`,
      }),
    );
    expect(messages(result)).toEqual([
      expect.stringMatching(/^migrations\/001_init\.sql:2 PostgreSQL's parser rejects/),
    ]);
    expect(result.findings.map((f) => f.entity)).toContain('b.a_id');
  });

  it.each([
    ['package.json', `{"dependencies": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`, []],
    [
      'prisma/schema.prisma',
      `datasource db {\n  provider = "postgresql"\n  x = ${'['.repeat(100_000)}${']'.repeat(100_000)}\n}\n`,
      [
        'prisma/schema.prisma:3 prisma/schema.prisma is not a valid Prisma schema: unexpected "[" nested deeper than 64 levels; the block there was not read.',
      ],
    ],
    [
      'render.yaml',
      `services: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`,
      [expect.stringMatching(/^render\.yaml:1 render\.yaml is not valid YAML/)],
    ],
    [
      'fly.toml',
      `app = "x"\nv = ${'['.repeat(50_000)}${']'.repeat(50_000)}\n`,
      [expect.stringMatching(/^fly\.toml:2 fly\.toml is not valid TOML/)],
    ],
  ])('%s nested a hundred thousand deep', async (path, text, expected) => {
    const result = await review(new MemoryFileSet({ [path]: text }));
    expect(messages(result)).toEqual(expected);
  });

  it('a railway.json whose repeated unclosed strings make the YAML parser throw (found by `npm run fuzz`)', async () => {
    const text = await readFile(
      new URL('../fixtures/robustness/railway-yaml-stack.json', import.meta.url),
      'utf8',
    );
    const result = await review(new MemoryFileSet({ 'railway.json': text }));
    expect(messages(result)).toEqual([
      'railway.json:1 railway.json is not valid YAML: it is nested deeper than the YAML parser can read.',
    ]);
  });

  it('a migration of 25,000 statements', async () => {
    const inserts = 'INSERT INTO a (id) VALUES (1);\n'.repeat(25_000);
    const result = await review(
      new MemoryFileSet({
        'migrations/001_init.sql': `CREATE TABLE a (id int PRIMARY KEY);\nCREATE TABLE b (id int PRIMARY KEY, a_id int REFERENCES a (id));\n${inserts}`,
      }),
    );
    expect(messages(result)).toEqual([
      'migrations/001_init.sql:1 migrations/001_init.sql has 25002 statements; the first 20000 were replayed, the other 5002 were not.',
    ]);
    expect(result.findings.map((f) => f.entity)).toContain('b.a_id');
  });

  it('a config of ten thousand repeated keys (found by `npm run fuzz`)', async () => {
    const started = performance.now();
    const result = await review(
      new MemoryFileSet({ '.github/headroom.yml': 'tier: scale\nfailOn: warning\n'.repeat(5_000) }),
    );
    // A hang guard, not a benchmark: each error once counted the file's lines again (4.5 s).
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(result.diagnostics[0]).toMatchObject({ origin: 'config', location: { line: 3 } });
  });

  it('a render.yaml with a hundred thousand YAML errors (found by `npm run fuzz`)', async () => {
    const result = await review(
      new MemoryFileSet({ 'render.yaml': `services:\n- type: web\n${']'.repeat(140_000)}\n` }),
    );
    // Five at most; identical ones (same line, same message) are said once.
    expect(result.diagnostics.length).toBeLessThanOrEqual(5);
    expect(result.diagnostics.at(-1)?.message).toMatch(/\(and \d+ more YAML errors in this file\)$/);
  });

  it('an env file built to make a parser backtrack', async () => {
    const started = performance.now();
    await review(
      new MemoryFileSet({
        '.env': `A="${'x\\'.repeat(200_000)}\nB='${"x'".repeat(100_000)}\nC=${' #'.repeat(500_000)}\n`,
      }),
    );
    // A hang guard, not a benchmark.
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});

describe('secrets in what the review quotes', () => {
  const secret = 'hunter2-Zr8uQe4mKx';

  it('start commands of a Procfile, a render.yaml and a compose file', async () => {
    const result = await review(
      new MemoryFileSet({
        Procfile: `web: DATABASE_URL=postgres://app:${secret}@db.example.com/app gunicorn -w 4 app:app\n`,
        'render.yaml': `services:\n  - type: web\n    name: api\n    plan: starter\n    startCommand: node server.js --db postgres://app:${secret}@db.example.com/app\n`,
        'docker-compose.prod.yml': `services:\n  worker:\n    command: celery -A app worker --broker redis://:${secret}@cache.example.com:6379/0\n`,
      }),
    );
    // The capacity summary quotes a start command it could not read a process count from.
    expect(JSON.stringify(result.capacity)).toContain('postgres://app:****@db.example.com/app');
    expect(everyOutput(result)).not.toContain(secret);
  });

  it('a Procfile line that is a bare connection URL (found by `npm run fuzz`)', async () => {
    // Read as process `redis` running `//default:…@cache…`, whose scheme is gone from the command.
    const result = await review(
      new MemoryFileSet({
        Procfile: `redis://default:${secret}@cache.example.com:6379\nweb: gunicorn app.wsgi\n`,
      }),
    );
    expect(JSON.stringify(result.capacity)).toContain('default:****@cache.example.com:6379');
    expect(everyOutput(result)).not.toContain(secret);
  });

  it('a YAML syntax error whose message quotes the line', async () => {
    const result = await review(
      new MemoryFileSet({
        'render.yaml': `services:\n  - type: web\n    name: api\n    startCommand: "node server.js --db postgres://app:${secret}@db.example.com/app\n    plan: [\n`,
      }),
    );
    expect(result.diagnostics.length).toBeGreaterThan(0);
    expect(everyOutput(result)).not.toContain(secret);
  });
});
