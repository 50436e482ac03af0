import { byCodeUnits } from '../model/text-order.ts';
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

/** Files held in memory: tests, and callers that already have the contents. */
export class MemoryFileSet implements FileSet {
  readonly label: string;
  readonly #files: Map<string, Uint8Array>;
  readonly #limits: FileLimits;
  readonly #skipped: SkipNote[] = [];

  constructor(
    files: Record<string, string | Uint8Array>,
    options: { label?: string; limits?: FileLimits } = {},
  ) {
    this.label = options.label ?? 'memory';
    this.#limits = options.limits ?? DEFAULT_LIMITS;
    this.#files = new Map();
    const encoder = new TextEncoder();
    for (const [path, content] of Object.entries(files)) {
      if (isInSkippedDirectory(path)) {
        this.#skipped.push({ path, reason: 'dependency, build or VCS folder' });
        continue;
      }
      this.#files.set(path, typeof content === 'string' ? encoder.encode(content) : content);
    }
  }

  async list(): Promise<FileEntry[]> {
    return [...this.#files]
      .map(([path, bytes]) => ({ path, size: bytes.byteLength }))
      .sort((a, b) => byCodeUnits(a.path, b.path));
  }

  async read(paths: readonly string[]): Promise<Map<string, FileContent>> {
    const result = new Map<string, FileContent>();
    for (const path of paths) {
      const bytes = this.#files.get(path);
      if (!bytes) continue;
      result.set(
        path,
        bytes.byteLength > this.#limits.maxFileBytes
          ? { path, kind: 'too-large', size: bytes.byteLength }
          : classifyBytes(path, bytes),
      );
    }
    return result;
  }

  skipped(): SkipNote[] {
    return [...this.#skipped];
  }
}
