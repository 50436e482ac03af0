import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { machineNodes } from '../helpers/machine-nodes.ts';

const root = new URL('../../', import.meta.url).pathname;
const example = join(root, 'examples/fastapi-render');

/** `npx` as a user runs it, with `node` on PATH being the one under test. */
function npx(node: string, cwd: string, ...args: string[]) {
  const run = spawnSync('npx', ['--offline', ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, PATH: [dirname(node), process.env.PATH].join(delimiter), NO_COLOR: '1' },
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('the packed package', () => {
  let work: string;
  let project: string;
  let tarballFiles: string[];

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'headroom-pack-'));
    // `npm pack` runs `prepack`, which builds dist/cli.js: the tarball is complete from a clean checkout.
    const output = execFileSync('npm', ['pack', '--json', '--pack-destination', work], {
      cwd: root,
      encoding: 'utf8',
    });
    // The prepack build's own lines come before npm's JSON.
    const [packed] = JSON.parse(output.slice(output.search(/^\[/m)));
    tarballFiles = packed.files.map((file: { path: string }) => file.path);
    project = join(work, 'project');
    execFileSync('mkdir', [project]);
    await writeFile(join(project, 'package.json'), '{ "name": "uses-headroom", "private": true }\n');
    execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', join(work, packed.filename)], {
      cwd: project,
      encoding: 'utf8',
    });
  }, 120_000);

  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  it('holds what runs and its documentation, not the sources, tests or examples', () => {
    expect(tarballFiles).toEqual(
      expect.arrayContaining([
        'dist/cli.js',
        'package.json',
        'README.md',
        'LICENSE',
        'schema/headroom.schema.json',
        'rules/index/unindexed-foreign-key.md',
      ]),
    );
    expect(tarballFiles.filter((path) => /^(src|test|examples|bench|scripts)\//.test(path))).toEqual([]);
  });

  it('installs with nothing else: the CLI bundles its dependencies', async () => {
    expect(await readdir(join(project, 'node_modules'))).toEqual(['.bin', '.package-lock.json', 'headroom']);
  });

  it('reviews an example with `npx headroom` on the Node that runs the tests', () => {
    const { code, stdout, stderr } = npx(process.execPath, project, 'headroom', example);
    expect(stderr).toBe('');
    expect(code).toBe(1);
    expect(stdout).toContain('migrations/001_init.sql:19  index/unindexed-foreign-key  photos.album_id');
  });

  it('prints the same review on the machine’s own Node (20 here), where Node would not strip types', () => {
    const others = [...machineNodes()].filter(([version]) => version !== process.version);
    if (process.env.CI) expect(others.map(([version]) => version.split('.')[0])).toContain('v20');
    const onTestNode = npx(process.execPath, project, 'headroom', example, '--format', 'json');
    for (const [version, node] of others) {
      const run = npx(node, project, 'headroom', example, '--format', 'json');
      expect({ version, code: run.code, stderr: run.stderr }).toEqual({ version, code: 1, stderr: '' });
      expect(JSON.parse(run.stdout).findings).toEqual(JSON.parse(onTestNode.stdout).findings);
    }
  });
});
