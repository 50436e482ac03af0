import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DELIVERIES } from '../../scripts/build.ts';

const root = new URL('../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');

describe('deploy/docker-compose.yml', () => {
  const compose = parse(read('deploy/docker-compose.yml'), { merge: true });
  const dockerfile = read('Dockerfile');

  it('runs a front door that only queues, two workers and a Redis that keeps every key', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['redis', 'web', 'worker']);
    expect(compose.services.web.environment).toMatchObject({
      HEADROOM_WORK_JOBS: 'false',
      REDIS_URL: 'redis://redis:6379',
    });
    expect(compose.services.worker.environment.REDIS_URL).toBe('redis://redis:6379');
    expect(compose.services.worker.deploy.replicas).toBe(2);
    expect(compose.services.redis.command.join(' ')).toContain('--maxmemory-policy noeviction');
  });

  it('starts files the Dockerfile ships, as the App’s build names them', () => {
    const built = [
      'dist/app.js',
      ...Object.keys(DELIVERIES.app.companions ?? {}).map((name) => `dist/${name}.js`),
    ];
    for (const service of [compose.services.web, compose.services.worker]) {
      const script = service.command.at(-1) as string;
      expect(built).toContain(script);
      expect(dockerfile).toContain(`/src/${script}`);
    }
    expect(dockerfile).toContain('/src/dist/app-chunks');
  });
});
