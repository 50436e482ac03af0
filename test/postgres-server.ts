/**
 * Vitest global setup: gives the integration tests a PostgreSQL server on loopback.
 * Uses PGHOST when the caller provides one; otherwise starts a throwaway cluster from the
 * Debian `postgresql` package's binaries in a temporary directory, and stops it afterwards.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

const SUPERUSER = 'postgres';

export default function setup(project: TestProject): (() => void) | undefined {
  if (process.env.PGHOST) {
    project.provide('pg', { host: process.env.PGHOST, port: Number(process.env.PGPORT ?? 5432) });
    return undefined;
  }
  const bin = postgresBinaries();
  const dir = mkdtempSync(join(tmpdir(), 'headroom-pg-'));
  chmodSync(dir, 0o777);
  const data = join(dir, 'data');
  const port = 20000 + (process.pid % 20000);
  const asOwner = ownerCommand();
  run(asOwner, join(bin, 'initdb'), ['-D', data, '-U', SUPERUSER, '--auth=trust', '-E', 'UTF8', '--no-sync']);
  run(asOwner, join(bin, 'pg_ctl'), [
    '-D',
    data,
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`,
    '-l',
    join(dir, 'log'),
    '-w',
    'start',
  ]);
  project.provide('pg', { host: '127.0.0.1', port, user: SUPERUSER });
  return () => {
    run(asOwner, join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop']);
    rmSync(dir, { recursive: true, force: true });
  };
}

function postgresBinaries(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  const found = versions.map((v) => join(root, v, 'bin')).find((bin) => existsSync(join(bin, 'initdb')));
  if (!found) {
    throw new Error(
      'No PostgreSQL server found: install it (apt-get install postgresql) or set PGHOST to a running one.',
    );
  }
  return found;
}

/** PostgreSQL refuses to run as root; run its tools as the `postgres` user then. */
function ownerCommand(): string[] {
  return process.getuid?.() === 0 ? ['runuser', '-u', 'postgres', '--'] : [];
}

function run(prefix: string[], command: string, args: string[]): void {
  const [head, ...rest] = [...prefix, command, ...args];
  const result = spawnSync(head as string, rest, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr || result.stdout}`);
}

declare module 'vitest' {
  export interface ProvidedContext {
    pg: { host: string; port: number; user?: string };
  }
}
