import { describe, expect, it } from 'vitest';
import { LocalFileSet } from '../../src/files/local-file-set.ts';
import { MemoryFileSet } from '../../src/files/memory-file-set.ts';
import { review } from '../../src/review/run-review.ts';

const root = new URL('../fixtures/real/trigger-env-and-compose/', import.meta.url).pathname;

async function files(leaveOut: string[] = []): Promise<Record<string, string>> {
  const set = new LocalFileSet(root);
  const paths = (await set.list()).map((e) => e.path).filter((p) => !leaveOut.includes(p));
  const texts: Record<string, string> = {};
  for (const content of (await set.read(paths)).values())
    if (content.kind === 'text') texts[content.path] = content.text;
  return texts;
}

describe('trigger.dev: a zod env schema, and the compose stack its package scripts start', () => {
  it('finds nothing to say: the schema declares its keys, the fallbacks tolerate unset ones, the compose file is local', async () => {
    const result = await review(new MemoryFileSet(await files()));
    expect(result.findings).toEqual([]);
    expect(result.diagnostics).toEqual([]);
    expect(result.capacity.services).toEqual([]);
  });

  it('without the scripts that start it, takes docker/docker-compose.yml for the deployment and says so', async () => {
    const result = await review(new MemoryFileSet(await files(['package.json'])));
    expect(result.diagnostics.map((d) => [d.severity, d.location.path])).toEqual([
      ['info', 'docker/docker-compose.yml'],
    ]);
    // Its Redis, MinIO and ClickHouse containers are datastores and tools, not app services.
    const services = result.capacity.services.map((s) => s.service);
    expect(services.filter((name) => ['redis', 'minio', 'minio-init', 'clickhouse'].includes(name))).toEqual(
      [],
    );
    expect(services).toContain('electric');
  });
});
