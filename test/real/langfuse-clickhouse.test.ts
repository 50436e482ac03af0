import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { modelOf } from '../helpers/rule-findings.ts';

const root = new URL('../fixtures/real/langfuse-clickhouse/', import.meta.url);
const real = async (paths: string[]) =>
  Object.fromEntries(
    await Promise.all(paths.map(async (p) => [p, await readFile(new URL(p, root), 'utf8')])),
  );

const postgres = {
  'packages/shared/prisma/migrations/20240101000000_init/migration.sql':
    'CREATE TABLE "traces" ("id" TEXT NOT NULL, "project_id" TEXT NOT NULL, CONSTRAINT "traces_pkey" PRIMARY KEY ("id"));\n',
};

describe("langfuse's ClickHouse migrations are not PostgreSQL's", () => {
  it('leaves a clickhouse/migrations folder out of the replay, with no diagnostic, beside a replayed Prisma folder', async () => {
    const files = {
      ...(await real([
        'packages/shared/clickhouse/migrations/unclustered/0001_traces.up.sql',
        'packages/shared/clickhouse/migrations/unclustered/0037_add_created_at_indexes.up.sql',
      ])),
      ...postgres,
    };
    const model = await modelOf(files);
    expect(model.diagnostics).toEqual([]);
    expect(model.migrations.map((m) => m.path)).toEqual(Object.keys(postgres));
    expect(model.schemas.map((s) => s.path)).toEqual(['packages/shared/prisma/migrations']);
  });

  it('recognises the engine where the folder does not say ClickHouse: the whole directory is left out', async () => {
    const model = await modelOf(
      await real([
        'analytics/migrations/0001_traces.up.sql',
        'analytics/migrations/0002_add_created_at_indexes.up.sql',
      ]),
    );
    expect(model.diagnostics).toEqual([]);
    expect(model.migrations).toEqual([]);
  });

  it('still replays a PostgreSQL folder whose names merely mention a merge tree or an engine', async () => {
    const model = await modelOf({
      'db/migrations/0001_init.up.sql':
        'CREATE TABLE merge_tree_jobs (id bigint PRIMARY KEY, engine text);\n',
    });
    expect(model.migrations.map((m) => m.path)).toEqual(['db/migrations/0001_init.up.sql']);
  });
});
