import { describe, expect, it } from 'vitest';
import { findingsFor } from '../../test/helpers/rule-findings.ts';
import rule from './serverless-without-pooler.ts';

describe('pooling/serverless-without-pooler', () => {
  it('reports a direct Postgres URL for Netlify functions, once per key', async () => {
    const findings = await findingsFor(rule, {
      'netlify.toml': '[functions]\n  directory = "netlify/functions"\n',
      '.env.example': 'DATABASE_URL=postgresql://u:p@db.abcdefgh.supabase.co:5432/postgres\n',
      '.env.production': 'DATABASE_URL=postgresql://u:p@db.abcdefgh.supabase.co:5432/postgres\n',
    });
    expect(findings.map((f) => [f.entity, f.location.path])).toEqual([['env:DATABASE_URL', '.env.example']]);
  });

  it('accepts poolers, local databases, and projects with no serverless service', async () => {
    expect(
      await findingsFor(rule, {
        'vercel.json': '{}',
        '.env': 'DATABASE_URL=postgres://u:p@ep-x-1-pooler.us-east-2.aws.neon.tech/db\n',
      }),
    ).toEqual([]);
    expect(
      await findingsFor(rule, {
        'vercel.json': '{}',
        '.env': 'DATABASE_URL=postgres://u:p@localhost:5432/db\n',
      }),
    ).toEqual([]);
    expect(
      await findingsFor(rule, { '.env': 'DATABASE_URL=postgres://u:p@db.example.com:5432/db\n' }),
    ).toEqual([]);
  });
});
