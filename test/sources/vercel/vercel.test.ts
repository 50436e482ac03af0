import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { vercelSource } from '../../../src/sources/vercel/index.ts';

const read = async (path: string, text: string) => vercelSource.read([{ path, text }]);

describe('vercel.json', () => {
  it('makes the project one serverless service with its function memory (calcom/cal.com)', async () => {
    const text = readFileSync(new URL('../../fixtures/vercel/cal-com.vercel.json', import.meta.url), 'utf8');
    const { services, diagnostics } = await read('vercel.json', text);
    expect(diagnostics).toEqual([]);
    expect(services?.[0]).toMatchObject({
      id: 'service:vercel',
      kind: 'serverless',
      instances: { min: 0, autoscaling: true },
      settings: { memory: { value: 512, location: { line: 4 } } },
    });
    expect(services?.[0]?.instances.max).toBeGreaterThan(1000);
  });

  it('keeps the largest maxDuration, the regions and the crons', async () => {
    const text = `{
  "regions": ["cdg1"],
  "functions": {
    "app/api/**/*.ts": { "maxDuration": 30 },
    "app/api/export/route.ts": { "maxDuration": 300, "memory": "lots" }
  },
  "crons": [{ "path": "/api/cron", "schedule": "0 3 * * *" }]
}
`;
    const { services, diagnostics } = await read('web/vercel.json', text);
    expect(services?.[0]).toMatchObject({
      id: 'service:web',
      rootDir: 'web',
      settings: {
        maxDuration: { value: 300, location: { line: 5 } },
        regions: { value: 'cdg1' },
        crons: { value: 1, location: { line: 7 } },
      },
    });
    expect(diagnostics).toMatchObject([{ origin: 'vercel', location: { line: 5 } }]);
  });

  it('reports invalid JSON with its line', async () => {
    const broken = (await read('vercel.json', '{\n  "functions": {\n    "api/*.ts": { "memory": 1024 }\n'))
      .diagnostics;
    expect(broken?.length).toBeGreaterThan(0);
    for (const diagnostic of broken ?? [])
      expect(diagnostic).toMatchObject({
        severity: 'error',
        origin: 'vercel',
        location: { path: 'vercel.json', line: 3 },
      });
  });
});
