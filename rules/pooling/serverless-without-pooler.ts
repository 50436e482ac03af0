import { connectionsOf } from '../../src/capacity/reach.ts';
import { defineRule, type RuleFinding } from '../../src/rules/rule.ts';

export default defineRule({
  meta: {
    id: 'pooling/serverless-without-pooler',
    title: 'Serverless functions on a direct database connection',
    category: 'pooling',
    severity: { launch: 'warning', growth: 'error', scale: 'error', enterprise: 'error' },
    summary:
      'Functions on Vercel or Netlify (a `vercel.json` or `netlify.toml`) connect to Postgres through a direct URL instead of a pooler.',
    ramification:
      'Each function instance opens its own connections, and the platform runs as many instances as there are concurrent requests (thousands on Vercel). A traffic spike exhausts the database’s connection limit in seconds: `too many clients already`, then every page that touches the database fails.',
    fix: 'Point the functions at a transaction pooler: Supabase’s port 6543 (`?pgbouncer=true` for Prisma ≤ 6), Neon’s `-pooler` host, Prisma Accelerate, or PgBouncer; keep the direct URL for migrations only. A Next.js app without `vercel.json` is not assumed to run on Vercel.',
    examples: {
      bad: {
        path: 'vercel.json',
        text: '{ "regions": ["cdg1"] }\n',
        alongside: {
          '.env.example':
            'DATABASE_URL=postgresql://postgres:[YOUR-PASSWORD]@db.abcdefghij.supabase.co:5432/postgres\n',
        },
      },
      good: {
        path: 'vercel.json',
        text: '{ "regions": ["cdg1"] }\n',
        alongside: {
          '.env.example':
            'DATABASE_URL=postgresql://postgres.abcdefghij:[YOUR-PASSWORD]@aws-0-eu-west-3.pooler.supabase.com:6543/postgres?pgbouncer=true\n',
        },
      },
    },
  },
  check(model) {
    const findings: RuleFinding[] = [];
    const seen = new Set<string>();
    for (const service of model.services) {
      if (service.kind !== 'serverless') continue;
      for (const connection of connectionsOf(model, service)) {
        if (connection.url.pooler || seen.has(connection.key)) continue;
        seen.add(connection.key);
        findings.push({
          entity: `env:${connection.key}`,
          message: `${service.name} runs as ${service.platform} functions (${scale(service.platform, service.instances.max)}) and ${connection.key} connects directly to ${connection.url.host}: every instance opens its own connections.`,
          location: connection.location,
          fix: {
            text: 'Use your provider’s pooled connection string for the functions, and the direct one only for migrations.',
          },
        });
      }
    }
    return findings;
  },
});

/** Vercel publishes its ceiling; Netlify does not, so its figure is not stated as a fact. */
function scale(platform: string, max: number): string {
  return platform === 'vercel'
    ? `up to ${max.toLocaleString('en-US')} concurrent instances`
    : 'one instance per concurrent request';
}
