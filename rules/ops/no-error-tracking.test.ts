import { describe, expect, it } from 'vitest';
import { findingsFor } from '../../test/helpers/rule-findings.ts';
import rule from './no-error-tracking.ts';

const render = {
  'render.yaml': 'services:\n  - { type: web, name: api, runtime: python, startCommand: uvicorn main:app }\n',
};

describe('ops/no-error-tracking', () => {
  it('reports a deployed project with no tracker, once', async () => {
    expect(
      (await findingsFor(rule, { ...render, 'requirements.txt': 'fastapi\n' })).map((f) => f.entity),
    ).toEqual(['project:error-tracking']);
  });

  it('accepts a tracker dependency or its DSN, and projects that deploy nothing', async () => {
    expect(
      await findingsFor(rule, { ...render, 'requirements.txt': 'sentry-sdk[fastapi]==2.19.2\n' }),
    ).toEqual([]);
    expect(await findingsFor(rule, { ...render, '.env.example': 'SENTRY_DSN=\n' })).toEqual([]);
    expect(await findingsFor(rule, { 'package.json': '{ "dependencies": { "express": "4" } }' })).toEqual([]);
  });

  it('accepts a Sentry DSN under a framework prefix', async () => {
    expect(await findingsFor(rule, { ...render, '.env.example': 'VITE_SENTRY_DSN=\n' })).toEqual([]);
  });
});
