import { maskSecretsInText, parseConnectionUrl } from '../../model/connection-url.ts';
import type { DbProvider, DbSchema, Located } from '../../model/project-model.ts';
import { type AstNode, at, unquote } from './prisma-ast-nodes.ts';

const PROVIDERS: Record<string, DbProvider> = {
  postgresql: 'postgresql',
  postgres: 'postgresql',
  mysql: 'mysql',
  sqlite: 'sqlite',
  sqlserver: 'sqlserver',
  cockroachdb: 'cockroachdb',
  mongodb: 'mongodb',
};

export interface DatasourceFacts {
  provider: DbProvider;
  relationMode: DbSchema['relationMode'];
  facts: NonNullable<DbSchema['datasource']>;
}

/** The `datasource` block: provider, relation mode, and where the connection URLs come from. */
export function readDatasource(
  found: { block: AstNode; path: string } | undefined,
): DatasourceFacts | undefined {
  if (!found) return undefined;
  const { block, path } = found;
  const setting = (key: string) => (block.assignments ?? []).find((a: AstNode) => a.key === key);
  // `referentialIntegrity` is the Prisma 3/4 name of `relationMode`.
  const relationMode = unquote((setting('relationMode') ?? setting('referentialIntegrity'))?.value);
  const facts: DatasourceFacts['facts'] = { location: at(path, block.location) };
  for (const [key, envKey] of [
    ['url', 'urlEnv'],
    ['directUrl', 'directUrlEnv'],
  ] as const) {
    const assignment = setting(key);
    const value = assignment?.value;
    if (value?.type === 'function' && value.name === 'env') {
      const name = unquote(value.params?.[0]);
      if (name) facts[envKey] = name;
    } else if (typeof value === 'string') {
      facts[key] = literalUrl(unquote(value) ?? '', at(path, assignment.location));
    }
  }
  return {
    provider: PROVIDERS[unquote(setting('provider')?.value) ?? ''] ?? 'unknown',
    relationMode: relationMode === 'prisma' ? 'prisma' : 'foreignKeys',
    facts,
  };
}

/** A URL written in the schema itself: only its masked form is kept. */
function literalUrl(url: string, location: Located<string>['location']): Located<string> {
  return { value: parseConnectionUrl(url)?.masked ?? maskSecretsInText(url), location };
}
