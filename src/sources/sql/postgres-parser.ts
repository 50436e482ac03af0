import { lazyModule } from '../lazy-module.ts';

/**
 * PostgreSQL's parser (libpg-query, WebAssembly), loaded on first use: importing libpg-query
 * instantiates its module at once, and a project without SQL files should not pay for that.
 */
const libpgQuery = lazyModule(
  'the PostgreSQL parser',
  () => import('libpg-query'),
  (module) => module.loadModule(),
);

/** Resolves once the parser can be called; every SQL reader awaits it before parsing. */
export const loadPostgresParser = libpgQuery.load;

export const parseSql = (sql: string) => libpgQuery.get().parseSync(sql);
export const parsePlPgSql = (sql: string) => libpgQuery.get().parsePlPgSQLSync(sql);
