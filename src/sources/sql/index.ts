import { loadModule, parseSync } from 'libpg-query';
import type { Diagnostic } from '../../model/location.ts';
import type { DbSchema, MigrationOperation, ModelFragment } from '../../model/project-model.ts';
import type { Source, SourceFile } from '../source.ts';
import { compareOrder, type MigrationPlace, migrationPlace } from './layout.ts';
import { SchemaReplay, type StatementContext } from './replay.ts';
import { splitStatements } from './statements.ts';

/** Statements of one file that may fail before the rest of it is no longer worth reporting. */
const MAX_DIAGNOSTICS_PER_FILE = 5;

/** SQL migrations in the common layouts, parsed by PostgreSQL's own parser and replayed in order. */
export const sqlSource: Source = {
  id: 'sql',
  matches: (path) => migrationPlace(path) !== undefined,
  async read(files) {
    await loadModule();
    const groups = new Map<string, Array<{ file: SourceFile; place: MigrationPlace }>>();
    for (const file of files) {
      const place = migrationPlace(file.path);
      if (!place) continue;
      const group = groups.get(place.directory) ?? [];
      group.push({ file, place });
      groups.set(place.directory, group);
    }
    const fragment: Required<Pick<ModelFragment, 'schemas' | 'migrations' | 'diagnostics'>> = {
      schemas: [],
      migrations: [],
      diagnostics: [],
    };
    for (const [directory, group] of groups) {
      group.sort((a, b) => compareOrder(a.place.order, b.place.order));
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
      fragment.schemas.push(schemaOf(directory, replay));
    }
    return fragment;
  },
};

function schemaOf(directory: string, replay: SchemaReplay): DbSchema {
  return {
    origin: 'sql',
    path: directory,
    provider: 'postgresql',
    relationMode: 'foreignKeys',
    role: 'state',
    tables: [...replay.tables.values()],
  };
}

function replayFile(
  replay: SchemaReplay,
  file: SourceFile,
): { operations: MigrationOperation[]; diagnostics: Diagnostic[] } {
  const bytes = Buffer.from(file.text, 'utf8');
  const locate = lineLocator(file.path, bytes);
  const operations: MigrationOperation[] = [];
  const diagnostics: Diagnostic[] = [];
  const run = (parsed: Buffer, offset: number) => {
    const result = parseSync(parsed.toString('utf8'));
    for (const raw of result.stmts ?? []) {
      const start = raw.stmt_location ?? 0;
      const end = raw.stmt_len ? start + raw.stmt_len : parsed.length;
      const context: StatementContext = { parsed, offset, start, end, locate };
      operations.push(...replay.apply(raw.stmt, context));
    }
  };
  try {
    run(bytes, 0);
    return { operations, diagnostics };
  } catch {
    // One bad statement must not cost the file: parse statement by statement instead.
  }
  for (const slice of splitStatements(file.text)) {
    const piece = bytes.subarray(slice.start, slice.end);
    try {
      run(piece, slice.start);
    } catch (error) {
      if (diagnostics.length >= MAX_DIAGNOSTICS_PER_FILE) continue;
      const details = (error as { sqlDetails?: { cursorPosition?: number } }).sqlDetails;
      // libpg-query already turns PostgreSQL's 1-based cursor position into a 0-based offset.
      const position = slice.start + Math.max(0, details?.cursorPosition ?? 0);
      const message = error instanceof Error ? error.message : String(error);
      diagnostics.push({
        severity: 'warning',
        origin: 'sql',
        message: `PostgreSQL's parser rejects this statement (${message}); it was skipped and the rest of the file replayed.`,
        location: locate(Math.min(position, slice.end)),
      });
    }
  }
  return { operations, diagnostics };
}

/** Byte offset → 1-based line, by binary search over the newline offsets. */
function lineLocator(path: string, bytes: Buffer): (offset: number) => { path: string; line: number } {
  const newlines: number[] = [];
  for (let i = bytes.indexOf(0x0a); i >= 0; i = bytes.indexOf(0x0a, i + 1)) newlines.push(i);
  return (offset) => {
    let low = 0;
    let high = newlines.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((newlines[mid] as number) < offset) low = mid + 1;
      else high = mid;
    }
    return { path, line: low + 1 };
  };
}
