import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Fact } from '../src/catalog/fact.ts';
import { ALL_FACTS } from '../src/catalog/index.ts';

const catalogDir = new URL('../src/catalog/', import.meta.url);

/** Every fact a catalog module exports: single facts, and facts inside exported tables and lists. */
async function exportedFacts(): Promise<Array<[string, Fact<unknown>]>> {
  const found: Array<[string, Fact<unknown>]> = [];
  const isFact = (value: unknown): value is Fact<unknown> =>
    typeof value === 'object' && value !== null && 'source' in value && 'checked' in value;
  for (const file of readdirSync(catalogDir).filter((f) => f.endsWith('.ts'))) {
    const module: Record<string, unknown> = await import(new URL(file, catalogDir).href);
    for (const [name, value] of Object.entries(module)) {
      if (isFact(value)) found.push([`${file} ${name}`, value]);
      else if (typeof value === 'object' && value !== null)
        for (const [key, inner] of Object.entries(value))
          if (isFact(inner)) found.push([`${file} ${name}.${key}`, inner]);
    }
  }
  return found;
}

describe('the platform catalog', () => {
  it.each(Object.entries(ALL_FACTS))('%s has a source and the date it was checked', (_name, fact) => {
    expect(fact.source).toMatch(/^(https?:\/\/\S+|[\w.-]+\/[\w.-]+:\S+)$/);
    expect(fact.checked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(Number.isNaN(Date.parse(fact.checked))).toBe(false);
    expect(fact.value).not.toBeUndefined();
  });

  it('lists every fact the catalog modules export, so none escapes the audit', async () => {
    const audited = new Set(Object.values(ALL_FACTS));
    const missing = (await exportedFacts()).filter(([, fact]) => !audited.has(fact)).map(([name]) => name);
    expect(missing).toEqual([]);
  });

  it('holds the numbers the capacity model leans on', () => {
    expect(ALL_FACTS['render postgres free']?.value).toEqual({
      memoryMb: 256,
      cpus: 0.1,
      maxConnections: 100,
    });
    expect(ALL_FACTS['render postgres pro-8gb']?.value).toEqual({
      memoryMb: 8192,
      cpus: 2,
      maxConnections: 200,
    });
    expect(ALL_FACTS['render postgres accelerated-16gb']?.value).toEqual({
      memoryMb: 16384,
      cpus: 2,
      maxConnections: 400,
    });
    expect(ALL_FACTS['render postgres pro plus']?.value).toMatchObject({ maxConnections: 197 });
    expect(ALL_FACTS['render compute starter']?.value).toMatchObject({ memoryMb: 512, cpus: 0.5 });
    expect(ALL_FACTS.RENDER_POSTGRES_RESERVED_CONNECTIONS?.value).toBe(10);
    expect(ALL_FACTS['pool of SQLAlchemy']?.value).toMatchObject({ size: 15 });
    expect(ALL_FACTS['pool of node-postgres']?.value).toMatchObject({ size: 10 });
    expect(ALL_FACTS.ASSUMED_PROCESS_MEMORY_MB?.note).toContain("Headroom's assumption");
    expect(ALL_FACTS.TIER_DATABASE_NEEDS?.note).toContain("Headroom's assumption");
  });
});
