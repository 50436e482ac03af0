/**
 * PostgreSQL's parser (libpg-query, WebAssembly), loaded on first use: importing libpg-query
 * instantiates its module at once, and a project without SQL files should not pay for that.
 */
type LibPgQuery = typeof import('libpg-query');

let parser: LibPgQuery | undefined;
let loading: Promise<LibPgQuery> | undefined;

/** Resolves once the parser can be called; every SQL reader awaits it before parsing. */
export function loadPostgresParser(): Promise<void> {
  loading ??= import('libpg-query').then(async (module) => {
    await module.loadModule();
    parser = module;
    return module;
  });
  return loading.then(() => undefined);
}

function loaded(): LibPgQuery {
  if (!parser) throw new Error('the PostgreSQL parser is used before loadPostgresParser() resolved');
  return parser;
}

export const parseSql: LibPgQuery['parseSync'] = (sql) => loaded().parseSync(sql);
export const parsePlPgSql: LibPgQuery['parsePlPgSQLSync'] = (sql) => loaded().parsePlPgSQLSync(sql);
