import { inTestFolder } from '../../files/test-folders.ts';
import type { MigrationTool } from '../../model/project-model.ts';
import { type SqlDialect, sqlDialectOf } from './dialect.ts';

/** Where a migration file sits: its tool, its replay group, and its sort key within it. */
export interface MigrationPlace {
  tool: MigrationTool;
  directory: string;
  /** Compared with `compareOrder`: the version or name the tool sorts by. */
  order: string;
  /** Sorts before `order`: Flyway runs repeatable scripts after every versioned one. */
  phase: number;
  transactional: boolean;
  /** The engine the file is written for, when its name or folder says; otherwise every engine's. */
  dialect?: SqlDialect;
}

/**
 * What the files next to the migrations say about the tool (read by path, like the SQL):
 * Prisma writes `migration_lock.toml` into its migrations folder, Drizzle Kit writes
 * `meta/_journal.json` into its `out` folder, listing the migrations in the order it applies them.
 */
export interface LayoutEvidence {
  prismaDirectories: Set<string>;
  /** Drizzle `out` folder → migration tag (file name without `.sql`) → its journal position. */
  drizzleJournals: Map<string, Map<string, number>>;
}

const PRISMA_LOCK = 'migration_lock.toml';
const DRIZZLE_JOURNAL = 'meta/_journal.json';
const MIGRATION_DIRS = new Set(['migrations', 'migration', 'drizzle', 'migrate']);
/**
 * Besides test folders (ory/kratos keeps 1,100 migrations under `oryx/popx/stub/`): the squashed
 * history a project keeps beside its live set (kratos's `migrations/legacy/`, which its binary
 * does not embed).
 */
const HISTORY_DIRS = new Set(['legacy', 'archive', 'archived', 'deprecated']);

const SQL_FILE = /\.sql$/i;

/** Whether a file is read for `LayoutEvidence` rather than replayed. */
export function isLayoutEvidence(path: string): boolean {
  return path === PRISMA_LOCK || path.endsWith(`/${PRISMA_LOCK}`) || path.endsWith(`/${DRIZZLE_JOURNAL}`);
}

/** Collects the evidence; a journal that does not parse is simply not evidence. */
export function layoutEvidence(files: ReadonlyArray<{ path: string; text: string }>): LayoutEvidence {
  const evidence: LayoutEvidence = { prismaDirectories: new Set(), drizzleJournals: new Map() };
  for (const file of files) {
    if (file.path.endsWith(PRISMA_LOCK)) {
      evidence.prismaDirectories.add(parentOf(file.path));
    } else if (file.path.endsWith(DRIZZLE_JOURNAL)) {
      const tags = journalTags(file.text);
      if (tags) evidence.drizzleJournals.set(parentOf(parentOf(file.path)), tags);
    }
  }
  return evidence;
}

function journalTags(text: string): Map<string, number> | undefined {
  try {
    const entries: unknown = JSON.parse(text)?.entries;
    if (!Array.isArray(entries)) return undefined;
    const tags = new Map<string, number>();
    for (const entry of entries) {
      if (typeof entry?.tag === 'string')
        tags.set(entry.tag, typeof entry.idx === 'number' ? entry.idx : tags.size);
    }
    return tags;
  } catch {
    return undefined;
  }
}

/**
 * Recognises the common layouts by path (platform-facts §3.3). Down migrations, Flyway undo
 * scripts and `.sql` files outside a migrations folder are not replayed.
 *
 * `transactional` says whether the tool runs a whole file in one transaction, which is what
 * makes `CREATE INDEX CONCURRENTLY` fail in it:
 * - Prisma sends each `migration.sql` as one script;
 * - Supabase: "We are running each migration file in its own transaction" (supabase/cli#2898);
 * - Drizzle's `migrate()` wraps the pending migrations in one transaction
 *   (drizzle-team/drizzle-orm#860, #6133);
 * - golang-migrate sends a file as one multi-statement query, an implicit transaction
 *   (mattes/migrate#246);
 * - Flyway and node-pg-migrate wrap each migration in a transaction by default on PostgreSQL.
 * Plain folders and Hasura are run by whatever script the team wrote: not assumed.
 */
export function migrationPlace(path: string, evidence?: LayoutEvidence): MigrationPlace | undefined {
  const parts = replayableParts(path);
  const place = parts && toolPlace(parts, evidence);
  const dialect = place && sqlDialectOf(parts);
  return dialect ? { ...place, dialect } : place;
}

/**
 * Whether `migrationPlace` places the file, without its dialect: every listed path is asked,
 * before any file is read.
 */
export function isMigrationPath(path: string): boolean {
  const parts = replayableParts(path);
  return parts !== undefined && toolPlace(parts, undefined) !== undefined;
}

/** The path's parts, when it is a `.sql` file outside test folders and kept history. */
function replayableParts(path: string): string[] | undefined {
  if (!SQL_FILE.test(path) || inTestFolder(path)) return undefined;
  const parts = path.split('/');
  return parts.slice(0, -1).some((part) => HISTORY_DIRS.has(part.toLowerCase())) ? undefined : parts;
}

function toolPlace(
  parts: readonly string[],
  evidence: LayoutEvidence | undefined,
): MigrationPlace | undefined {
  const file = parts.at(-1) as string;
  const parent = parts.at(-2);
  const grandparent = parts.at(-3);
  const dir = (n: number) => parts.slice(0, parts.length - n).join('/');
  const place = (tool: MigrationTool, directory: string, order: string, transactional: boolean) => ({
    tool,
    directory,
    order,
    phase: 0,
    transactional,
  });
  const mentionsDrizzle = parts.some((part) => part.toLowerCase().includes('drizzle'));

  // `<dir>/<timestamp>_<name>/migration.sql`: Prisma, or Drizzle Kit's folder layout.
  if (file === 'migration.sql' && parent && grandparent) {
    const directory = dir(2);
    const prisma =
      evidence?.prismaDirectories.has(directory) || (!mentionsDrizzle && grandparent === 'migrations');
    return place(prisma ? 'prisma' : 'drizzle', directory, parent, true);
  }
  // Hasura: `migrations/<database>/<timestamp>_<name>/up.sql`.
  if (file === 'up.sql' && parent && parts.includes('migrations')) {
    return place('plain', dir(2), parent, false);
  }
  if (file === 'down.sql' || file.endsWith('.down.sql')) return undefined;
  if (file.endsWith('.up.sql')) return place('golang-migrate', dir(1), file, true);

  const flyway = /^([VR])([0-9._]*)__.+\.sql$/i.exec(file);
  if (flyway) {
    if (flyway[1]?.toUpperCase() === 'R') return { ...place('flyway', dir(1), file, true), phase: 1 };
    return place('flyway', dir(1), (flyway[2] ?? '').replaceAll('_', '.'), true);
  }
  if (/^U[0-9]/.test(file)) return undefined;

  const directory = dir(1);
  const journal = evidence?.drizzleJournals.get(directory);
  if (journal) {
    const position = journal.get(file.slice(0, -'.sql'.length));
    // Drizzle applies what its journal lists, in the journal's order; other files wait at the end.
    return position === undefined
      ? { ...place('drizzle', directory, file, true), phase: 1 }
      : place('drizzle', directory, String(position), true);
  }
  if (parent === 'migrations' && grandparent === 'supabase') return place('supabase', directory, file, true);
  if (!parts.slice(0, -1).some((part) => MIGRATION_DIRS.has(part.toLowerCase()))) return undefined;
  if (mentionsDrizzle) return place('drizzle', directory, file, true);
  if (parent === 'migrations') return place('node-pg-migrate', directory, file, true);
  return place('plain', directory, file, false);
}

/** A version or name split into runs of digits (with their value) and of other characters. */
type VersionRuns = Array<{ text: string; value?: bigint }>;

function versionRuns(order: string): VersionRuns {
  return (order.match(/\d+|\D+/g) ?? []).map((text) =>
    /^\d/.test(text) ? { text, value: BigInt(text) } : { text },
  );
}

/** Numeric-aware: runs of digits by value and everything else by code unit. */
function compareRuns(left: VersionRuns, right: VersionRuns): number {
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const x = left[i] as VersionRuns[number];
    const y = right[i] as VersionRuns[number];
    if (x.text === y.text) continue;
    if (x.value !== undefined && y.value !== undefined) {
      if (x.value !== y.value) return x.value < y.value ? -1 : 1;
      continue;
    }
    return x.text < y.text ? -1 : 1;
  }
  return left.length - right.length;
}

/** Compares versions as the tools do, so `2_x` < `10_x` and `1.9` < `1.10`. */
export function compareVersions(a: string, b: string): number {
  return compareRuns(versionRuns(a), versionRuns(b));
}

/**
 * The tools' own ordering: phase first, then numeric-aware, then by path. Each order is split
 * once, not once per comparison: 800 migrations are compared about 8,000 times.
 */
export function inToolOrder<T extends { file: { path: string }; place: MigrationPlace }>(items: T[]): T[] {
  return items
    .map((item) => ({ item, runs: versionRuns(item.place.order) }))
    .sort(
      (a, b) =>
        a.item.place.phase - b.item.place.phase ||
        compareRuns(a.runs, b.runs) ||
        (a.item.file.path < b.item.file.path ? -1 : 1),
    )
    .map(({ item }) => item);
}

function parentOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}
