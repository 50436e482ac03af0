import { describe, expect, it } from 'vitest';
import type { FileContent, FileEntry, FileSet } from '../../src/files/file-set.ts';
import { gitBlobId } from '../../src/files/git-blob-id.ts';
import { MemoryFileSet } from '../../src/files/memory-file-set.ts';
import { review } from '../../src/review/run-review.ts';

const init =
  'CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint);\nCREATE INDEX orders_first ON orders (customer_id);\n';
const shipped = 'CREATE INDEX orders_customer ON orders (customer_id, id);\n';
const written = 'DROP INDEX orders_first;\n';

/** A base as a GitHub commit lists it: blob ids in the listing, no read needed to compare. */
function listedCommit(files: Record<string, string>): FileSet & { reads: number } {
  return {
    label: 'octo/app@1234567',
    reads: 0,
    async list(): Promise<FileEntry[]> {
      return Object.entries(files).map(([path, text]) => ({ path, oid: gitBlobId(text) }));
    },
    async read(): Promise<Map<string, FileContent>> {
      this.reads++;
      return new Map();
    },
    skipped: () => [],
  };
}

const lockFindings = (result: Awaited<ReturnType<typeof review>>) =>
  result.findings.filter((f) => f.ruleId === 'index/non-concurrent-index').map((f) => f.location.path);

describe('migration safety judged when the migration is written', () => {
  const head = {
    'db/migrations/0001_init.up.sql': init,
    'db/migrations/0002_customer.up.sql': shipped,
    'db/migrations/0003_drop_first.up.sql': written,
  };

  it('against a base, judges the migrations the base does not have, by blob id from its listing', async () => {
    const base = listedCommit({
      'db/migrations/0001_init.up.sql': init,
      'db/migrations/0002_customer.up.sql': shipped,
    });
    const result = await review(new MemoryFileSet(head), { migrationBase: base });
    expect(lockFindings(result)).toEqual(['db/migrations/0003_drop_first.up.sql']);
    expect(result.migrations).toEqual({
      judged: 'changed-since-base',
      base: 'octo/app@1234567',
      judgedFiles: ['db/migrations/0003_drop_first.up.sql'],
      notJudged: 2,
    });
    expect(base.reads).toBe(0);
  });

  it('judges a shipped migration again when the change edits it', async () => {
    const base = listedCommit({
      'db/migrations/0001_init.up.sql': init,
      'db/migrations/0002_customer.up.sql': shipped.replace('customer_id, id', 'customer_id'),
      'db/migrations/0003_drop_first.up.sql': written,
    });
    const result = await review(new MemoryFileSet(head), { migrationBase: base });
    expect(lockFindings(result)).toEqual(['db/migrations/0002_customer.up.sql']);
  });

  it('reads the base when its listing has no blob ids (a directory on disk)', async () => {
    const base = new MemoryFileSet({
      'db/migrations/0001_init.up.sql': init,
      'db/migrations/0002_customer.up.sql': shipped,
    });
    const result = await review(new MemoryFileSet(head), { migrationBase: base });
    expect(result.migrations?.judgedFiles).toEqual(['db/migrations/0003_drop_first.up.sql']);
  });

  it('without a base, judges the newest migration of each folder; with an unreadable one, the same', async () => {
    const twoFolders = {
      ...head,
      'other/migrations/0001_x.up.sql': init,
      'other/migrations/0002_y.up.sql': shipped,
    };
    const alone = await review(new MemoryFileSet(twoFolders));
    expect(lockFindings(alone)).toEqual([
      'db/migrations/0003_drop_first.up.sql',
      'other/migrations/0002_y.up.sql',
    ]);
    expect(alone.migrations).toMatchObject({ judged: 'newest-per-directory', notJudged: 3 });
    const broken: FileSet = {
      label: 'octo/app@dead',
      list: () => Promise.reject(new Error('404')),
      read: () => Promise.reject(new Error('404')),
      skipped: () => [],
    };
    const unreadable = await review(new MemoryFileSet(twoFolders), { migrationBase: broken });
    expect(unreadable.migrations).toEqual(alone.migrations);
  });

  it('says nothing about migrations in a project that has none', async () => {
    const result = await review(new MemoryFileSet({ 'render.yaml': 'services: []\n' }));
    expect(result.migrations).toBeUndefined();
  });
});
