/**
 * A read-only set of files: a local directory, a GitHub commit, or memory.
 * Listing never reads content, so relevance is decided by path before any byte is fetched.
 */
export interface FileSet {
  /** Human label for reports: a directory path, `owner/repo@sha`, `memory`. */
  readonly label: string;
  /** Every path in the set (POSIX, relative, no leading `./`), with sizes when known. */
  list(): Promise<FileEntry[]>;
  /** Reads the given paths, batched as the implementation sees fit. Unknown paths are absent. */
  read(paths: readonly string[]): Promise<Map<string, FileContent>>;
  /** What the set itself passed over (ignored folders, caps, a truncated tree). */
  skipped(): SkipNote[];
}

export interface FileEntry {
  path: string;
  size?: number;
  /** The git blob id, when the set knows it without reading (a commit's tree lists it). */
  oid?: string;
}

export type FileContent =
  | { path: string; kind: 'text'; text: string; size: number }
  | { path: string; kind: 'binary'; size: number }
  | { path: string; kind: 'too-large'; size: number };

export interface SkipNote {
  /** A path or a pattern (`node_modules/**`). */
  path: string;
  reason: string;
}

/** Caps every file set applies, so a huge repository cannot exhaust time or memory. */
export interface FileLimits {
  /** Larger files are reported as `too-large` and not read. */
  maxFileBytes: number;
  /** Only this many relevant files are read; the rest are listed as skipped. */
  maxFiles: number;
  /** A directory walk stops after this many entries (a GitHub tree stops at 100,000 itself). */
  maxListedEntries: number;
}

export const DEFAULT_LIMITS: FileLimits = {
  maxFileBytes: 5 * 1024 * 1024,
  maxFiles: 10_000,
  maxListedEntries: 500_000,
};
