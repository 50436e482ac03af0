import { describe, expect, it } from 'vitest';
import { findingsFor } from '../../test/helpers/rule-findings.ts';
import rule from './transaction-pooler-prisma-params.ts';

const schema = (directUrl = '') => ({
  'prisma/schema.prisma': `datasource db {\n  provider = "postgresql"\n  url      = env("DATABASE_URL")\n${directUrl}}\n`,
});

describe('pooling/transaction-pooler-prisma-params', () => {
  it('asks for pgbouncer=true and a directUrl on Supabase’s transaction pooler, without printing the password', async () => {
    const findings = await findingsFor(rule, {
      ...schema(),
      '.env':
        'DATABASE_URL=postgresql://postgres.ref:s3cretPass@aws-1-us-east-1.pooler.supabase.com:6543/postgres\n',
    });
    expect(findings.map((f) => f.entity)).toEqual([
      'env:DATABASE_URL:pgbouncer',
      'env:DATABASE_URL:directUrl',
    ]);
    expect(findings[0]?.fix?.replacement).toBe(
      'DATABASE_URL="postgresql://postgres.ref:****@aws-1-us-east-1.pooler.supabase.com:6543/postgres?pgbouncer=true"',
    );
    expect(JSON.stringify(findings)).not.toContain('s3cretPass');
  });

  it('does not ask Neon for pgbouncer=true (protocol prepared statements work there) but still wants a directUrl', async () => {
    const findings = await findingsFor(rule, {
      ...schema(),
      '.env.example': 'DATABASE_URL=postgres://u:p@ep-cool-1234-pooler.eu-central-1.aws.neon.tech/neondb\n',
    });
    expect(findings.map((f) => f.entity)).toEqual(['env:DATABASE_URL:directUrl']);
  });

  it('accepts the session pooler, a direct URL, and a complete setup', async () => {
    expect(
      await findingsFor(rule, {
        ...schema(),
        '.env': 'DATABASE_URL=postgresql://u:p@aws-0-eu-west-3.pooler.supabase.com:5432/postgres\n',
      }),
    ).toEqual([]);
    expect(
      await findingsFor(rule, {
        ...schema(),
        '.env': 'DATABASE_URL=postgresql://u:p@db.ref.supabase.co:5432/postgres\n',
      }),
    ).toEqual([]);
    expect(
      await findingsFor(rule, {
        ...schema('  directUrl = env("DIRECT_URL")\n'),
        '.env':
          'DATABASE_URL=postgresql://u:p@aws-0-eu-west-3.pooler.supabase.com:6543/postgres?pgbouncer=true\n',
      }),
    ).toEqual([]);
  });
});
