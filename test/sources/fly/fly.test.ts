import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { flySource } from '../../../src/sources/fly/index.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`../../fixtures/fly/${name}`, import.meta.url), 'utf8');
const read = async (text: string, path = 'fly.toml') => flySource.read([{ path, text }]);

describe('fly.toml', () => {
  it('reads a generated config: HTTP check, concurrency, legacy `false` autostop, VM size (0legIv/pii_guard)', async () => {
    const { services, diagnostics } = await read(fixture('pii-guard.fly.toml'));
    expect(diagnostics).toEqual([]);
    expect(services).toHaveLength(1);
    expect(services?.[0]).toMatchObject({
      id: 'service:pii-guard',
      kind: 'web',
      instances: { min: 1, max: 1, autoscaling: false, location: { line: 21 } },
      healthCheckPath: { value: '/api/health', location: { path: 'fly.toml', line: 33 } },
      settings: {
        auto_stop_machines: { value: 'off', location: { line: 19 } },
        'concurrency.type': { value: 'connections', location: { line: 25 } },
        'concurrency.hard_limit': { value: 1000, location: { line: 26 } },
        memoryMb: { value: 1024, location: { line: 38 } },
        cpus: { value: 1, location: { line: 40 } },
      },
    });
    expect(services?.[0]?.env.map((e) => [e.key, e.location.line])).toEqual([
      ['PHX_HOST', 13],
      ['PORT', 14],
    ]);
  });

  it('reads the legacy [[services]] form with nested checks on their own lines (epic-stack)', async () => {
    const [service] = (await read(fixture('epic-stack.fly.toml'))).services ?? [];
    expect(service).toMatchObject({
      id: 'service:epic-stack-template',
      kind: 'web',
      healthCheckPath: { value: '/resources/healthcheck', location: { line: 48 } },
      settings: {
        'concurrency.soft_limit': { value: 80, location: { line: 26 } },
        tcp_check: { value: true, location: { line: 38 } },
        release_command: { value: 'node ./other/sentry-create-release', location: { line: 16 } },
      },
    });
  });

  it('reads a machine that suspends to zero with 2 GB (0bs-chat/crawler)', async () => {
    const [service] = (await read(fixture('crawler.fly.toml'))).services ?? [];
    expect(service?.instances).toMatchObject({ min: 0, max: 1, autoscaling: true });
    expect(service?.settings.auto_stop_machines?.value).toBe('suspend');
    expect(service?.settings.memoryMb).toMatchObject({ value: 2048, location: { line: 20 } });
    expect(service?.healthCheckPath).toBeUndefined();
  });

  it('gives each process group its own service, VM and routing', async () => {
    const { services } = await read(
      [
        "app = 'shots'",
        '[processes]',
        '  app = "gunicorn app:app -w 2"',
        '  worker = "celery -A app worker"',
        '[http_service]',
        '  processes = ["app"]',
        '  min_machines_running = 0',
        '[[vm]]',
        '  size = "performance-2x"',
        '  processes = ["worker"]',
        '[[vm]]',
        '  memory = 512',
      ].join('\n'),
      'api/fly.toml',
    );
    expect(
      services?.map((s) => [
        s.id,
        s.kind,
        s.rootDir,
        s.settings.memoryMb?.value,
        s.settings.memoryMb?.location.line,
      ]),
    ).toEqual([
      ['service:shots-app', 'web', 'api', 512, 12],
      ['service:shots-worker', 'worker', 'api', 4096, 9],
    ]);
    expect(services?.[0]?.settings.auto_stop_machines?.value).toBe('stop');
    expect(services?.[1]?.startCommand).toMatchObject({
      value: 'celery -A app worker',
      location: { line: 4 },
    });
  });

  it('reports broken TOML and values Fly would reject, with their lines', async () => {
    expect((await read("app = 'x'\n[http_service\n")).diagnostics).toMatchObject([
      { severity: 'error', origin: 'fly', location: { path: 'fly.toml', line: 2 } },
    ]);
    const { diagnostics, services } = await read(
      "app = 'x'\n[http_service]\n  auto_stop_machines = 'sometimes'\n  min_machines_running = -1\n[[vm]]\n  memory = 'lots'\n",
    );
    expect(diagnostics?.map((d) => [d.location.line, d.message.split(' ')[0]])).toEqual([
      [3, 'auto_stop_machines'],
      [4, 'min_machines_running'],
      [6, 'memory'],
    ]);
    expect(services?.[0]?.settings.memoryMb).toBeUndefined();
  });
});
