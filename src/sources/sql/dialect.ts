import type { DbProvider } from '../../model/project-model.ts';

/** The engine a migration file is written for. */
export type SqlDialect = 'postgresql' | 'cockroachdb' | 'mysql' | 'sqlite' | 'sqlserver' | 'h2' | 'oracle';

/** Engines whose migrations PostgreSQL's parser reads: CockroachDB speaks PostgreSQL's dialect. */
const REPLAYED: ReadonlyArray<SqlDialect & DbProvider> = ['postgresql', 'cockroachdb'];

// A Map, not an object: a folder named `constructor` or `toString` found Object's prototype.
const NAMES = new Map<string, SqlDialect>([
  ['postgres', 'postgresql'],
  ['postgresql', 'postgresql'],
  ['pg', 'postgresql'],
  ['pgsql', 'postgresql'],
  ['cockroach', 'cockroachdb'],
  ['cockroachdb', 'cockroachdb'],
  ['crdb', 'cockroachdb'],
  ['mysql', 'mysql'],
  ['mariadb', 'mysql'],
  ['sqlite', 'sqlite'],
  ['sqlite3', 'sqlite'],
  ['mssql', 'sqlserver'],
  ['sqlserver', 'sqlserver'],
  ['h2', 'h2'],
  ['oracle', 'oracle'],
]);

/**
 * The dialect a migration's path names: a suffix of the file name (golang-migrate/popx sets such
 * as ory/kratos's `…_identities.cockroach.up.sql`), or a folder (Flyway's
 * `db/migration/{POSTGRESQL,MYSQL,H2}`, kestra's `migrations/{postgres,mysql,h2}`).
 */
export function sqlDialectOf(parts: readonly string[]): SqlDialect | undefined {
  const [, ...suffixes] = (parts.at(-1) ?? '').toLowerCase().split('.');
  for (const suffix of suffixes) {
    const dialect = NAMES.get(suffix);
    if (dialect) return dialect;
  }
  for (const folder of parts.slice(0, -1).reverse()) {
    const dialect = NAMES.get(folder.toLowerCase());
    if (dialect) return dialect;
  }
  return undefined;
}

/**
 * Which engine's set of a migrations directory is replayed. A directory holding one set per engine
 * is one schema written several times: its PostgreSQL set is judged (CockroachDB's when there is
 * no PostgreSQL one), so each table is judged once. Files that name no engine belong to every set,
 * PostgreSQL's included. Other engines' SQL is not PostgreSQL's and is not replayed at all.
 */
export function replayedDialect(
  dialects: ReadonlyArray<SqlDialect | undefined>,
): (SqlDialect & DbProvider) | undefined {
  const named = new Set(dialects);
  return REPLAYED.find((dialect) => named.has(dialect)) ?? (named.has(undefined) ? 'postgresql' : undefined);
}

export const DIALECT_NAMES: Record<SqlDialect, string> = {
  postgresql: 'PostgreSQL',
  cockroachdb: 'CockroachDB',
  mysql: 'MySQL',
  sqlite: 'SQLite',
  sqlserver: 'SQL Server',
  h2: 'H2',
  oracle: 'Oracle',
};
