import { execFileSync, spawnSync } from 'node:child_process';
import { classifyBytes } from './classify.ts';
import {
  DEFAULT_LIMITS,
  type FileContent,
  type FileEntry,
  type FileLimits,
  type FileSet,
  type SkipNote,
} from './file-set.ts';
import { isInSkippedDirectory } from './skipped-directories.ts';

/** Why a revision cannot be read: not a git checkout, an unknown ref, no git. Shown to the user as is. */
export class GitRevisionError extends Error {}

/**
 * A directory as it was at a revision of its local git repository (`--base main`): listed with
 * `git ls-tree`, read with one `git cat-file --batch`. No network: the ref must be in the clone.
 */
export class GitRevisionFileSet implements FileSet {
  readonly label: string;
  readonly #directory: string;
  readonly #commit: string;
  readonly #limits: FileLimits;
  readonly #skipped: SkipNote[] = [];
  #entries?: Map<string, Required<Pick<FileEntry, 'path' | 'size' | 'oid'>>>;

  /** Throws a `GitRevisionError` when the directory is not in a git checkout or the ref is unknown. */
  constructor(directory: string, ref: string, limits: FileLimits = DEFAULT_LIMITS) {
    this.#directory = directory;
    this.#limits = limits;
    const inside = git(directory, ['rev-parse', '--is-inside-work-tree']);
    if (inside.status !== 0 || inside.stdout.trim() !== 'true')
      throw new GitRevisionError(`${directory} is not inside a git checkout, so --base cannot be read`);
    const commit = git(directory, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
    if (commit.status !== 0)
      throw new GitRevisionError(
        `--base ${ref} is not a commit of this repository (fetch it first, e.g. git fetch origin ${ref})`,
      );
    this.#commit = commit.stdout.trim();
    this.label = `${ref}@${this.#commit.slice(0, 7)}`;
  }

  async list(): Promise<FileEntry[]> {
    return [...this.#listing().values()];
  }

  async read(paths: readonly string[]): Promise<Map<string, FileContent>> {
    const listing = this.#listing();
    const result = new Map<string, FileContent>();
    const wanted: Array<{ path: string; oid: string }> = [];
    for (const path of paths) {
      const entry = listing.get(path);
      if (!entry) continue;
      if (entry.size > this.#limits.maxFileBytes)
        result.set(path, { path, kind: 'too-large', size: entry.size });
      else wanted.push(entry);
    }
    if (wanted.length === 0) return result;
    const output = execFileSync('git', ['cat-file', '--batch'], {
      cwd: this.#directory,
      input: wanted.map((entry) => entry.oid).join('\n'),
      maxBuffer: 1024 * 1024 * 1024,
    });
    // Each object is `<oid> blob <size>\n<bytes>\n`, in the order asked.
    let at = 0;
    for (const entry of wanted) {
      const headerEnd = output.indexOf(0x0a, at);
      const size = Number(output.subarray(at, headerEnd).toString('latin1').split(' ')[2]);
      const bytes = output.subarray(headerEnd + 1, headerEnd + 1 + size);
      at = headerEnd + 1 + size + 1;
      result.set(entry.path, classifyBytes(entry.path, bytes));
    }
    return result;
  }

  skipped(): SkipNote[] {
    return [...this.#skipped];
  }

  #listing() {
    if (this.#entries) return this.#entries;
    // Run in the directory, ls-tree lists that folder only, with paths relative to it.
    const output = execFileSync('git', ['ls-tree', '-r', '-l', '-z', this.#commit], {
      cwd: this.#directory,
      maxBuffer: 1024 * 1024 * 1024,
    }).toString('utf8');
    const entries = new Map<string, Required<Pick<FileEntry, 'path' | 'size' | 'oid'>>>();
    let listed = 0;
    for (const record of output.split('\0')) {
      if (!record) continue;
      if (++listed > this.#limits.maxListedEntries) {
        this.#skipped.push({ path: '**', reason: `more than ${this.#limits.maxListedEntries} entries` });
        break;
      }
      // `<mode> <type> <oid> <size>\t<path>`
      const tab = record.indexOf('\t');
      const [mode, type, oid, size] = record.slice(0, tab).split(/ +/);
      const path = record.slice(tab + 1);
      if (type !== 'blob' || mode === '120000' || !oid || isInSkippedDirectory(path)) continue;
      entries.set(path, { path, size: Number(size), oid });
    }
    this.#entries = new Map([...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    return this.#entries;
  }
}

function git(cwd: string, args: string[]) {
  const run = spawnSync('git', args, { cwd, encoding: 'utf8' });
  if (run.error) throw new GitRevisionError(`git could not be run (${run.error.message})`);
  return run;
}
