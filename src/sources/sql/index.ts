import type { Diagnostic, Location } from '../../model/location.ts';
import type {
  DbSchema,
  MigrationFile,
  MigrationOperation,
  ModelFragment,
} from '../../model/project-model.ts';
import { byteLineLocator } from '../byte-lines.ts';
import type { Source, SourceFile } from '../source.ts';
import { DIALECT_NAMES, replayedDialect } from './dialect.ts';
import {
  inToolOrder,
  isLayoutEvidence,
  isMigrationPath,
  type LayoutEvidence,
  layoutEvidence,
  type MigrationPlace,
  migrationPlace,
} from './layout.ts';
import { loadPostgresParser, parseSql } from './postgres-parser.ts';
import { SchemaReplay, type StatementContext } from './replay.ts';
import { upSection, withoutPlaceholders } from './sections.ts';
import { splitStatements } from './statements.ts';

/** Statements of one file that may fail before the rest of its failures are only counted. */
export const MAX_DIAGNOSTICS_PER_FILE = 5;
/** Statements of one file that are replayed; a data dump of more is not a schema migration. */
export const MAX_STATEMENTS_PER_FILE = 20_000;

/** SQL migrations in the common layouts, parsed by PostgreSQL's own parser and replayed in order. */
export const sqlSource: Source = {
  id: 'sql',
  matches: (path) => isLayoutEvidence(path) || isMigrationPath(path),
  preload: loadPostgresParser,
  async read(files) {
    await loadPostgresParser();
    return replayMigrations(files);
  },
};

/** Groups the files by migrations directory and replays each group in its tool's order. */
export function replayMigrations(
  files: readonly SourceFile[],
): Required<Pick<ModelFragment, 'schemas' | 'migrations' | 'diagnostics'>> {
  const evidence: LayoutEvidence = layoutEvidence(files);
  const groups = new Map<string, Array<{ file: SourceFile; place: MigrationPlace }>>();
  for (const file of files) {
    const place = isLayoutEvidence(file.path) ? undefined : migrationPlace(file.path, evidence);
    if (!place) continue;
    const group = groups.get(place.directory) ?? [];
    group.push({ file, place });
    groups.set(place.directory, group);
  }
  const fragment = {
    schemas: [] as DbSchema[],
    migrations: [] as MigrationFile[],
    diagnostics: [] as Diagnostic[],
  };
  const otherEngines: Diagnostic[] = [];
  for (const [directory, unordered] of groups) {
    if (unordered.some(({ file }) => isClickHouse(file))) continue;
    const all = inToolOrder(unordered);
    const dialect = replayedDialect(all.map(({ place }) => place.dialect));
    if (!dialect) {
      otherEngines.push(otherEngineNote(directory, all));
      continue;
    }
    const group = all.filter(({ place }) => place.dialect === undefined || place.dialect === dialect);
    const replay = new SchemaReplay();
    for (const { file, place } of group) {
      replay.startFile();
      const { operations, diagnostics } = replayFile(replay, file);
      fragment.migrations.push({
        path: file.path,
        tool: place.tool,
        directory,
        transactional: place.transactional,
        operations,
      });
      fragment.diagnostics.push(...diagnostics);
    }
    fragment.schemas.push({
      origin: 'sql',
      path: directory,
      provider: dialect,
      relationMode: 'foreignKeys',
      role: 'state',
      tables: [...replay.tables.values()],
    });
  }
  // Said only when another engine's sets are all there is: beside a replayed set they are copies
  // of the same schema, and a note per copy would be noise.
  if (fragment.schemas.length === 0) fragment.diagnostics.push(...otherEngines);
  return fragment;
}

function otherEngineNote(
  directory: string,
  group: ReadonlyArray<{ file: SourceFile; place: MigrationPlace }>,
): Diagnostic {
  const engines = [...new Set(group.map(({ place }) => place.dialect).filter((d) => d !== undefined))];
  return {
    severity: 'info',
    origin: 'sql',
    message: `${group.length} ${engines.map((d) => DIALECT_NAMES[d]).join('/')} migration file(s) in ${directory} were not replayed: Headroom reads PostgreSQL and CockroachDB migrations.`,
    location: { path: group[0]?.file.path ?? directory, line: 1 },
  };
}

/**
 * ClickHouse migrations (langfuse's `clickhouse/migrations/`) are another engine's schema: a
 * folder named for it, or a file creating a `*MergeTree` table, leaves its whole directory out.
 */
const CLICKHOUSE_ENGINE = /\bENGINE\s*=\s*(Replicated)?\w*MergeTree\b/i;

function isClickHouse(file: SourceFile): boolean {
  return file.path.toLowerCase().split('/').includes('clickhouse') || CLICKHOUSE_ENGINE.test(file.text);
}

function replayFile(
  replay: SchemaReplay,
  file: SourceFile,
): { operations: MigrationOperation[]; diagnostics: Diagnostic[] } {
  const bytes = Buffer.from(withoutPlaceholders(upSection(file.text)), 'utf8');
  const locate = lineLocator(file.path, bytes);
  const operations: MigrationOperation[] = [];
  let replayed = 0;
  let unreplayed = 0;
  const run = (parsed: Buffer, offset: number) => {
    const result = parseSql(parsed);
    for (const raw of result.stmts ?? []) {
      if (replayed++ >= MAX_STATEMENTS_PER_FILE) {
        unreplayed++;
        continue;
      }
      const start = raw.stmt_location ?? 0;
      const end = raw.stmt_len ? start + raw.stmt_len : parsed.length;
      const context: StatementContext = { parsed, offset, start, end, locate };
      operations.push(...replay.apply(raw.stmt, context));
    }
  };
  const capped = (): Diagnostic[] =>
    unreplayed > 0
      ? [
          {
            severity: 'warning',
            origin: 'sql',
            message: `${file.path} has ${MAX_STATEMENTS_PER_FILE + unreplayed} statements; the first ${MAX_STATEMENTS_PER_FILE} were replayed, the other ${unreplayed} were not.`,
            location: locate(0),
          },
        ]
      : [];
  try {
    run(bytes, 0);
    return { operations, diagnostics: capped() };
  } catch {
    // One bad statement must not cost the file: parse statement by statement instead.
  }
  const failures: Location[] = [];
  let firstMessage = '';
  for (const slice of splitStatements(bytes)) {
    const piece = bytes.subarray(slice.start, slice.end);
    try {
      run(piece, slice.start);
    } catch (error) {
      firstMessage ||= error instanceof Error ? error.message : String(error);
      failures.push(locate(slice.start + errorByteOffset(error, piece)));
    }
  }
  const diagnostics = failures.slice(0, MAX_DIAGNOSTICS_PER_FILE).map(
    (location, i): Diagnostic => ({
      severity: 'warning',
      origin: 'sql',
      message:
        i === 0
          ? `PostgreSQL's parser rejects this statement (${firstMessage}); it was skipped and the rest of the file replayed.`
          : "PostgreSQL's parser rejects this statement too; it was skipped.",
      location,
    }),
  );
  const unreported = failures.length - diagnostics.length;
  if (unreported > 0) {
    const last = diagnostics.at(-1) as Diagnostic;
    last.message += ` ${unreported} more statement(s) of this file were rejected and skipped.`;
  }
  return { operations, diagnostics: [...diagnostics, ...capped()] };
}

/**
 * Where in `piece` the parser stopped, in bytes. libpg-query reports a 0-based position in
 * characters (PostgreSQL counts code points), so it is walked over the text.
 */
function errorByteOffset(error: unknown, piece: Buffer): number {
  const cursor = (error as { sqlDetails?: { cursorPosition?: number } }).sqlDetails?.cursorPosition;
  if (typeof cursor !== 'number' || cursor <= 0) return 0;
  let characters = 0;
  let bytes = 0;
  for (const character of piece.toString('utf8')) {
    if (characters === cursor) break;
    characters++;
    bytes += Buffer.byteLength(character);
  }
  return bytes;
}

/** Byte offset → location in the file. */
function lineLocator(path: string, bytes: Buffer): (offset: number) => Location {
  const lineOf = byteLineLocator(bytes);
  return (offset) => ({ path, line: lineOf(offset) });
}
