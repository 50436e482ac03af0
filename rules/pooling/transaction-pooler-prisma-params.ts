import { defineRule, type RuleFinding } from '../../src/rules/rule.ts';

const TRANSACTION_POOLERS = new Set(['supabase-transaction', 'neon', 'pgbouncer']);

export default defineRule({
  meta: {
    id: 'pooling/transaction-pooler-prisma-params',
    title: 'Prisma on a transaction pooler without its settings',
    category: 'pooling',
    severity: { launch: 'error', growth: 'error', scale: 'error', enterprise: 'error' },
    summary:
      'A Prisma datasource points at a transaction-mode pooler without `pgbouncer=true` (Supavisor needs it), or has no `directUrl`, so `prisma migrate` runs through the pooler.',
    ramification:
      'A transaction pooler hands each transaction to any server connection, so Prisma’s named prepared statements collide (`prepared statement "s0" already exists`) and queries fail at random under load. Migrations through it hang or fail.',
    fix: 'Add `?pgbouncer=true` to the pooled URL (not needed for PgBouncer ≥ 1.21 with `max_prepared_statements`), and set `directUrl = env("DIRECT_URL")` to a direct or session-mode URL for migrations.',
    examples: {
      bad: {
        path: 'prisma/schema.prisma',
        text: 'datasource db {\n  provider = "postgresql"\n  url      = env("DATABASE_URL")\n}\n',
        alongside: {
          '.env.example':
            'DATABASE_URL="postgresql://postgres.ref:[YOUR-PASSWORD]@aws-0-eu-west-3.pooler.supabase.com:6543/postgres"\n',
        },
      },
      good: {
        path: 'prisma/schema.prisma',
        text: 'datasource db {\n  provider  = "postgresql"\n  url       = env("DATABASE_URL")\n  directUrl = env("DIRECT_URL")\n}\n',
        alongside: {
          '.env.example':
            'DATABASE_URL="postgresql://postgres.ref:[YOUR-PASSWORD]@aws-0-eu-west-3.pooler.supabase.com:6543/postgres?pgbouncer=true"\nDIRECT_URL="postgresql://postgres.ref:[YOUR-PASSWORD]@aws-0-eu-west-3.pooler.supabase.com:5432/postgres"\n',
        },
      },
    },
  },
  check(model) {
    const findings: RuleFinding[] = [];
    for (const schema of model.schemas) {
      const datasource = schema.datasource;
      if (schema.origin !== 'prisma' || !datasource?.urlEnv) continue;
      for (const connection of model.connections.filter((c) => c.key === datasource.urlEnv)) {
        const pooler = connection.url.pooler;
        if (!pooler || !TRANSACTION_POOLERS.has(pooler)) continue;
        if (pooler === 'supabase-transaction' && connection.url.params.pgbouncer !== 'true') {
          findings.push({
            entity: `env:${connection.key}:pgbouncer`,
            message: `${connection.key} points Prisma at Supabase's transaction pooler (${connection.url.host}:${connection.url.port}) without \`pgbouncer=true\`: prepared statements will collide under load.`,
            location: connection.location,
            fix: {
              text: 'Append `pgbouncer=true` to the URL.',
              replacement: `${connection.key}="${connection.url.masked}${connection.url.masked.includes('?') ? '&' : '?'}pgbouncer=true"`,
            },
          });
        }
        if (!datasource.directUrlEnv) {
          findings.push({
            entity: `env:${connection.key}:directUrl`,
            message: `The Prisma datasource uses the pooled ${connection.key} and has no \`directUrl\`, so \`prisma migrate\` runs through a transaction pooler, where it hangs or fails.`,
            location: datasource.location,
            fix: {
              text: 'Add a direct (or session-mode) URL for migrations.',
              replacement: 'directUrl = env("DIRECT_URL")',
            },
          });
        }
      }
    }
    return dedupe(findings);
  },
});

/** One finding per entity even when several env files declare the same key. */
function dedupe(findings: RuleFinding[]): RuleFinding[] {
  const seen = new Set<string>();
  return findings.filter((f) => !seen.has(f.entity) && seen.add(f.entity));
}
