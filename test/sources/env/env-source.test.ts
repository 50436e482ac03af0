import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { ModelFragment } from '../../../src/model/project-model.ts';
import { envFileKind, envSource } from '../../../src/sources/env/index.ts';

async function read(path: string, text: string): Promise<ModelFragment> {
  return envSource.read([{ path, text }]);
}

function values(model: ModelFragment): Array<[string, string, number]> {
  return (model.envFiles?.[0]?.entries ?? []).map((e) => [e.key, e.value.reveal(), e.location.line]);
}

describe('env files', () => {
  it('matches .env and .env.* anywhere, not .envrc, and tells templates from real files', () => {
    expect(
      ['.env', 'apps/api/.env.local', '.env.production', 'backend/.env.example'].every(envSource.matches),
    ).toBe(true);
    expect(['.envrc', 'env.ts', '.env.example.json', 'src/.environment'].some(envSource.matches)).toBe(false);
    expect(
      ['.env.example', '.env.sample', '.env.template', '.env.dist', '.env.local.example'].map(envFileKind),
    ).toEqual(Array(5).fill('template'));
    expect(['.env', '.env.local', '.env.production'].map(envFileKind)).toEqual(['real', 'real', 'real']);
  });

  it('reads dotenv syntax: export, quotes, multi-line values, inline comments, empty values, CRLF', async () => {
    const model = await read(
      'apps/api/.env',
      [
        '\uFEFF# comment',
        'export NODE_ENV=production',
        'PLAIN=value # a comment',
        'HASH=abc#def',
        "SINGLE='a # not a comment'",
        'DOUBLE="tab\\tnew\\nline \\"quoted\\""',
        'BACK=`it\'s "both"`',
        'PRIVATE_KEY="-----BEGIN KEY-----',
        'MIIB',
        '-----END KEY-----"',
        'EMPTY=',
        '  SPACED = padded  ',
        "LITERAL='no\\nescape'",
      ].join('\r\n'),
    );
    expect(model.diagnostics).toEqual([]);
    expect(values(model)).toEqual([
      ['NODE_ENV', 'production', 2],
      ['PLAIN', 'value', 3],
      ['HASH', 'abc#def', 4],
      ['SINGLE', 'a # not a comment', 5],
      ['DOUBLE', 'tab\tnew\nline "quoted"', 6],
      ['BACK', 'it\'s "both"', 7],
      ['PRIVATE_KEY', '-----BEGIN KEY-----\nMIIB\n-----END KEY-----', 8],
      ['EMPTY', '', 11],
      ['SPACED', 'padded', 12],
      ['LITERAL', 'no\\nescape', 13],
    ]);
    expect(model.envFiles?.[0]).toMatchObject({ path: 'apps/api/.env', kind: 'real' });
    expect(model.envFiles?.[0]?.entries.map((e) => e.masked)).toEqual([
      '****',
      '****',
      '****',
      '****',
      '****',
      '****',
      '****',
      '',
      '****',
      '****',
    ]);
  });

  it('turns URL-valued entries into connections located at their line', async () => {
    const model = await read(
      '.env.example',
      'REDIS_URL=redis://localhost:6379\nDATABASE_URL="postgresql://postgres.ref:[YOUR-PASSWORD]@aws-0-eu-west-3.pooler.supabase.com:6543/postgres?pgbouncer=true"\nSITE=https://example.com\n',
    );
    expect(model.connections?.map((c) => [c.id, c.location.line, c.url.dialect, c.url.pooler])).toEqual([
      ['env:REDIS_URL', 1, 'redis', undefined],
      ['env:DATABASE_URL', 2, 'postgres', 'supabase-transaction'],
    ]);
    expect(model.envFiles?.[0]?.entries[1]?.masked).toBe(
      'postgresql://postgres.ref:****@aws-0-eu-west-3.pooler.supabase.com:6543/postgres?pgbouncer=true',
    );
    expect(model.envFiles?.[0]?.entries[2]?.url).toBeUndefined();
  });

  it('reports lines it cannot read, with their line, and reads on', async () => {
    const model = await read('.env', 'GOOD=1\nnot a line\n1BAD=x\nOPEN="never closed\nAFTER=2\n');
    expect(model.diagnostics?.map((d) => [d.origin, d.location.path, d.location.line])).toEqual([
      ['env', '.env', 2],
      ['env', '.env', 3],
      ['env', '.env', 4],
    ]);
    expect(values(model)).toEqual([
      ['GOOD', '1', 1],
      ['OPEN', 'never closed', 4],
      ['AFTER', '2', 5],
    ]);
  });

  it('never lets the password out through JSON, String, template literals or inspect', async () => {
    const model = await read(
      '.env',
      'DATABASE_URL=postgresql://user:s3cretPass@host/db\nAPI_TOKEN=s3cretPass\n',
    );
    const [url, token] = model.envFiles?.[0]?.entries ?? [];
    for (const printed of [
      JSON.stringify(model),
      String(url?.value),
      String(token?.value),
      `${url?.value} ${token?.value} ${url?.url?.password}`,
      inspect(model, { depth: 12 }),
      inspect(model.connections, { depth: 12 }),
    ])
      expect(printed).not.toContain('s3cretPass');
    expect(url?.masked).toBe('postgresql://user:****@host/db');
    expect(token?.value.reveal()).toBe('s3cretPass');
  });
});
