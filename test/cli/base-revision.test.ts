import { execFileSync, spawnSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { temporaryDirectory } from '../temporary-directory.ts';

const root = new URL('../../', import.meta.url).pathname;
const node = join(root, 'node_modules/.bin/node');

function headroom(cwd: string, ...args: string[]) {
  const run = spawnSync(node, [join(root, 'src/delivery/cli/bin.ts'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

function git(cwd: string, ...args: string[]) {
  execFileSync('git', ['-c', 'user.email=dev@example.com', '-c', 'user.name=dev', ...args], { cwd });
}

const dir = 'supabase/migrations';
// Shipped migrations, each of which would be a lock-safety finding if it were written today.
const history = {
  [`${dir}/20240101000000_init.sql`]:
    'CREATE TABLE customers (id bigint PRIMARY KEY);\nCREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL REFERENCES customers (id));\nCREATE INDEX orders_customer_idx ON orders (customer_id);\n',
  [`${dir}/20240201000000_orders_id.sql`]:
    'CREATE INDEX orders_id_customer_idx ON orders (id, customer_id);\n',
  [`${dir}/20240301000000_orders_more.sql`]:
    'CREATE INDEX orders_customer_id_idx2 ON orders (customer_id, id);\n',
};

async function repository(): Promise<string> {
  const repo = await temporaryDirectory('headroom-base-');
  await mkdir(join(repo, dir), { recursive: true });
  for (const [path, text] of Object.entries(history)) await writeFile(join(repo, path), text);
  git(repo, 'init', '-q', '-b', 'main');
  git(repo, 'add', '.');
  git(repo, 'commit', '-q', '-m', 'history');
  git(repo, 'checkout', '-q', '-b', 'feature');
  await writeFile(
    join(repo, `${dir}/20240401000000_customers_email.sql`),
    'ALTER TABLE customers ADD COLUMN email text;\nCREATE UNIQUE INDEX customers_email_idx ON customers (email);\n',
  );
  // An edit to a shipped migration is judged again: it is part of the change.
  await writeFile(
    join(repo, `${dir}/20240201000000_orders_id.sql`),
    'CREATE INDEX orders_id_customer_idx ON orders (id, customer_id);\nDROP INDEX orders_customer_idx;\n',
  );
  git(repo, 'add', '.');
  git(repo, 'commit', '-q', '-m', 'feature');
  return repo;
}

const lockFindings = (stdout: string) =>
  JSON.parse(stdout)
    .findings.filter((f: { ruleId: string }) => f.ruleId === 'index/non-concurrent-index')
    .map((f: { location: { path: string; line: number }; status?: string }) => [
      f.location.path.replace(`${dir}/`, ''),
      f.location.line,
      f.status,
    ]);

/** The JSON review of `cwd` against main, advisory so the exit status is the report's own. */
const againstMain = (cwd: string) =>
  headroom(cwd, '.', '--base', 'main', '--format', 'json', '--fail-on', 'never');

describe('headroom --base REF', () => {
  it('judges only the migrations the change adds or edits, as new, and lists none of the history', async () => {
    const repo = await repository();
    const { code, stdout, stderr } = againstMain(repo);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(lockFindings(stdout)).toEqual([
      ['20240201000000_orders_id.sql', 1, 'new'],
      ['20240201000000_orders_id.sql', 2, 'new'],
      ['20240401000000_customers_email.sql', 2, 'new'],
    ]);
    const result = JSON.parse(stdout);
    expect(result.compared).toBe(true);
    expect(result.migrations).toMatchObject({ judged: 'changed-since-base', notJudged: 2 });
    expect(result.migrations.base).toMatch(/^main@[0-9a-f]{7}$/);
  });

  it('without --base, judges the newest migration of each folder and says how many it left', async () => {
    const repo = await repository();
    const json = headroom(repo, '.', '--format', 'json', '--fail-on', 'never');
    expect(lockFindings(json.stdout)).toEqual([['20240401000000_customers_email.sql', 2, undefined]]);
    const text = headroom(repo, '.', '--fail-on', 'never');
    expect(text.stdout).toContain(
      'Migration safety was judged on the newest migration of each migrations folder; 3 older migrations were not judged',
    );
    expect(text.stdout).toContain('`headroom --base main`');
  });

  it('with --base, the text report says how many migrations on the base were not judged', async () => {
    const repo = await repository();
    const { stdout } = headroom(repo, '.', '--base', 'main', '--fail-on', 'never');
    expect(stdout).toContain('judged on the 2 migrations this change adds or edits; 2 already on main@');
  });

  it('refuses an unknown ref or a directory outside git with one clear line and exit 2', async () => {
    const repo = await repository();
    const unknown = headroom(repo, '.', '--base', 'no-such-branch');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe(
      'headroom: --base no-such-branch is not a commit of this repository (fetch it first, e.g. git fetch origin no-such-branch)\n',
    );
    const plain = await temporaryDirectory('headroom-nogit-');
    const outside = headroom(plain, '.', '--base', 'main');
    expect(outside.code).toBe(2);
    expect(outside.stderr).toMatch(/^headroom: .* is not inside a git checkout, so --base cannot be read\n$/);
  });

  it('reads a subfolder of the repository at the base revision with paths relative to it', async () => {
    const repo = await repository();
    const { stdout } = againstMain(join(repo, 'supabase'));
    expect(JSON.parse(stdout).migrations).toMatchObject({ judged: 'changed-since-base', notJudged: 2 });
  });
});
