import type { FileContent } from '../files/file-set.ts';
import type { ModelFragment } from '../model/project-model.ts';

/**
 * One parser per kind of file, all with this shape (like knip's plugins), so adding a
 * platform means adding a folder under `src/sources/` and one line in `index.ts`.
 *
 * A source never throws on bad input: it returns what it could read plus diagnostics
 * (in `fragment.diagnostics`) with file and line.
 */
export interface Source {
  /** Short id used as diagnostic origin: `render`, `prisma`, `sql`, `env`… */
  id: string;
  /**
   * Starts loading a large parser (PostgreSQL's WebAssembly) as soon as the listing shows files
   * for it, so that it loads while the files are read; `read` still awaits the load itself.
   */
  preload?(): Promise<void>;
  /** Decides relevance from the path alone, before any content is read. */
  matches(path: string): boolean;
  /** Parses every matching file at once (migrations replay in order; Prisma may span files). */
  read(files: SourceFile[]): Promise<ModelFragment> | ModelFragment;
}

/** A relevant file as sources receive it; binary and too-large files are filtered out before. */
export interface SourceFile {
  path: string;
  text: string;
}

export function isText(file: FileContent): file is Extract<FileContent, { kind: 'text' }> {
  return file.kind === 'text';
}
