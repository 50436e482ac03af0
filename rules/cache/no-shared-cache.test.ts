import { describe, expect, it } from 'vitest';
import { findingsFor } from '../../test/helpers/rule-findings.ts';
import rule from './no-shared-cache.ts';

const render =
  'services:\n  - type: web\n    name: api\n    runtime: python\n    plan: standard\n    startCommand: gunicorn app:app -w 3\n';
const django = { 'requirements.txt': 'Django==5.1.4\n' };

describe('cache/no-shared-cache', () => {
  it('grows from a note at launch to an error at scale', async () => {
    expect((await findingsFor(rule, { 'render.yaml': render, ...django }, 'launch'))[0]?.severity).toBe(
      'note',
    );
    expect((await findingsFor(rule, { 'render.yaml': render, ...django }, 'scale'))[0]).toMatchObject({
      severity: 'error',
      message: expect.stringContaining('3 copies'),
    });
  });

  it('accepts a Redis client dependency or a Redis URL', async () => {
    expect(
      await findingsFor(rule, { 'render.yaml': render, 'requirements.txt': 'Django==5.1.4\nredis==5.2.1\n' }),
    ).toEqual([]);
    expect(
      await findingsFor(rule, {
        'render.yaml': render,
        ...django,
        '.env.example': 'REDIS_URL=redis://localhost:6379\n',
      }),
    ).toEqual([]);
  });

  it('accepts a Redis URL set in the dashboard (declared without a value), and leaves serverless functions out', async () => {
    expect(
      await findingsFor(rule, {
        'render.yaml': `${render}    envVars:\n      - key: UPSTASH_REDIS_URL\n        sync: false\n`,
        ...django,
      }),
    ).toEqual([]);
    expect(
      await findingsFor(rule, {
        'vercel.json': '{}',
        'package.json': '{ "dependencies": { "next": "15" } }',
      }),
    ).toEqual([]);
  });

  it('asks nothing of an app whose framework caches nothing in its processes (fastapi/full-stack-fastapi-template)', async () => {
    const fastapi = {
      'render.yaml': render.replace('gunicorn app:app -w 3', 'fastapi run --workers 4'),
      'requirements.txt': 'fastapi[standard]==0.115.6\nsqlmodel==0.0.22\n',
    };
    expect(await findingsFor(rule, fastapi)).toEqual([]);
    const rails = (gems: string) => ({
      'render.yaml': render.replace('gunicorn app:app -w 3', 'bundle exec puma -w 3'),
      Gemfile: `gem 'rails'\n${gems}`,
    });
    expect((await findingsFor(rule, rails('')))[0]?.message).toContain("Rails' default cache store");
    expect(await findingsFor(rule, rails("gem 'solid_cache'\n"))).toEqual([]);
  });
});
