import picomatch from 'picomatch';
import { DEFAULT_LIMITS, type FileContent, type FileSet, type SkipNote } from '../files/file-set.ts';
import { type PhaseClock, timeWith } from '../review/phase-clock.ts';
import { allSources } from '../sources/index.ts';
import type { Source, SourceFile } from '../sources/source.ts';
import { buildModel } from './build-model.ts';
import type { Diagnostic } from './location.ts';
import type { ModelFragment, ProjectModel } from './project-model.ts';

export interface ReadOptions {
  sources?: readonly Source[];
  /** Glob patterns (config `ignore`) whose files are never parsed. */
  ignore?: readonly string[];
  /** Extra paths to read in the same batch as the sources' files (the config file). */
  alsoRead?: readonly string[];
  /** Cap on relevant files read; the rest are reported as skipped. */
  maxFiles?: number;
  /** Milliseconds the sources may take together; sources not started by then are skipped, and say so. */
  timeBudgetMs?: number;
  /** Records the time of each phase (list, read, each source, model) when given. */
  clock?: PhaseClock;
}

/** Long enough for the 5,000-migration benchmark several times over; short enough for a webhook's patience. */
export const DEFAULT_TIME_BUDGET_MS = 120_000;

export interface ProjectReading {
  model: ProjectModel;
  /** Text of every file that was read, for inline suppressions and the config. */
  texts: Map<string, string>;
  skipped: SkipNote[];
}

/** The relevant files of a set, read in one batch (so a GitHub commit costs one query). */
export interface CollectedFiles {
  relevant: string[];
  /** The sources that want each relevant path, asked once per listed path. */
  readers: Map<string, Source[]>;
  texts: Map<string, string>;
  unreadable: Diagnostic[];
  skipped: SkipNote[];
}

/** files ─▶ sources ─▶ model in one call; reviews split it to read the config in the same batch. */
export async function readProject(files: FileSet, options: ReadOptions = {}): Promise<ProjectReading> {
  return parseProject(await collectFiles(files, options), options);
}

/** Lists, picks the paths some source wants (by path alone), and reads them once. */
export async function collectFiles(files: FileSet, options: ReadOptions = {}): Promise<CollectedFiles> {
  const sources = options.sources ?? allSources;
  const time = timeWith(options.clock);
  const readers = new Map<string, Source[]>();
  const wanted = new Set<Source>();
  for (const { path } of await time('list', () => files.list()))
    for (const source of sources) {
      if (!source.matches(path)) continue;
      wanted.add(source);
      const wanting = readers.get(path);
      if (wanting) wanting.push(source);
      else readers.set(path, [source]);
    }
  const relevant = [...readers.keys()].sort();
  // A load that fails fails again in the source's read, which reports it.
  for (const source of wanted) source.preload?.().catch(() => undefined);
  const maxFiles = options.maxFiles ?? DEFAULT_LIMITS.maxFiles;
  const skipped: SkipNote[] = relevant
    .splice(maxFiles)
    .map((path) => ({ path, reason: `more than ${maxFiles} relevant files` }));
  const contents = await time('read', () => files.read([...relevant, ...(options.alsoRead ?? [])]));
  const texts = new Map<string, string>();
  const unreadableFiles: Diagnostic[] = [];
  for (const content of contents.values()) {
    if (content.kind === 'text') texts.set(content.path, content.text);
    else unreadableFiles.push(unreadable(content));
  }
  return { relevant, readers, texts, unreadable: unreadableFiles, skipped: [...files.skipped(), ...skipped] };
}

/** Hands each source its files (minus ignored ones) and merges what they read. */
export async function parseProject(
  collected: CollectedFiles,
  options: ReadOptions = {},
): Promise<ProjectReading> {
  const sources = options.sources ?? allSources;
  const time = timeWith(options.clock);
  const ignored = options.ignore?.length ? picomatch([...options.ignore], { dot: true }) : () => false;
  const skipped = [...collected.skipped];
  const parsed = collected.relevant.filter((path) => {
    if (!ignored(path)) return true;
    skipped.push({ path, reason: 'ignored by config' });
    return false;
  });
  const fragments: ModelFragment[] = [
    { diagnostics: collected.unreadable.filter((d) => parsed.includes(d.location.path)) },
  ];
  const filesOf = new Map<Source, SourceFile[]>(sources.map((source) => [source, []]));
  for (const path of parsed) {
    const text = collected.texts.get(path);
    if (text !== undefined)
      for (const source of collected.readers.get(path) ?? []) filesOf.get(source)?.push({ path, text });
  }
  const deadline = Date.now() + (options.timeBudgetMs ?? DEFAULT_TIME_BUDGET_MS);
  for (const source of sources) {
    const mine = filesOf.get(source) ?? [];
    if (mine.length === 0) continue;
    if (Date.now() > deadline) {
      for (const file of mine)
        skipped.push({
          path: file.path,
          reason: `the ${source.id} reader did not start within the time budget`,
        });
      continue;
    }
    fragments.push(await time(`parse ${source.id}`, () => readSafely(source, mine)));
  }
  return { model: time('model', () => buildModel(fragments)), texts: collected.texts, skipped };
}

function unreadable(content: Exclude<FileContent, { kind: 'text' }>): Diagnostic {
  const why =
    content.kind === 'binary'
      ? 'is binary, not text; it was not parsed'
      : `is ${formatBytes(content.size)}, over the size limit; it was not parsed`;
  return {
    severity: 'warning',
    origin: 'files',
    message: `${content.path} ${why}.`,
    location: { path: content.path, line: 1 },
  };
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
