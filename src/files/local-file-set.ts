import { open, readdir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { classifyBytes } from './classify.ts';
import {
  DEFAULT_LIMITS,
  type FileContent,
  type FileEntry,
  type FileLimits,
  type FileSet,
  type SkipNote,
} from './file-set.ts';
import { isSkippedDirectory } from './skipped-directories.ts';

/** A directory on disk. Walks once, lazily; never follows symbolic links out of the tree. */
export class LocalFileSet implements FileSet {
  readonly label: string;
  readonly #root: string;
  readonly #limits: FileLimits;
  readonly #skipped: SkipNote[] = [];
  #entries?: Promise<FileEntry[]>;

  constructor(root: string, limits: FileLimits = DEFAULT_LIMITS) {
    this.#root = root;
    this.label = root;
    this.#limits = limits;
  }

  list(): Promise<FileEntry[]> {
    this.#entries ??= this.#walk();
    return this.#entries;
  }

  async read(paths: readonly string[]): Promise<Map<string, FileContent>> {
    const known = new Map((await this.list()).map((entry) => [entry.path, entry]));
    const result = new Map<string, FileContent>();
    for (const path of paths) {
      const entry = known.get(path);
      if (!entry) continue;
      result.set(path, await this.#readOne(entry));
    }
    return result;
  }

  skipped(): SkipNote[] {
    return [...this.#skipped];
  }

  async #readOne(entry: FileEntry): Promise<FileContent> {
    const size = entry.size ?? (await stat(join(this.#root, entry.path))).size;
    if (size > this.#limits.maxFileBytes) return { path: entry.path, kind: 'too-large', size };
    const handle = await open(join(this.#root, entry.path), 'r');
    try {
      return classifyBytes(entry.path, await handle.readFile());
    } finally {
      await handle.close();
    }
  }

  async #walk(): Promise<FileEntry[]> {
    const entries: FileEntry[] = [];
    const pending = [this.#root];
    while (pending.length > 0) {
      const dir = pending.pop() as string;
      for (const dirent of await readdir(dir, { withFileTypes: true })) {
        const absolute = join(dir, dirent.name);
        const path = relative(this.#root, absolute).split(sep).join('/');
        if (dirent.isDirectory()) {
          if (isSkippedDirectory(dirent.name))
            this.#skipped.push({ path: `${path}/`, reason: 'dependency, build or VCS folder' });
          else pending.push(absolute);
        } else if (dirent.isFile()) {
          entries.push({ path, size: (await stat(absolute)).size });
        }
      }
    }
    entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return entries;
  }
}
