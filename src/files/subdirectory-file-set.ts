import type { FileContent, FileEntry, FileSet, SkipNote } from './file-set.ts';

/** A folder of another file set, with paths relative to that folder (the Action's working-directory). */
export class SubdirectoryFileSet implements FileSet {
  readonly label: string;
  readonly #inner: FileSet;
  readonly #prefix: string;

  constructor(inner: FileSet, directory: string) {
    this.#inner = inner;
    this.#prefix = directory ? `${directory}/` : '';
    this.label = directory ? `${inner.label}/${directory}` : inner.label;
  }

  async list(): Promise<FileEntry[]> {
    return (await this.#inner.list())
      .filter((entry) => entry.path.startsWith(this.#prefix))
      .map((entry) => ({ ...entry, path: entry.path.slice(this.#prefix.length) }));
  }

  async read(paths: readonly string[]): Promise<Map<string, FileContent>> {
    const read = await this.#inner.read(paths.map((path) => this.#prefix + path));
    return new Map(
      [...read.values()].map((content) => [
        content.path.slice(this.#prefix.length),
        { ...content, path: content.path.slice(this.#prefix.length) },
      ]),
    );
  }

  skipped(): SkipNote[] {
    return this.#inner.skipped();
  }
}
