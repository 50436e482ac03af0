import type { FileSet } from '../files/file-set.ts';
import { gitBlobId } from '../files/git-blob-id.ts';
import type { MigrationFile } from '../model/project-model.ts';

/**
 * Which migrations the rules about running a migration judged. A migration already on the base
 * branch has run: it is history. Without a base, only the newest migration of each migrations
 * directory is judged, as `atlas migrate lint --latest 1` does.
 */
export interface MigrationScope {
  judged: 'newest-per-directory' | 'changed-since-base';
  /** The base compared with (`main@1a2b3c4`, `owner/repo@sha`), when there is one. */
  base?: string;
  /** Migration files judged, in replay order. */
  judgedFiles: string[];
  /** Migration files left unjudged: on the base unchanged, or older than the newest. */
  notJudged: number;
}

/** Decides the scope from the replayed migrations and, when given, the base's file set. */
export async function scopeMigrations(
  migrations: readonly MigrationFile[],
  texts: ReadonlyMap<string, string>,
  base?: FileSet,
): Promise<MigrationScope> {
  const onBase = base
    ? await baseBlobIds(
        base,
        migrations.map((file) => file.path),
      ).catch(() => undefined)
    : undefined;
  // A base that cannot be read (the caller reports why) leaves the default scope.
  if (!base || !onBase) {
    const newest = new Map<string, string>();
    for (const file of migrations) newest.set(file.directory, file.path);
    const judgedFiles = migrations
      .filter((file) => newest.get(file.directory) === file.path)
      .map((f) => f.path);
    return { judged: 'newest-per-directory', judgedFiles, notJudged: migrations.length - judgedFiles.length };
  }
  const judgedFiles = migrations
    .filter((file) => onBase.get(file.path) !== gitBlobId(texts.get(file.path) ?? ''))
    .map((file) => file.path);
  return {
    judged: 'changed-since-base',
    base: base.label,
    judgedFiles,
    notJudged: migrations.length - judgedFiles.length,
  };
}

/** Blob ids of these paths on the base: from its listing when it has them, else from the text. */
async function baseBlobIds(base: FileSet, paths: readonly string[]): Promise<Map<string, string>> {
  const wanted = new Set(paths);
  const listed = (await base.list()).filter((entry) => wanted.has(entry.path));
  const ids = new Map<string, string>();
  for (const entry of listed) if (entry.oid) ids.set(entry.path, entry.oid);
  const unknown = listed.filter((entry) => !entry.oid).map((entry) => entry.path);
  if (unknown.length > 0)
    for (const content of (await base.read(unknown)).values())
      if (content.kind === 'text') ids.set(content.path, gitBlobId(content.text));
  return ids;
}

/** The one line a report says about the migrations it did not judge, or nothing. */
export function migrationScopeNote(scope: MigrationScope | undefined): string | undefined {
  if (!scope || scope.notJudged === 0) return undefined;
  const older = `${scope.notJudged} older migration${scope.notJudged === 1 ? '' : 's'}`;
  if (scope.judged === 'changed-since-base')
    return `Migration safety was judged on the ${count(scope.judgedFiles.length, 'migration')} this change adds or edits; ${scope.notJudged} already on ${scope.base ?? 'the base'} ${scope.notJudged === 1 ? 'has' : 'have'} run and ${scope.notJudged === 1 ? 'was' : 'were'} not judged.`;
  return `Migration safety was judged on the newest migration of each migrations folder; ${older} ${scope.notJudged === 1 ? 'was' : 'were'} not judged (they have likely run). To judge the ones a change adds or edits, compare with its base: \`headroom --base main\`.`;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
