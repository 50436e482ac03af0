import { closeSync, type Dirent, fstatSync, openSync, readdirSync, readSync } from 'node:fs';
import { join } from 'node:path';
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

/**
 * A directory on disk. Walks once, lazily; never follows symbolic links out of the tree.
 * Reads are synchronous on purpose: a review reads thousands of small files, and each async read
 * costs a round trip through libuv's thread pool that, one after another, leaves the process idle
 * for most of the read phase. No caller serves other work while a local directory is read.
 */
export class LocalFileSet implements FileSet {
  readonly label: string;
  /** The root with one trailing separator: paths are appended to it (path.join costs a normalize each). */
  readonly #prefix: string;
  readonly #limits: FileLimits;
  readonly #skipped: SkipNote[] = [];
  #entries?: Promise<FileEntry[]>;

  constructor(root: string, limits: FileLimits = DEFAULT_LIMITS) {
    this.#prefix = join(root, '/');
    this.label = root;
    this.#limits = limits;
  }

  list(): Promise<FileEntry[]> {
    this.#entries ??= Promise.resolve(this.#walk());
    return this.#entries;
  }

  async read(paths: readonly string[]): Promise<Map<string, FileContent>> {
    const known = new Map((await this.list()).map((entry) => [entry.path, entry]));
    const result = new Map<string, FileContent>();
    for (const path of paths) {
      const entry = known.get(path);
      if (!entry) continue;
      try {
        result.set(path, this.#readOne(entry));
      } catch (error) {
        this.#skipped.push({ path, reason: `cannot be read (${errorCode(error)})` });
      }
    }
    return result;
  }

  skipped(): SkipNote[] {
    return [...this.#skipped];
  }

  /** One open, fstat and read per file: a stat before `readFileSync` cost a quarter more time. */
  #readOne(entry: FileEntry): FileContent {
    const fd = openSync(this.#prefix + entry.path, 'r');
    try {
      const size = entry.size ?? fstatSync(fd).size;
      if (size > this.#limits.maxFileBytes) return { path: entry.path, kind: 'too-large', size };
      const bytes = Buffer.allocUnsafe(size);
      let read = 0;
      while (read < size) {
        const count = readSync(fd, bytes, read, size - read, read);
        if (count === 0) break;
        read += count;
      }
      return classifyBytes(entry.path, bytes.subarray(0, read));
    } finally {
      closeSync(fd);
    }
  }

  #walk(): FileEntry[] {
    const entries: FileEntry[] = [];
    // Folders by their POSIX path from the root ('' is the root): paths are built by joining
    // names, which costs a fraction of path.relative on every entry of a large tree.
    const pending = [''];
    let listed = 0;
    while (pending.length > 0) {
      const dir = pending.pop() as string;
      let dirents: Dirent[];
      try {
        dirents = readdirSync(this.#prefix + dir, { withFileTypes: true });
      } catch (error) {
        // The root itself must be readable: the caller checked it is a directory.
        if (!dir) throw error;
        this.#skipped.push({ path: `${dir}/`, reason: `cannot be read (${errorCode(error)})` });
        continue;
      }
      listed += dirents.length;
      if (listed > this.#limits.maxListedEntries) {
        this.#skipped.push({
          path: dir ? `${dir}/` : './',
          reason: `the walk stopped here, past ${this.#limits.maxListedEntries} entries; this folder and those not yet walked were not read`,
        });
        break;
      }
      for (const dirent of dirents) {
        const path = dir ? `${dir}/${dirent.name}` : dirent.name;
        // Node decodes names as UTF-8; a name that is not cannot be opened by the decoded form.
        if (dirent.name.includes('\uFFFD')) {
          this.#skipped.push({ path, reason: 'its name is not valid UTF-8' });
          continue;
        }
        if (dirent.isDirectory()) {
          if (isSkippedDirectory(dirent.name))
            this.#skipped.push({ path: `${path}/`, reason: 'dependency, build or VCS folder' });
          else pending.push(path);
        } else if (dirent.isFile()) {
          // Sizes are taken when a file is read: most listed files never are.
          entries.push({ path });
        }
      }
    }
    entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return entries;
  }
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
}
