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

  it('says once that an app deployed by two hosting configs has no limiter, and per app in a monorepo', async () => {
    const twice = await findingsFor(rule, {
      Gemfile: "gem 'rails'\ngem 'puma'\n",
      'render.yaml':
        'services:\n  - { type: web, name: store-web, runtime: ruby, startCommand: bundle exec puma }\n',
      Procfile: 'web: bundle exec puma -C config/puma.rb\n',
    });
    expect(twice.map((f) => f.message)).toEqual([
      'store-web (render.yaml) and web (Procfile) serve HTTP with rails and have no rate limiter: one client can take every worker and database connection.',
    ]);
    const apart = await findingsFor(rule, {
      'render.yaml':
        'services:\n  - { type: web, name: api, runtime: node, rootDir: api, startCommand: node s.js }\n  - { type: web, name: admin, runtime: node, rootDir: admin, startCommand: node s.js }\n',
      'api/package.json': '{ "dependencies": { "express": "4" } }',
      'admin/package.json': '{ "dependencies": { "express": "4" } }',
    });
    expect(apart.map((f) => f.entity)).toEqual(['service:api', 'service:admin']);
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
