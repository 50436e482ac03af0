import { describe, expect, it } from 'vitest';
import { findingsFor } from '../../test/helpers/rule-findings.ts';
import rule from './no-rate-limiting.ts';

const render = {
  'render.yaml': 'services:\n  - { type: web, name: api, runtime: node, startCommand: node s.js }\n',
};

describe('ops/no-rate-limiting', () => {
  it('reports an HTTP framework without a limiter', async () => {
    expect(
      (
        await findingsFor(rule, { ...render, 'package.json': '{ "dependencies": { "fastify": "5.2.0" } }' })
      )[0]?.message,
    ).toContain('fastify');
  });

  it('accepts a limiter, and services that serve no HTTP framework', async () => {
    expect(
      await findingsFor(rule, {
        ...render,
        'package.json': '{ "dependencies": { "express": "4", "express-rate-limit": "7" } }',
      }),
    ).toEqual([]);
    expect(
      await findingsFor(rule, { ...render, 'package.json': '{ "dependencies": { "discord.js": "14" } }' }),
    ).toEqual([]);
  });

  it('counts a Next.js app as a public API only when it has route handlers, API routes or server actions', async () => {
    const next = {
      'vercel.json': '{}',
      'package.json': '{ "dependencies": { "next": "15.1.3", "react": "19.0.0" } }',
      'src/app/page.tsx': 'export default function Page() { return <main />; }',
    };
    expect(await findingsFor(rule, next)).toEqual([]);
    const [finding] = await findingsFor(rule, {
      ...next,
      'src/app/api/posts/route.ts': 'export async function GET() { return Response.json([]); }',
    });
    expect(finding).toMatchObject({ entity: 'service:vercel', message: expect.stringContaining('next') });
  });
});
