import type { ConnectionUrl, PoolerKind } from './project-model.ts';
import { SECRET_MASK, Secret } from './secret.ts';

const DIALECTS: Record<string, ConnectionUrl['dialect']> = {
  postgres: 'postgres',
  postgresql: 'postgres',
  'postgresql+psycopg': 'postgres',
  'postgresql+psycopg2': 'postgres',
  'postgresql+asyncpg': 'postgres',
  'prisma+postgres': 'postgres',
  prisma: 'postgres',
  mysql: 'mysql',
  'mysql+pymysql': 'mysql',
  mariadb: 'mysql',
  redis: 'redis',
  rediss: 'redis',
  valkey: 'redis',
  valkeys: 'redis',
  mongodb: 'mongodb',
  'mongodb+srv': 'mongodb',
  sqlite: 'sqlite',
  file: 'sqlite',
};

/** Parses a connection URL; anything that is not one gives `undefined`, never an exception. */
export function parseConnectionUrl(text: string): ConnectionUrl | undefined {
  const trimmed = text.trim();
  const schemeEnd = trimmed.indexOf('://');
  const colon = trimmed.indexOf(':');
  if (colon <= 0) return undefined;
  const scheme = trimmed.slice(0, schemeEnd > 0 ? schemeEnd : colon).toLowerCase();
  const dialect = DIALECTS[scheme];
  if (!dialect) return undefined;
  if (schemeEnd < 0) {
    // `file:./dev.db` (Prisma SQLite) has no authority part.
    return dialect === 'sqlite' ? { scheme, dialect, params: {}, masked: trimmed } : undefined;
  }
  const rest = trimmed.slice(schemeEnd + 3);
  // The authority ends at the first `/`, `?` or `#` after the LAST `@`: passwords may hold `/` or `@`.
  const at = lastAtBeforePath(rest);
  const userinfo = at >= 0 ? rest.slice(0, at) : undefined;
  const afterUser = at >= 0 ? rest.slice(at + 1) : rest;
  const pathStart = firstIndexOf(afterUser, ['/', '?', '#']);
  const hostPort = pathStart >= 0 ? afterUser.slice(0, pathStart) : afterUser;
  const tail = pathStart >= 0 ? afterUser.slice(pathStart) : '';
  const { host, port } = splitHostPort(hostPort);
  const { database, params } = splitPathAndQuery(tail);
  const [rawUser, rawPassword] = userinfo === undefined ? [] : splitOnce(userinfo, ':');
  const url: ConnectionUrl = {
    scheme,
    dialect,
    params,
    masked: `${scheme}://${userinfo === undefined ? '' : `${rawUser ?? ''}${rawPassword === undefined ? '' : `:${SECRET_MASK}`}@`}${afterUser}`,
  };
  if (rawUser) url.user = safeDecode(rawUser);
  if (rawPassword !== undefined) url.password = new Secret(safeDecode(rawPassword));
  if (host) url.host = host;
  if (port !== undefined) url.port = port;
  if (database) url.database = database;
  const pooler = detectPooler(scheme, url);
  if (pooler) url.pooler = pooler;
  return url;
}

function lastAtBeforePath(rest: string): number {
  const hash = rest.indexOf('#');
  const query = rest.indexOf('?');
  const limit = Math.min(hash < 0 ? rest.length : hash, query < 0 ? rest.length : query);
  return rest.lastIndexOf('@', limit - 1);
}

function firstIndexOf(text: string, chars: string[]): number {
  const found = chars.map((c) => text.indexOf(c)).filter((i) => i >= 0);
  return found.length ? Math.min(...found) : -1;
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const i = text.indexOf(separator);
  return i < 0 ? [text, undefined] : [text.slice(0, i), text.slice(i + 1)];
}

function splitHostPort(hostPort: string): { host?: string; port?: number } {
  // A multi-host list (`h1:5432,h2:5432`) keeps its first host.
  const first = hostPort.split(',')[0] ?? '';
  if (first.startsWith('[')) {
    const end = first.indexOf(']');
    const port = Number(first.slice(end + 2));
    return {
      host: first.slice(1, end),
      ...(first[end + 1] === ':' && Number.isInteger(port) ? { port } : {}),
    };
  }
  const [host, portText] = splitOnce(first, ':');
  const port = portText === undefined ? undefined : Number(portText);
  return { host: host || undefined, port: port !== undefined && Number.isInteger(port) ? port : undefined };
}

function splitPathAndQuery(tail: string): { database?: string; params: Record<string, string> } {
  const withoutHash = tail.split('#')[0] ?? '';
  const [path, query] = splitOnce(withoutHash, '?');
  const params: Record<string, string> = {};
  for (const pair of (query ?? '').split('&')) {
    if (!pair) continue;
    const [key, value] = splitOnce(pair, '=');
    params[safeDecode(key)] = safeDecode(value ?? '');
  }
  const database = path.startsWith('/') ? safeDecode(path.slice(1)) : undefined;
  return { database: database || undefined, params };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Transaction-mode poolers need different client settings than a direct connection. */
function detectPooler(scheme: string, url: ConnectionUrl): PoolerKind | undefined {
  if (scheme === 'prisma' || scheme === 'prisma+postgres') return 'prisma-accelerate';
  if (url.dialect !== 'postgres') return undefined;
  const host = url.host?.toLowerCase() ?? '';
  if (host.endsWith('.pooler.supabase.com'))
    return url.port === 6543 ? 'supabase-transaction' : 'supabase-session';
  // Supabase's dedicated PgBouncer listens on 6543 of the database host itself.
  if (host.endsWith('.supabase.co') && url.port === 6543) return 'supabase-transaction';
  if (host.endsWith('.neon.tech') && (host.split('.')[0] ?? '').endsWith('-pooler')) return 'neon';
  if (url.params.pgbouncer === 'true') return 'pgbouncer';
  return undefined;
}

/**
 * Last line of defence for every output: masks the password of any URL with credentials,
 * and `password=` values of key-value connection strings, wherever they appear in text.
 */
export function maskSecretsInText(text: string): string {
  return text
    .replace(
      /([a-z][a-z0-9+.-]*:\/\/[^\s:/@'"`<>]*:)([^\s'"`<>]+)@(?=[^\s@'"`<>]*)/gi,
      (_m, head: string) => `${head}${SECRET_MASK}@`,
    )
    .replace(/\b(password|pwd)=([^\s;&'"`<>]+)/gi, (_m, key: string) => `${key}=${SECRET_MASK}`);
}

/** Hosts that only exist on a developer's machine or inside a compose network. */
export function isLocalHost(host: string | undefined): boolean {
  return host === undefined || ['localhost', '127.0.0.1', '::1', 'db', 'postgres', 'database'].includes(host);
}
