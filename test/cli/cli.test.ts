import { spawnSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { temporaryDirectory } from '../temporary-directory.ts';

const root = new URL('../../', import.meta.url).pathname;
const node = join(root, 'node_modules/.bin/node');

/** Runs the CLI from source, as `npm run headroom` does (test/package runs the packed build). */
function headroom(...args: string[]) {
  return spawn(join(root, 'src/delivery/cli/bin.ts'), args);
}

function spawn(script: string, args: string[]) {
  const run = spawnSync(node, [script, ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('the headroom CLI', () => {
  it('reviews the bundled example, finds the unindexed foreign keys at their lines, and exits 1 for a failed gate', () => {
    const { code, stdout } = headroom('examples/fastapi-render');
    expect(code).toBe(1);
    expect(stdout).toContain('migrations/001_init.sql:19  index/unindexed-foreign-key  photos.album_id');
    expect(stdout).toContain('migrations/002_likes.sql:3  index/unindexed-foreign-key  likes.photo_id');
    expect(stdout).not.toContain('\u001b[');
  });

  it('exits 0 when the gate passes, e.g. with --fail-on never', () => {
    expect(headroom('examples/fastapi-render', '--fail-on', 'never').code).toBe(0);
  });

  it('writes any format to --output', async () => {
    const dir = await temporaryDirectory('headroom-cli-');
    const out = join(dir, 'review.json');
    const { code, stdout } = headroom('examples/nextjs-prisma-supabase', '--format', 'json', '--output', out);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    const json = JSON.parse(await readFile(out, 'utf8'));
    expect(json).toMatchObject({
      schemaVersion: 1,
      tool: { name: 'headroom' },
      gate: { conclusion: 'failure' },
    });
  });

  it('applies --config and --tier', async () => {
    const dir = await temporaryDirectory('headroom-cli-');
    await mkdir(join(dir, 'migrations'));
    await writeFile(join(dir, 'migrations/001.sql'), 'CREATE TABLE t (a int);\n');
    await writeFile(join(dir, 'strict.yml'), 'failOn: note\n');
    expect(headroom(dir, '--tier', 'launch').code).toBe(0);
    expect(headroom(dir, '--tier', 'launch', '--config', join(dir, 'strict.yml')).code).toBe(1);
  });

  it('reads a --config outside the reviewed directory and names it in its diagnostics', async () => {
    const dir = await temporaryDirectory('headroom-cli-');
    const project = join(dir, 'project');
    await mkdir(join(project, 'migrations'), { recursive: true });
    await writeFile(join(project, 'migrations/001.sql'), 'CREATE TABLE t (a int);\n');
    await writeFile(join(dir, 'shared.yml'), 'tier: launch\nfailOn: note\nfailon: note\n');
    const run = headroom(project, '--config', join(dir, 'shared.yml'));
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('(tier: launch)');
    expect(run.stdout).toContain(`${join(dir, 'shared.yml')}:3`);
  });

  it('exits 2 with one line when --output cannot be written or --config cannot be read', async () => {
    const dir = await temporaryDirectory('headroom-cli-');
    expect(headroom('examples/fastapi-render', '--output', join(dir, 'no/such/dir/out.txt'))).toEqual({
      code: 2,
      stdout: '',
      stderr: `headroom: cannot write ${join(dir, 'no/such/dir/out.txt')}: no such file or directory\n`,
    });
    expect(headroom('examples/fastapi-render', '--config', 'missing.yml')).toEqual({
      code: 2,
      stdout: '',
      stderr: 'headroom: cannot read config file missing.yml: no such file or directory\n',
    });
  });

  it('exits 2 with one clear line for a missing directory, an unknown flag or a bad value', () => {
    expect(headroom('no/such/dir')).toMatchObject({
      code: 2,
      stderr: 'headroom: no/such/dir is not a directory\n',
    });
    const flag = headroom('--colour');
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain("Unknown option '--colour'");
    const format = headroom('.', '--format', 'xml');
    expect(format).toMatchObject({ code: 2 });
    expect(format.stderr).toContain('--format must be one of text, markdown, json, sarif; got "xml"');
  });

  it('prints help and version', () => {
    expect(headroom('--help')).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('Usage: headroom [directory] [options]'),
    });
    expect(headroom('--version').stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});
