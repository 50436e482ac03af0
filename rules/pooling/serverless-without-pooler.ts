import { isLocalHost } from '../../src/model/connection-url.ts';
import { defineRule, type RuleFinding } from '../../src/rules/rule.ts';

export default defineRule({
  meta: {
    id: 'pooling/serverless-without-pooler',
    title: 'Serverless functions on a direct database connection',
    category: 'pooling',
    severity: { launch: 'warning', growth: 'error', scale: 'error', enterprise: 'error' },
    summary: 'Functions on Vercel or Netlify connect to Postgres through a direct URL instead of a pooler.',
    ramification:
      'Each function instance opens its own connections, and the platform runs as many instances as there are concurrent requests (thousands on Vercel). A traffic spike exhausts the database’s connection limit in seconds: `too many clients already`, then every page that touches the database fails.',
    fix: 'Point the functions at a transaction pooler: Supabase’s port 6543 (`?pgbouncer=true` for Prisma), Neon’s `-pooler` host, Prisma Accelerate, or PgBouncer; keep the direct URL for migrations only.',
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
    const serverless = model.services.filter((s) => s.kind === 'serverless');
    if (serverless.length === 0) return [];
    const findings: RuleFinding[] = [];
    const seen = new Set<string>();
    for (const connection of model.connections) {
      if (
        connection.url.dialect !== 'postgres' ||
        connection.url.pooler ||
        isLocalHost(connection.url.host) ||
        seen.has(connection.key)
      )
        continue;
      const directory = connection.location.path.includes('/')
        ? connection.location.path.slice(0, connection.location.path.lastIndexOf('/'))
        : '';
      const service =
        serverless.find((s) => s.rootDir === directory) ??
        (serverless.length === 1 ? serverless[0] : undefined);
      if (!service) continue;
      seen.add(connection.key);
      findings.push({
        entity: `env:${connection.key}`,
        message: `${service.name} runs as ${service.platform} functions and ${connection.key} connects directly to ${connection.url.host}: every concurrent instance opens its own connections.`,
        location: connection.location,
        fix: {
          text: 'Use the pooled connection string of your provider for the functions, and a direct one only for migrations.',
        },
      });
    }
    return findings;
  },
});
