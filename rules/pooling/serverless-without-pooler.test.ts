import { describe, expect, it } from 'vitest';
import { findingsFor } from '../../test/helpers/rule-findings.ts';
import rule from './serverless-without-pooler.ts';

describe('pooling/serverless-without-pooler', () => {
  it('reports a direct Postgres URL for Vercel functions, with Vercel’s ceiling, without the password', async () => {
    const findings = await findingsFor(rule, {
      'vercel.json': '{ "regions": ["cdg1"] }\n',
      '.env.local': 'DATABASE_URL=postgresql://u:s3cret@db.abcdefgh.supabase.co:5432/postgres\n',
    });
    expect(findings).toMatchObject([
      { entity: 'env:DATABASE_URL', severity: 'error', location: { path: '.env.local', line: 1 } },
    ]);
    expect(findings[0]?.message).toBe(
      'vercel runs as vercel functions (up to 30,000 concurrent instances) and DATABASE_URL connects directly to db.abcdefgh.supabase.co: every instance opens its own connections.',
    );
    expect(JSON.stringify(findings)).not.toContain('s3cret');
  });

  it('reports once per key for Netlify, pointing at the real env file rather than the template', async () => {
    const findings = await findingsFor(rule, {
      'netlify.toml': '[functions]\n  directory = "netlify/functions"\n',
      '.env.example': 'DATABASE_URL=postgresql://u:p@db.abcdefgh.supabase.co:5432/postgres\n',
      '.env.production': 'DATABASE_URL=postgresql://u:p@db.abcdefgh.supabase.co:5432/postgres\n',
    });
    expect(findings.map((f) => [f.entity, f.location.path])).toEqual([
      ['env:DATABASE_URL', '.env.production'],
    ]);
    expect(findings[0]?.message).toContain('one instance per concurrent request');
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
    // A Next.js app with no vercel.json may run on any Node host: not assumed serverless.
    expect(
      await findingsFor(rule, {
        'package.json': '{ "dependencies": { "next": "15.0.0" } }',
        '.env': 'DATABASE_URL=postgres://u:p@db.example.com:5432/db\n',
      }),
    ).toEqual([]);
  });
});
