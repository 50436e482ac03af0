import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

const root = new URL('../../', import.meta.url).pathname;

/** Every `node` on PATH outside this checkout (the machine's own), by version. */
export function machineNodes(): Map<string, string> {
  const found = new Map<string, string>();
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const node = join(dir, 'node');
    if (!dir || dir.startsWith(root) || !existsSync(node)) continue;
    const version = execFileSync(node, ['--version'], { encoding: 'utf8' }).trim();
    if (!found.has(version)) found.set(version, node);
  }
  return found;
}
