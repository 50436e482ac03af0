import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { netlifySource } from '../../../src/sources/netlify/index.ts';

const read = async (path: string, text: string) => netlifySource.read([{ path, text }]);

describe('netlify.toml', () => {
  it('makes the site one serverless service with its functions directory (0-GoldenThunder/NetlifyxNeon)', async () => {
    const text = readFileSync(
      new URL('../../fixtures/netlify/netlify-x-neon.netlify.toml', import.meta.url),
      'utf8',
    );
    const { services, diagnostics } = await read('netlify.toml', text);
    expect(diagnostics).toEqual([]);
    expect(services?.[0]).toMatchObject({
      id: 'service:netlify',
      kind: 'serverless',
      location: { line: 4 },
      settings: { functionsDirectory: { value: 'netlify/functions', location: { line: 5 } } },
    });
  });

  it('reads the base directory, build, production environment and scheduled functions', async () => {
    const text = `[build]
  base = "frontend/"
  command = "npm run build"
  [build.environment]
    NODE_VERSION = "20"
[context.production.environment]
  DATABASE_URL = "postgresql://app:s3cret@db.example.com:5432/app"
[functions]
  node_bundler = "esbuild"
[functions."nightly-report"]
  schedule = "@daily"
`;
    const { services, connections } = await read('netlify.toml', text);
    expect(services?.[0]).toMatchObject({
      rootDir: 'frontend',
      buildCommand: { value: 'npm run build', location: { line: 3 } },
      settings: { scheduledFunctions: { value: 1, location: { line: 11 } } },
    });
    expect(services?.[0]?.env.map((e) => [e.key, e.location.line])).toEqual([
      ['NODE_VERSION', 5],
      ['DATABASE_URL', 7],
    ]);
    expect(connections?.map((c) => [c.key, c.url.masked])).toEqual([
      ['DATABASE_URL', 'postgresql://app:****@db.example.com:5432/app'],
    ]);
    expect(JSON.stringify(services)).not.toContain('s3cret');
  });

  it('reports invalid TOML with its line', async () => {
    expect((await read('netlify.toml', '[build]\n  command = "npm run build\n')).diagnostics).toMatchObject([
      { severity: 'error', origin: 'netlify', location: { line: 2 } },
    ]);
  });
});
