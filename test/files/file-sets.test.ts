import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../src/files/file-set.ts';
import { LocalFileSet } from '../../src/files/local-file-set.ts';
import { MemoryFileSet } from '../../src/files/memory-file-set.ts';
import { review } from '../../src/review/run-review.ts';
import { temporaryDirectory } from '../temporary-directory.ts';

async function tree(files: Record<string, string | Uint8Array>): Promise<string> {
  const root = await temporaryDirectory('headroom-files-');
  for (const [path, content] of Object.entries(files)) {
    await mkdir(join(root, path, '..'), { recursive: true });
    await writeFile(join(root, path), content);
  }
  return root;
}

describe('LocalFileSet', () => {
  it('lists files with POSIX paths and skips dependency and VCS folders, saying so', async () => {
    const root = await tree({
      'render.yaml': 'services: []\n',
      'prisma/schema.prisma': 'model A { id Int @id }\n',
      'node_modules/x/package.json': '{}',
      '.git/config': '[core]',
      'web/.next/server.js': '',
    });
    const files = new LocalFileSet(root);
    expect((await files.list()).map((e) => e.path)).toEqual(['prisma/schema.prisma', 'render.yaml']);
    expect(
      files
        .skipped()
        .map((s) => s.path)
        .sort(),
    ).toEqual(['.git/', 'node_modules/', 'web/.next/']);
  });

  it('reads only what is asked, and classifies binary and oversized files without returning their bytes', async () => {
    const root = await tree({
      'a.sql': 'select 1;',
      'b.sql': new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]),
      'big.sql': 'x'.repeat(2048),
    });
    const files = new LocalFileSet(root, { ...DEFAULT_LIMITS, maxFileBytes: 1024, maxFiles: 10 });
    const read = await files.read(['a.sql', 'b.sql', 'big.sql', 'missing.sql']);
    expect(read.get('a.sql')).toEqual({ path: 'a.sql', kind: 'text', text: 'select 1;', size: 9 });
    expect(read.get('b.sql')).toMatchObject({ kind: 'binary', size: 6 });
    expect(read.get('big.sql')).toEqual({ path: 'big.sql', kind: 'too-large', size: 2048 });
    expect(read.has('missing.sql')).toBe(false);
  });

  it('treats invalid UTF-8 as binary rather than garbling it', async () => {
    const root = await tree({ 'latin1.env': new Uint8Array([0x41, 0x3d, 0xe9, 0x0a]) });
    const read = await new LocalFileSet(root).read(['latin1.env']);
    expect(read.get('latin1.env')?.kind).toBe('binary');
  });
});

describe('LocalFileSet on a hostile file system', () => {
  it('passes over names that are not UTF-8, symlink loops, FIFOs and files gone before reading, and says so', async () => {
    const root = await tree({ 'render.yaml': 'services: []\n', '.env': 'A=1\n', '.env.local': 'B=2\n' });
    // A file name with byte 0xFF, which Node can only decode with a replacement character.
    writeFileSync(
      Buffer.concat([Buffer.from(`${root}/`), Buffer.from([0xff]), Buffer.from('.env')]),
      'C=3\n',
    );
    await symlink(join(root, 'loop'), join(root, 'loop'));
    execFileSync('mkfifo', [join(root, 'pipe.env')]);
    const files = new LocalFileSet(root);
    expect((await files.list()).map((e) => e.path)).toEqual(['.env', '.env.local', 'render.yaml']);
    await rm(join(root, '.env.local'));
    const read = await files.read(['.env', '.env.local', 'render.yaml']);
    expect([...read.keys()]).toEqual(['.env', 'render.yaml']);
    expect(files.skipped()).toEqual([
      { path: '\uFFFD.env', reason: 'its name is not valid UTF-8' },
      { path: '.env.local', reason: 'cannot be read (ENOENT)' },
    ]);
  });

  it('stops a walk past its entry cap, and says where', async () => {
    const root = await tree({
      'a/1.env': 'A=1',
      'a/2.env': 'A=2',
      'b/1.env': 'B=1',
      'b/2.env': 'B=2',
      'render.yaml': '',
    });
    const files = new LocalFileSet(root, { ...DEFAULT_LIMITS, maxListedEntries: 5 });
    // The root lists 3 entries; the next folder walked (b, last in, first out) brings 5 in all.
    expect((await files.list()).map((e) => e.path)).toEqual(['b/1.env', 'b/2.env', 'render.yaml']);
    expect(files.skipped()).toEqual([
      {
        path: 'a/',
        reason: 'the walk stopped here, past 5 entries; this folder and those not yet walked were not read',
      },
    ]);
  });

  it('still reviews the rest of such a directory', async () => {
    const root = await tree({ 'render.yaml': 'services:\n  - type: web\n    name: api\n    plan: free\n' });
    writeFileSync(
      Buffer.concat([Buffer.from(`${root}/`), Buffer.from([0xfe, 0xff]), Buffer.from('.yaml')]),
      'x',
    );
    const result = await review(new LocalFileSet(root));
    expect(result.findings.map((f) => f.ruleId)).toContain('plan/free-web-sleeps');
    expect(result.skipped).toContainEqual({
      path: '\uFFFD\uFFFD.yaml',
      reason: 'its name is not valid UTF-8',
    });
  });
});

describe('MemoryFileSet', () => {
  it('behaves like a directory: sorted listing, skipped folders, size cap', async () => {
    const files = new MemoryFileSet(
      {
        'z.sql': 'select 1;',
        'a/.env': 'A=1',
        'node_modules/p/package.json': '{}',
        'huge.sql': 'y'.repeat(100),
      },
      { limits: { ...DEFAULT_LIMITS, maxFileBytes: 50, maxFiles: 10 } },
    );
    expect((await files.list()).map((e) => e.path)).toEqual(['a/.env', 'huge.sql', 'z.sql']);
    expect(files.skipped()).toEqual([
      { path: 'node_modules/p/package.json', reason: 'dependency, build or VCS folder' },
    ]);
    expect((await files.read(['huge.sql'])).get('huge.sql')?.kind).toBe('too-large');
  });
});

describe('the time budget', () => {
  it('skips the sources that did not start in time, listing their files, and still returns the rest', async () => {
    const { readProject } = await import('../../src/model/read-project.ts');
    const files = new MemoryFileSet({
      'render.yaml': 'services: []\n',
      'migrations/001.sql': 'CREATE TABLE t (id int PRIMARY KEY);\n',
    });
    const reading = await readProject(files, { timeBudgetMs: -1 });
    expect(reading.skipped.map((s) => s.path).sort()).toEqual(['migrations/001.sql', 'render.yaml']);
    expect(reading.skipped[0]?.reason).toContain('time budget');
    expect((await readProject(files)).model.schemas).toHaveLength(1);
  });
});
