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
  'mysql+mysqldb': 'mysql',
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

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
/** What may follow the `@` that ends the userinfo: a host list, possibly templated, up to the path. */
const HOST_LIST = /^[\w.~%[\]:,${}-]*$/;
/** Query parameters that carry a password (MongoDB, some MySQL drivers, libpq URIs). */
const PASSWORD_PARAMS = new Set(['password', 'pass', 'pwd']);

/**
 * Parses a database connection URL. Anything that is not one (an http URL, a sentence,
 * a half-written value) gives `undefined`, never an exception.
 */
export function parseConnectionUrl(text: string): ConnectionUrl | undefined {
  const trimmed = text.trim();
  if (trimmed === '' || /\s/.test(trimmed)) return undefined;
  const scheme = SCHEME.exec(trimmed)?.[1]?.toLowerCase();
  const dialect = scheme === undefined ? undefined : DIALECTS[scheme];
  if (scheme === undefined || dialect === undefined) return undefined;
  const afterScheme = trimmed.slice(scheme.length + 1);
  if (!afterScheme.startsWith('//')) {
    // `file:./dev.db` (Prisma SQLite) has no authority part; other schemes need one.
    if (dialect !== 'sqlite') return undefined;
    const { path, params } = splitPathAndQuery(afterScheme);
    return { scheme, dialect, params, masked: trimmed, ...(path ? { database: path } : {}) };
  }
  const authority = splitAuthority(afterScheme.slice(2));
  const { host, port } = firstHost(authority.hostList);
  const { path, params } = splitPathAndQuery(authority.tail);
  const url: ConnectionUrl = {
    scheme,
    dialect,
    params,
    masked: `${scheme}://${maskedUserinfo(authority.userinfo)}${authority.hostList}${maskQueryPasswords(authority.tail)}`,
  };
  if (authority.userinfo !== undefined) {
    const { user, password } = splitUserinfo(authority.userinfo);
    if (user) url.user = safeDecode(user);
    if (password !== undefined) url.password = new Secret(safeDecode(password));
  }
  if (host) url.host = host;
  if (port !== undefined) url.port = port;
  const database = dialect === 'sqlite' ? path : path.replace(/^\//, '');
  if (database) url.database = database;
  const pooler = detectPooler(scheme, url);
  if (pooler) url.pooler = pooler;
  return url;
}

interface Authority {
  userinfo?: string;
  hostList: string;
  /** Path, query and fragment, from the first `/`, `?` or `#` after the hosts. */
  tail: string;
}

/**
 * Unencoded passwords in .env files hold `@`, `/`, `?`, `#` or `:` more often than the RFC
 * allows, so the userinfo ends at the LAST `@` that is followed by something shaped like a
 * host list — never at a character the password may contain.
 */
function splitAuthority(rest: string): Authority {
  for (let at = rest.lastIndexOf('@'); at >= 0; at = rest.lastIndexOf('@', at - 1)) {
    const { hostList, tail } = splitHostsAndTail(rest.slice(at + 1));
    if (HOST_LIST.test(hostList)) return { userinfo: rest.slice(0, at), hostList, tail };
  }
  return splitHostsAndTail(rest);
}

function splitHostsAndTail(text: string): { hostList: string; tail: string } {
  const end = indexOutsideTemplates(text, (c) => c === '/' || c === '?' || c === '#');
  return end < 0 ? { hostList: text, tail: '' } : { hostList: text.slice(0, end), tail: text.slice(end) };
}

function splitUserinfo(userinfo: string): { user: string; password?: string } {
  const colon = indexOutsideTemplates(userinfo, (c) => c === ':');
  return colon < 0
    ? { user: userinfo }
    : { user: userinfo.slice(0, colon), password: userinfo.slice(colon + 1) };
}

function maskedUserinfo(userinfo: string | undefined): string {
  if (userinfo === undefined) return '';
  const { user, password } = splitUserinfo(userinfo);
  return `${user}${password === undefined ? '' : `:${SECRET_MASK}`}@`;
}

/** A multi-host list (`h1:5432,h2:5432`, MongoDB replica sets) keeps its first host. */
function firstHost(hostList: string): { host?: string; port?: number } {
  const first = hostList.slice(
    0,
    indexOrEnd(
      hostList,
      indexOutsideTemplates(hostList, (c) => c === ','),
    ),
  );
  if (first.startsWith('[')) {
    const close = first.indexOf(']');
    if (close < 0) return {};
    return { host: first.slice(1, close), ...portOf(first.slice(close + 1)) };
  }
  const colon = lastIndexOutsideTemplates(first, ':');
  if (colon < 0) return first ? { host: safeDecode(first) } : {};
  const host = first.slice(0, colon);
  return { ...(host ? { host: safeDecode(host) } : {}), ...portOf(first.slice(colon)) };
}

function portOf(suffix: string): { port?: number } {
  return /^:\d{1,5}$/.test(suffix) ? { port: Number(suffix.slice(1)) } : {};
}

function splitPathAndQuery(tail: string): { path: string; params: Record<string, string> } {
  const withoutFragment = tail.slice(0, indexOrEnd(tail, tail.indexOf('#')));
  const question = withoutFragment.indexOf('?');
  const path = safeDecode(withoutFragment.slice(0, indexOrEnd(withoutFragment, question)));
  const params: Record<string, string> = {};
  if (question >= 0) {
    for (const pair of withoutFragment.slice(question + 1).split('&')) {
      if (!pair) continue;
      const equals = pair.indexOf('=');
      const key = safeDecode(equals < 0 ? pair : pair.slice(0, equals));
      // A password passed as a parameter must not become readable through `params`.
      if (PASSWORD_PARAMS.has(key.toLowerCase())) continue;
      params[key] = equals < 0 ? '' : safeDecode(pair.slice(equals + 1));
    }
  }
  return { path, params };
}

function maskQueryPasswords(tail: string): string {
  const question = tail.indexOf('?');
  if (question < 0) return tail;
  const fragment = indexOrEnd(tail, tail.indexOf('#', question));
  const pairs = tail
    .slice(question + 1, fragment)
    .split('&')
    .map((pair) => {
      const equals = pair.indexOf('=');
      const key = equals < 0 ? pair : pair.slice(0, equals);
      return equals >= 0 && PASSWORD_PARAMS.has(safeDecode(key).toLowerCase())
        ? `${key}=${SECRET_MASK}`
        : pair;
    });
  return `${tail.slice(0, question + 1)}${pairs.join('&')}${tail.slice(fragment)}`;
}

/** Index of the first character matching `wanted` that is not inside a `${…}` or `{{…}}` placeholder. */
function indexOutsideTemplates(text: string, wanted: (c: string) => boolean): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === '{') depth++;
    else if (c === '}' && depth > 0) depth--;
    else if (depth === 0 && wanted(c)) return i;
  }
  return -1;
}

function lastIndexOutsideTemplates(text: string, wanted: string): number {
  let found = -1;
  for (let from = 0; ; ) {
    const next = indexOutsideTemplates(text.slice(from), (c) => c === wanted);
    if (next < 0) return found;
    found = from + next;
    from = found + 1;
  }
}

function indexOrEnd(text: string, index: number): number {
  return index < 0 ? text.length : index;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Transaction-mode poolers need different client settings than a direct connection (platform-facts §2). */
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

const URL_TOKEN_END = /[\s'"`<>()]/g;
/**
 * What text holding a secret must contain: a URL's `://`, userinfo's `@`, or what any
 * `password=…` that PASSWORD_ASSIGNMENT masks contains. One scan of each string of the model.
 */
const MAY_HOLD_SECRET = /:\/\/|@|pass|pwd/i;
/**
 * `user:password@host` standing alone, its scheme lost (a Procfile line `redis://u:p@h` is read
 * as process `redis` running `//u:p@h`) or never written (`u:p@db.example.com:5432`). It starts
 * a token; the host is a name with a dot, or localhost, with an optional port.
 */
const BARE_USERINFO =
  /(^|[\s'"`=(,/])([\w.%+-]+):([^\s@/'"`]+)@(?=(?:[\w-]+\.)+[\w-]+(?::\d+)?\b|localhost\b)/g;
const PASSWORD_ASSIGNMENT =
  /\b([\w.-]*(?:password|passwd|pwd))([ \t]*=[ \t]*)('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|[^\s;&'"`<>,)]+)/gi;

/**
 * Last line of defence for every output: masks the password of every URL with credentials
 * (`scheme://user:pass@host`) and every `password=…` of key-value connection strings
 * (`host=db password=…`, `Password=…;`, `DB_PASSWORD=…`) wherever they appear in text.
 */
export function maskSecretsInText(text: string): string {
  // Most text holds neither form: the model masks every string it holds, so this is the hot path.
  if (!MAY_HOLD_SECRET.test(text)) return text;
  let masked = '';
  let from = 0;
  // A `://` inside a URL already judged credential-free cannot start one with credentials: its
  // userinfo could only be found at an `@` the outer URL was checked against. Skipping such
  // `://`s keeps masking linear on any input (a line of `redis://u:p` repeated took seconds).
  let judgedUntil = 0;
  for (let sep = text.indexOf('://'); sep >= 0; sep = text.indexOf('://', sep + 3)) {
    if (sep < from || sep < judgedUntil) continue;
    let start = sep;
    while (start > from && /[A-Za-z0-9+.-]/.test(text[start - 1] as string)) start--;
    if (start === sep) continue;
    URL_TOKEN_END.lastIndex = sep + 3;
    const end = URL_TOKEN_END.exec(text)?.index ?? text.length;
    const token = text.slice(sep + 3, end);
    const authority = splitAuthority(token);
    if (authority.userinfo === undefined) {
      // No host Headroom could connect to after the `@` (`u:p@{cluster…`): still a password.
      const head = token.slice(0, indexOrEnd(token, token.search(/[/?#]/)));
      const at = head.lastIndexOf('@');
      const colon = head.indexOf(':');
      if (colon >= 0 && colon < at) {
        masked += `${text.slice(from, sep + 3)}${head.slice(0, colon)}:${SECRET_MASK}${token.slice(at)}`;
        from = end;
      } else judgedUntil = end;
      continue;
    }
    if (splitUserinfo(authority.userinfo).password === undefined) {
      judgedUntil = sep + 3 + authority.userinfo.length;
      continue;
    }
    masked += `${text.slice(from, sep + 3)}${maskedUserinfo(authority.userinfo)}${authority.hostList}${authority.tail}`;
    from = end;
  }
  masked += text.slice(from);
  return masked
    .replace(BARE_USERINFO, (_match, before: string, user: string) => `${before}${user}:${SECRET_MASK}@`)
    .replace(PASSWORD_ASSIGNMENT, (_match, key: string, equals: string) => `${key}${equals}${SECRET_MASK}`);
}

/** Hosts that only exist on a developer's machine or inside a compose network. */
export function isLocalHost(host: string | undefined): boolean {
  return host === undefined || ['localhost', '127.0.0.1', '::1', 'db', 'postgres', 'database'].includes(host);
}
