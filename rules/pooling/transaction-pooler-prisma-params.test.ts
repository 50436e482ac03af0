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
    expect(findings).toMatchObject([
      { entity: 'env:DATABASE_URL:pgbouncer', severity: 'error', location: { path: '.env', line: 1 } },
      { entity: 'env:DATABASE_URL:directUrl', location: { path: 'prisma/schema.prisma', line: 1 } },
    ]);
    expect(findings[0]?.fix?.replacement).toBe(
      'DATABASE_URL="postgresql://postgres.ref:****@aws-1-us-east-1.pooler.supabase.com:6543/postgres?pgbouncer=true"',
    );
    expect(JSON.stringify(findings)).not.toContain('s3cretPass');
  });

  it('warns on a generic PgBouncer, saying the version decides and cannot be seen', async () => {
    const findings = await findingsFor(rule, {
      ...schema('  directUrl = env("DIRECT_URL")\n'),
      '.env':
        'DATABASE_URL=postgresql://u:p@pgbouncer.internal:6432/app\nDIRECT_URL=postgresql://u:p@db.internal:5432/app\n',
    });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ entity: 'env:DATABASE_URL:pgbouncer', severity: 'warning' });
    expect(findings[0]?.message).toContain(
      'unless it runs PgBouncer ≥ 1.21.0 with `max_prepared_statements` > 0, a version Headroom cannot see',
    );
  });

  it('treats Render’s connectionPoolString as a PgBouncer and wants a directUrl', async () => {
    const findings = await findingsFor(rule, {
      ...schema(),
      'render.yaml':
        'services:\n  - type: web\n    name: api\n    runtime: node\n    startCommand: node s.js\n    envVars:\n      - key: DATABASE_URL\n        fromDatabase: { name: db, property: connectionPoolString }\ndatabases:\n  - name: db\n    plan: pro-4gb\n    connectionPool: pgbouncer\n',
    });
    expect(findings.map((f) => [f.entity, f.location.path, f.severity])).toEqual([
      ['env:DATABASE_URL:pgbouncer', 'render.yaml', 'warning'],
      ['env:DATABASE_URL:directUrl', 'prisma/schema.prisma', 'error'],
    ]);
    expect(findings[1]?.message).toContain("Render's PgBouncer for db");
  });

  it('does not ask Neon for pgbouncer=true (protocol prepared statements work there) but still wants a directUrl', async () => {
    const findings = await findingsFor(rule, {
      ...schema(),
      '.env.example': 'DATABASE_URL=postgres://u:p@ep-cool-1234-pooler.eu-central-1.aws.neon.tech/neondb\n',
    });
    expect(findings.map((f) => f.entity)).toEqual(['env:DATABASE_URL:directUrl']);
  });

  it('needs no pgbouncer=true with the Prisma 7 pg adapter', async () => {
    const findings = await findingsFor(rule, {
      ...schema('  directUrl = env("DIRECT_URL")\n'),
      'package.json': '{ "dependencies": { "@prisma/client": "^7.0.0", "@prisma/adapter-pg": "^7.0.0" } }',
      '.env':
        'DATABASE_URL=postgresql://u:p@aws-0-eu-west-3.pooler.supabase.com:6543/postgres\nDIRECT_URL=postgresql://u:p@db.ref.supabase.co:5432/postgres\n',
    });
    expect(findings).toEqual([]);
  });

  it('reports a directUrl that goes through the transaction pooler too', async () => {
    const findings = await findingsFor(rule, {
      ...schema('  directUrl = env("DIRECT_URL")\n'),
      '.env':
        'DATABASE_URL=postgresql://u:p@aws-0-eu-west-3.pooler.supabase.com:6543/postgres?pgbouncer=true\nDIRECT_URL=postgresql://u:p@aws-0-eu-west-3.pooler.supabase.com:6543/postgres\n',
    });
    expect(findings).toMatchObject([
      { entity: 'env:DATABASE_URL:directUrl', location: { path: '.env', line: 2 } },
    ]);
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
          'DATABASE_URL=postgresql://u:p@aws-0-eu-west-3.pooler.supabase.com:6543/postgres?pgbouncer=true\nDIRECT_URL=postgresql://u:p@aws-0-eu-west-3.pooler.supabase.com:5432/postgres\n',
      }),
    ).toEqual([]);
  });
});
