import { describe, expect, it } from 'vitest';
import { findingsFor } from '../../test/helpers/rule-findings.ts';
import rule from './no-shared-cache.ts';

const render =
  'services:\n  - type: web\n    name: api\n    runtime: python\n    plan: standard\n    startCommand: gunicorn app:app -w 3\n';

describe('cache/no-shared-cache', () => {
  it('grows from a note at launch to an error at scale', async () => {
    expect((await findingsFor(rule, { 'render.yaml': render }, 'launch'))[0]?.severity).toBe('note');
    expect((await findingsFor(rule, { 'render.yaml': render }, 'scale'))[0]).toMatchObject({
      severity: 'error',
      message: expect.stringContaining('3 copies'),
    });
  });

  it('accepts a Redis client dependency or a Redis URL', async () => {
    expect(await findingsFor(rule, { 'render.yaml': render, 'requirements.txt': 'redis==5.2.1\n' })).toEqual(
      [],
    );
    expect(
      await findingsFor(rule, {
        'render.yaml': render,
        '.env.example': 'REDIS_URL=redis://localhost:6379\n',
      }),
    ).toEqual([]);
  });

  it('accepts a Redis URL set in the dashboard (declared without a value), and leaves serverless functions out', async () => {
    expect(
      await findingsFor(rule, {
        'render.yaml': `${render}    envVars:\n      - key: UPSTASH_REDIS_URL\n        sync: false\n`,
      }),
    ).toEqual([]);
    expect(
      await findingsFor(rule, {
        'vercel.json': '{}',
        'package.json': '{ "dependencies": { "next": "15" } }',
      }),
    ).toEqual([]);
  });
});
