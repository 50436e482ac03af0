import picomatch from 'picomatch';
import { DEFAULT_LIMITS, type FileContent, type FileSet, type SkipNote } from '../files/file-set.ts';
import { allSources } from '../sources/index.ts';
import type { Source, SourceFile } from '../sources/source.ts';
import { buildModel } from './build-model.ts';
import type { Diagnostic } from './location.ts';
import type { ModelFragment, ProjectModel } from './project-model.ts';

export interface ReadOptions {
  sources?: readonly Source[];
  /** Glob patterns (config `ignore`) whose files are never read. */
  ignore?: readonly string[];
  /** Extra paths to read besides the sources' (the config file). */
  alsoRead?: readonly string[];
  /** Cap on relevant files read; the rest are reported as skipped. */
  maxFiles?: number;
}

export interface ProjectReading {
  model: ProjectModel;
  /** Text of every file that was read, for inline suppressions and the config. */
  texts: Map<string, string>;
  skipped: SkipNote[];
}

/** files ─▶ sources ─▶ model: lists, picks relevant paths, reads them once, parses, merges. */
export async function readProject(files: FileSet, options: ReadOptions = {}): Promise<ProjectReading> {
  const sources = options.sources ?? allSources;
  const ignored = options.ignore?.length ? picomatch([...options.ignore], { dot: true }) : () => false;
  const skipped: SkipNote[] = [];

  const relevant: string[] = [];
  for (const entry of await files.list()) {
    if (!sources.some((source) => source.matches(entry.path))) continue;
    if (ignored(entry.path)) {
      skipped.push({ path: entry.path, reason: 'ignored by config' });
      continue;
    }
    relevant.push(entry.path);
  }
  relevant.sort();
  const maxFiles = options.maxFiles ?? DEFAULT_LIMITS.maxFiles;
  for (const path of relevant.splice(maxFiles)) {
    skipped.push({ path, reason: `more than ${maxFiles} relevant files` });
  }

  const contents = await files.read([...relevant, ...(options.alsoRead ?? [])]);
  const texts = new Map<string, string>();
  const diagnostics: Diagnostic[] = [];
  for (const content of contents.values()) {
    if (content.kind === 'text') texts.set(content.path, content.text);
    else diagnostics.push(unreadable(content));
  }

  const fragments: ModelFragment[] = [{ diagnostics }];
  for (const source of sources) {
    const mine: SourceFile[] = relevant
      .filter((path) => source.matches(path) && texts.has(path))
      .map((path) => ({ path, text: texts.get(path) as string }));
    if (mine.length === 0) continue;
    fragments.push(await readSafely(source, mine));
  }

  return { model: buildModel(fragments), texts, skipped: [...files.skipped(), ...skipped] };
}

function unreadable(content: Exclude<FileContent, { kind: 'text' }>): Diagnostic {
  const why =
    content.kind === 'binary'
      ? 'is binary, not text; it was not parsed'
      : `is ${formatBytes(content.size)}, over the size limit; it was not parsed`;
  return { severity: 'warning', origin: 'files', message: `${content.path} ${why}.`, location: { path: content.path, line: 1 } };
}

/** A source that throws is a bug of ours: report it against its first file and go on. */
async function readSafely(source: Source, files: SourceFile[]): Promise<ModelFragment> {
  try {
    return await source.read(files);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const path = files[0]?.path ?? '';
    return {
      diagnostics: [
        {
          severity: 'error',
          origin: source.id,
          message: `The ${source.id} reader failed on ${files.length} file(s): ${reason}`,
          location: { path, line: 1 },
        },
      ],
    };
  }
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.round(bytes / 1024)} KB`;
}
