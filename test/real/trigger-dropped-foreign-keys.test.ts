import { describe, expect, it } from 'vitest';
import unindexedForeignKey from '../../rules/index/unindexed-foreign-key.ts';
import { LocalFileSet } from '../../src/files/local-file-set.ts';
import { MemoryFileSet } from '../../src/files/memory-file-set.ts';
import { review } from '../../src/review/run-review.ts';

const root = new URL('../fixtures/real/trigger-dropped-foreign-keys/', import.meta.url).pathname;
const dropped =
  'internal-packages/database/prisma/migrations/20260401000000_drop_taskrun_foreign_keys/migration.sql';

async function unindexed(withoutDrop: boolean): Promise<string[]> {
  const files = new LocalFileSet(root);
  const paths = (await files.list()).map((e) => e.path).filter((p) => !(withoutDrop && p === dropped));
  const texts: Record<string, string> = {};
  for (const content of (await files.read(paths)).values()) {
    if (content.kind === 'text') texts[content.path] = content.text;
  }
  const set = new MemoryFileSet(texts);
  const result = await review(set, { migrationBase: set });
  expect(result.diagnostics).toEqual([]);
  return result.findings.filter((f) => f.ruleId === unindexedForeignKey.meta.id).map((f) => f.entity);
}

describe("trigger.dev: the schema still declares TaskRun's relations, the migrations dropped their constraints", () => {
  it('reports the unindexed relations while the constraints exist', async () => {
    // runtimeEnvironmentId leads the @@unique, so only the other three lack an index.
    expect(await unindexed(true)).toEqual([
      'TaskRun.projectId',
      'TaskRun.lockedById',
      'TaskRun.lockedToVersionId',
    ]);
  });

  it('reports none once a migration has dropped them: the database has no foreign key to scan for', async () => {
    expect(await unindexed(false)).toEqual([]);
  });
});
