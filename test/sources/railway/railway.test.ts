import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { railwaySource } from '../../../src/sources/railway/index.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`../../fixtures/railway/${name}`, import.meta.url), 'utf8');
const read = async (path: string, text: string) => railwaySource.read([{ path, text }]);

describe('railway.json / railway.toml', () => {
  it('reads a bot config with no health check path (01RG0/bella-bot railway.json)', async () => {
    const { services, diagnostics } = await read('railway.json', fixture('bella-bot.railway.json'));
    expect(diagnostics).toEqual([]);
    expect(services?.[0]).toMatchObject({
      id: 'service:railway',
      kind: 'web',
      startCommand: { value: 'python main.py', location: { line: 8 } },
      buildCommand: { value: 'pip install -r requirements.txt', location: { line: 5 } },
      instances: { min: 1, max: 1 },
      settings: { restartPolicyType: { value: 'ALWAYS', location: { line: 9 } } },
    });
    expect(services?.[0]?.healthCheckPath).toBeUndefined();
  });

  it('reads the TOML form with its health check (01RG0/bella-bot railway.toml)', async () => {
    const [service] = (await read('bot/railway.toml', fixture('bella-bot.railway.toml'))).services ?? [];
    expect(service).toMatchObject({
      id: 'service:bot',
      rootDir: 'bot',
      healthCheckPath: { value: '/', location: { line: 7 } },
      settings: { restartPolicyMaxRetries: { value: 10, location: { line: 10 } } },
    });
  });

  it('sums replicas over regions, reads app sleeping and pre-deploy commands', async () => {
    const text = JSON.stringify(
      {
        deploy: {
          startCommand: 'node server.js',
          sleepApplication: true,
          preDeployCommand: ['npx prisma migrate deploy'],
          multiRegionConfig: { 'us-west2': { numReplicas: 2 }, 'europe-west4-drams3a': { numReplicas: 3 } },
        },
      },
      null,
      2,
    );
    const [service] = (await read('railway.json', text)).services ?? [];
    expect(service?.instances).toMatchObject({ min: 5, max: 5, location: { line: 8 } });
    expect(service?.settings.sleepApplication).toMatchObject({ value: true, location: { line: 4 } });
    expect(service?.settings.preDeployCommand?.value).toBe('npx prisma migrate deploy');
  });

  it('a cron schedule makes a cron service', async () => {
    const [service] =
      (
        await read(
          'railway.toml',
          '[deploy]\nstartCommand = "node jobs/nightly.js"\ncronSchedule = "0 3 * * *"\n',
        )
      ).services ?? [];
    expect(service).toMatchObject({
      kind: 'cron',
      settings: { cronSchedule: { value: '0 3 * * *', location: { line: 3 } } },
    });
  });

  it('reports broken files and odd replica counts with their lines', async () => {
    const broken = (await read('railway.json', '{\n  "deploy": {\n    "startCommand": "x",\n')).diagnostics;
    expect(broken?.length).toBeGreaterThan(0);
    for (const diagnostic of broken ?? [])
      expect(diagnostic).toMatchObject({
        severity: 'error',
        origin: 'railway',
        location: { path: 'railway.json', line: 3 },
      });
    const { diagnostics, services } = await read('railway.toml', '[deploy]\nnumReplicas = "two"\n');
    expect(diagnostics).toMatchObject([{ origin: 'railway', location: { line: 2 } }]);
    expect(services?.[0]?.instances.max).toBe(1);
  });
});
