import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseConnectionUrl } from '../../src/model/connection-url.ts';
import { modelOf } from '../helpers/rule-findings.ts';

describe('env files', () => {
  it('reads keys, lines, quoting and comments, and parses connection URLs', async () => {
    const model = await modelOf({
      '.env.example': [
        '# comment',
        'export NODE_ENV=production',
        'DATABASE_URL="postgresql://postgres.ref:[YOUR-PASSWORD]@aws-0-eu-west-3.pooler.supabase.com:6543/postgres?pgbouncer=true"',
        "SINGLE='a # not a comment'",
        'PLAIN=value # a comment',
        'MULTI="line one',
        'line two"',
        'EMPTY=',
        'not a line',
      ].join('\r\n'),
    });
    const [file] = model.envFiles;
    expect(file?.kind).toBe('template');
    expect(file?.entries.map((e) => [e.key, e.location.line])).toEqual([
      ['NODE_ENV', 2],
      ['DATABASE_URL', 3],
      ['SINGLE', 4],
      ['PLAIN', 5],
      ['MULTI', 6],
      ['EMPTY', 8],
    ]);
    expect(file?.entries[2]?.value.reveal()).toBe('a # not a comment');
    expect(file?.entries[3]?.value.reveal()).toBe('value');
    expect(file?.entries[4]?.value.reveal()).toBe('line one\nline two');
    expect(model.connections[0]?.url).toMatchObject({
      host: 'aws-0-eu-west-3.pooler.supabase.com',
      port: 6543,
      pooler: 'supabase-transaction',
      params: { pgbouncer: 'true' },
    });
    expect(model.diagnostics).toMatchObject([{ origin: 'env', location: { path: '.env.example', line: 9 } }]);
  });

  it('never lets the password out through JSON, String, templates or inspect', async () => {
    const model = await modelOf({
      '.env': 'DATABASE_URL=postgresql://user:s3cretPass@host/db\nAPI_TOKEN=s3cretPass\n',
    });
    const entry = model.envFiles[0]?.entries[0];
    for (const printed of [
      JSON.stringify(model),
      String(entry?.value),
      `${entry?.value}`,
      inspect(model, { depth: 10 }),
    ]) {
      expect(printed).not.toContain('s3cretPass');
    }
    expect(entry?.masked).toBe('postgresql://user:****@host/db');
  });
});

describe('connection URLs', () => {
  it.each([
    [
      'postgresql://u:p%40ss:w@db.example.com:5433/app?sslmode=require',
      { host: 'db.example.com', port: 5433, database: 'app', user: 'u' },
    ],
    ['postgres://u:pw@ep-cool-fog-123456-pooler.us-east-2.aws.neon.tech/neondb', { pooler: 'neon' }],
    ['postgresql://postgres:pw@db.abcdefgh.supabase.co:5432/postgres', { host: 'db.abcdefgh.supabase.co' }],
    ['postgresql://u:pw@[::1]:5432/app', { host: '::1', port: 5432 }],
    ['rediss://default:pw@redis.example.com:6380', { dialect: 'redis', port: 6380 }],
    ['prisma+postgres://accelerate.prisma-data.net/?api_key=x', { pooler: 'prisma-accelerate' }],
  ])('%s', (text, expected) => {
    const url = parseConnectionUrl(text);
    expect(url).toMatchObject(expected);
    expect(url?.masked).not.toMatch(/:pw@|p%40ss/);
  });

  it('keeps a password holding @ and / out of the host', () => {
    const url = parseConnectionUrl('postgresql://user:pa@ss/wd@host.example.com/db');
    expect(url).toMatchObject({ host: 'host.example.com', database: 'db' });
    expect(url?.password?.reveal()).toBe('pa@ss/wd');
  });

  it('answers undefined for text that is not a connection URL', () => {
    expect(parseConnectionUrl('https://example.com')).toBeUndefined();
    expect(parseConnectionUrl('change-me')).toBeUndefined();
  });
});
