// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${VAR}` placeholders are the input under test, not template literals.
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { maskSecretsInText, parseConnectionUrl } from '../../src/model/connection-url.ts';

describe('parseConnectionUrl', () => {
  it.each([
    [
      'postgresql://app:pw@db.example.com:5433/shop?sslmode=require&connection_limit=5&pool_timeout=20',
      {
        scheme: 'postgresql',
        dialect: 'postgres',
        user: 'app',
        host: 'db.example.com',
        port: 5433,
        database: 'shop',
        params: { sslmode: 'require', connection_limit: '5', pool_timeout: '20' },
        masked:
          'postgresql://app:****@db.example.com:5433/shop?sslmode=require&connection_limit=5&pool_timeout=20',
      },
    ],
    [
      'postgresql://postgres.abcd:pw@aws-0-eu-west-3.pooler.supabase.com:6543/postgres?pgbouncer=true',
      { pooler: 'supabase-transaction', params: { pgbouncer: 'true' } },
    ],
    [
      'postgres://postgres.abcd:pw@aws-1-us-east-1.pooler.supabase.com:5432/postgres',
      { pooler: 'supabase-session' },
    ],
    ['postgresql://postgres:pw@db.abcd.supabase.co:6543/postgres', { pooler: 'supabase-transaction' }],
    [
      'postgres://u:pw@ep-cool-fog-123456-pooler.us-east-2.aws.neon.tech/neondb?sslmode=require',
      { pooler: 'neon' },
    ],
    ['postgresql://u:pw@pgbouncer.internal:6432/app?pgbouncer=true', { pooler: 'pgbouncer', port: 6432 }],
    [
      'prisma+postgres://accelerate.prisma-data.net/?api_key=abc',
      { pooler: 'prisma-accelerate', host: 'accelerate.prisma-data.net' },
    ],
    [
      'prisma://aws-us-east-1.prisma-data.com/?api_key=abc',
      { pooler: 'prisma-accelerate', dialect: 'postgres' },
    ],
    [
      'mysql://root:pw@127.0.0.1:3306/app',
      { dialect: 'mysql', host: '127.0.0.1', port: 3306, database: 'app' },
    ],
    [
      'rediss://default:pw@redis.example.com:6380/0',
      { dialect: 'redis', scheme: 'rediss', port: 6380, database: '0' },
    ],
    [
      'redis://red-abc123:6379',
      { dialect: 'redis', host: 'red-abc123', port: 6379, masked: 'redis://red-abc123:6379' },
    ],
    [
      'mongodb+srv://app:pw@cluster0.abcde.mongodb.net/shop?retryWrites=true&w=majority',
      {
        dialect: 'mongodb',
        host: 'cluster0.abcde.mongodb.net',
        database: 'shop',
        params: { retryWrites: 'true', w: 'majority' },
      },
    ],
    ['mongodb://a:pw@h1:27017,h2:27017/db?replicaSet=rs0', { host: 'h1', port: 27017, database: 'db' }],
    ['postgresql://u:pw@[2001:db8::1]:5432/app', { host: '2001:db8::1', port: 5432 }],
    ['file:./dev.db', { dialect: 'sqlite', database: './dev.db', masked: 'file:./dev.db' }],
    ['sqlite:///var/data/app.db', { dialect: 'sqlite', database: '/var/data/app.db' }],
  ])('%s', (text, expected) => {
    const url = parseConnectionUrl(text);
    expect(url).toMatchObject(expected);
    expect(url?.masked).not.toContain(':pw@');
  });

  it('keeps passwords holding @, :, /, # or an encoded @ out of the host and out of `masked`', () => {
    for (const [text, password] of [
      ['postgresql://user:pa@ss:w/rd@host.example.com:5432/db', 'pa@ss:w/rd'],
      ['postgresql://user:p%40ss@host.example.com:5432/db', 'p@ss'],
      ['postgresql://user:p#ss?x@host.example.com:5432/db', 'p#ss?x'],
    ] as const) {
      const url = parseConnectionUrl(text);
      expect(url).toMatchObject({ user: 'user', host: 'host.example.com', port: 5432, database: 'db' });
      expect(url?.password?.reveal()).toBe(password);
      expect(url?.masked).toBe('postgresql://user:****@host.example.com:5432/db');
    }
  });

  it('sees no pooler on direct hosts', () => {
    for (const text of [
      'postgresql://postgres:pw@db.abcd.supabase.co:5432/postgres',
      'postgres://u:pw@ep-cool-fog-123456.us-east-2.aws.neon.tech/neondb',
      'postgres://u:pw@db.example.com:6543/app',
    ])
      expect(parseConnectionUrl(text)?.pooler).toBeUndefined();
  });

  it('reads a URL without password, and one with only a password', () => {
    const noPassword = parseConnectionUrl('postgresql://app@localhost/dev');
    expect(noPassword).toMatchObject({
      user: 'app',
      host: 'localhost',
      masked: 'postgresql://app@localhost/dev',
    });
    expect(noPassword?.password).toBeUndefined();
    const onlyPassword = parseConnectionUrl('redis://:pw@cache:6379');
    expect(onlyPassword?.user).toBeUndefined();
    expect(onlyPassword?.masked).toBe('redis://:****@cache:6379');
  });

  it('masks a templated password like a real one and keeps templated hosts whole', () => {
    const url = parseConnectionUrl(
      'postgresql://${DB_USER}:${DB_PASSWORD}@${DB_HOST:-localhost}:5432/${DB_NAME}',
    );
    expect(url).toMatchObject({
      user: '${DB_USER}',
      host: '${DB_HOST:-localhost}',
      port: 5432,
      database: '${DB_NAME}',
      masked: 'postgresql://${DB_USER}:****@${DB_HOST:-localhost}:5432/${DB_NAME}',
    });
    expect(url?.password?.reveal()).toBe('${DB_PASSWORD}');
  });

  it('keeps a password given as a query parameter out of params and masked', () => {
    const url = parseConnectionUrl('mongodb://h:27017/db?authSource=admin&password=pw');
    expect(url?.params).toEqual({ authSource: 'admin' });
    expect(url?.masked).toBe('mongodb://h:27017/db?authSource=admin&password=****');
  });

  it('answers undefined for anything that is not a database URL, without throwing', () => {
    for (const text of [
      '',
      'change-me',
      'https://user:pw@example.com',
      'postgres: yes',
      'postgres is the database',
      'postgresql//missing-colon',
      'mysql:no-slashes',
      '%%%://',
      'postgresql://u:p@h/%E0%A4%A',
    ])
      expect(() => parseConnectionUrl(text)).not.toThrow();
    expect(parseConnectionUrl('https://user:pw@example.com')).toBeUndefined();
    expect(parseConnectionUrl('change-me')).toBeUndefined();
    expect(parseConnectionUrl('postgres: yes')).toBeUndefined();
    expect(parseConnectionUrl('mysql:no-slashes')).toBeUndefined();
    expect(parseConnectionUrl('postgresql://u:p@h/%E0%A4%A')?.database).toBe('%E0%A4%A');
  });

  it('never lets the password out through JSON, String, template literals or inspect', () => {
    const url = parseConnectionUrl('postgresql://user:s3cretPass@host/db');
    for (const printed of [
      JSON.stringify(url),
      String(url?.password),
      `${url?.password}`,
      inspect(url, { depth: 5 }),
    ])
      expect(printed).not.toContain('s3cretPass');
  });
});

describe('maskSecretsInText', () => {
  it.each([
    [
      'DATABASE_URL=postgresql://user:s3cretPass@host:5432/db?sslmode=require is direct',
      'DATABASE_URL=postgresql://user:****@host:5432/db?sslmode=require is direct',
    ],
    [
      '`redis://:s3cretPass@cache:6379` and mongodb+srv://a:s3cretPass@c.net/x',
      '`redis://:****@cache:6379` and mongodb+srv://a:****@c.net/x',
    ],
    ['url "postgres://u:pa@ss/s3cretPass@h/db"', 'url "postgres://u:****@h/db"'],
    [
      'host=db.internal port=5432 user=app password=s3cretPass dbname=app',
      'host=db.internal port=5432 user=app password=**** dbname=app',
    ],
    ["host=db password='s3cret Pass' sslmode=require", 'host=db password=**** sslmode=require'],
    ['Server=db;Password=s3cretPass;Database=app', 'Server=db;Password=****;Database=app'],
    ['PGPASSWORD=s3cretPass psql', 'PGPASSWORD=**** psql'],
    // An empty `HTPASSWD=` in a list of keys to declare has no value to hide, and not the next line's.
    ['HTPASSWD=\nHTPASSWD2=\nACCESS_TOKEN=', 'HTPASSWD=\nHTPASSWD2=\nACCESS_TOKEN='],
    [
      'see https://example.com/docs and postgresql://app@localhost/dev',
      'see https://example.com/docs and postgresql://app@localhost/dev',
    ],
  ])('%s', (text, expected) => {
    expect(maskSecretsInText(text)).toBe(expected);
  });

  it('masks a credential URL nested in the query of a URL without one', () => {
    const masked = maskSecretsInText(
      'see https://example.com/r?to=postgres://app:hunter22@db.example.com/app now',
    );
    expect(masked).not.toContain('hunter22');
    expect(masked).toMatch(/^see https:\/\/.*@db\.example\.com\/app now$/);
  });

  it('stays linear on a line of half-URLs repeated (a Procfile that hung the review)', () => {
    const line = 'redis://u:p'.repeat(50_000);
    const started = performance.now();
    expect(maskSecretsInText(`web: ${line} postgres://app:hunter22@db.example.com/app`)).toBe(
      `web: ${line} postgres://app:****@db.example.com/app`,
    );
    // A hang guard, not a benchmark: the quadratic version took over four seconds here.
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it.each([
    [
      'a Procfile command whose scheme became the process name',
      'one process: `//default:hunter22@cache.example.com:6379`',
      'one process: `//default:****@cache.example.com:6379`',
    ],
    [
      'credentials and a host with no scheme',
      'connect app:hunter22@db.example.com:5432 now',
      'connect app:****@db.example.com:5432 now',
    ],
    ['localhost', 'DB=app:hunter22@localhost', 'DB=app:****@localhost'],
    [
      'a URL whose host is not a host (found by `npm run fuzz`)',
      'mongodb+srv://u:hunter22@{cluster0.example.net/x',
      'mongodb+srv://u:****@{cluster0.example.net/x',
    ],
  ])('masks %s', (_name, text, expected) => {
    expect(maskSecretsInText(text)).toBe(expected);
  });

  it.each([
    ['an email address', 'write to ops@example.com'],
    ['a git remote', 'git@github.com:acme/app.git'],
    ['a decorator', '@Injectable() class A {}'],
  ])('leaves %s alone', (_name, text) => {
    expect(maskSecretsInText(text)).toBe(text);
  });
});
