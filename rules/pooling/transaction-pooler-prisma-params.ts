import { prismaClientKind } from '../../src/capacity/pool.ts';
import { PGBOUNCER_DEFAULTS, PGBOUNCER_PREPARED_STATEMENTS_SINCE } from '../../src/catalog/postgres.ts';
import type { Location } from '../../src/model/location.ts';
import type { Connection, DbSchema, ProjectModel } from '../../src/model/project-model.ts';
import { defineRule, type RuleFinding } from '../../src/rules/rule.ts';

/** A transaction-mode pooler a URL goes through, and whether Prisma's engine needs `pgbouncer=true` there. */
interface PooledUrl {
  key: string;
  /** `yes`: Supavisor; `unknown`: a PgBouncer whose version Headroom cannot see; `no`: Neon. */
  needsPgbouncerParam: 'yes' | 'unknown' | 'no';
  hasPgbouncerParam: boolean;
  where: string;
  location: Location;
  connection?: Connection;
}

const since = PGBOUNCER_PREPARED_STATEMENTS_SINCE.value;

export default defineRule({
  meta: {
    id: 'pooling/transaction-pooler-prisma-params',
    title: 'Prisma on a transaction pooler without its settings',
    category: 'pooling',
    severity: { launch: 'error', growth: 'error', scale: 'error', enterprise: 'error' },
    summary:
      'A Prisma datasource points at a transaction-mode pooler without `pgbouncer=true` where it is still needed (Supavisor; PgBouncer before 1.21), or has no direct `directUrl`, so `prisma migrate` runs through the pooler.',
    ramification:
      'A transaction pooler hands each transaction to any server connection, so Prisma’s named prepared statements collide (`prepared statement "s0" already exists`) and queries fail at random under load. Migrations through it hang or fail.',
    fix: `Add \`?pgbouncer=true\` to the pooled URL (not needed for PgBouncer ≥ ${since} with \`max_prepared_statements\` > 0, nor on Neon, nor with a Prisma 7 driver adapter), and set \`directUrl = env("DIRECT_URL")\` to a direct or session-mode URL for migrations.`,
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
    const engine = prismaClientKind(model.dependencies.filter((d) => !d.dev)) !== 'pg-adapter';
    const findings: RuleFinding[] = [];
    for (const schema of model.schemas) {
      const datasource = schema.datasource;
      if (schema.origin !== 'prisma' || schema.provider !== 'postgresql' || !datasource?.urlEnv) continue;
      const pooled = pooledUrls(model, datasource.urlEnv);
      if (engine) findings.push(...pooled.flatMap(pgbouncerParamFinding));
      const first = pooled[0];
      if (first) findings.push(...directUrlFindings(model, schema, first));
    }
    const seen = new Set<string>();
    return findings.filter((f) => !seen.has(f.entity) && seen.add(f.entity));
  },
});

/** Where the env var `key` leads to a transaction pooler: literal URLs, and Render's managed PgBouncer. */
function pooledUrls(model: ProjectModel, key: string): PooledUrl[] {
  const found: PooledUrl[] = [];
  for (const connection of model.connections) {
    if (connection.key !== key) continue;
    const { url } = connection;
    const hasPgbouncerParam = url.params.pgbouncer === 'true';
    const base = { key, hasPgbouncerParam, location: connection.location, connection };
    if (url.pooler === 'supabase-transaction')
      found.push({
        ...base,
        needsPgbouncerParam: 'yes',
        where: `Supabase's transaction pooler (${url.host}:${url.port})`,
      });
    else if (url.pooler === 'neon')
      found.push({ ...base, needsPgbouncerParam: 'no', where: `Neon's pooler (${url.host})` });
    else if (url.pooler === 'pgbouncer' || url.port === PGBOUNCER_DEFAULTS.value.listenPort)
      found.push({
        ...base,
        needsPgbouncerParam: 'unknown',
        where: `PgBouncer (${url.host}:${url.port ?? 5432})`,
      });
  }
  for (const service of model.services)
    for (const binding of service.env)
      if (
        binding.key === key &&
        binding.source.kind === 'fromDatabase' &&
        binding.source.property === 'connectionPoolString'
      )
        found.push({
          key,
          needsPgbouncerParam: 'unknown',
          hasPgbouncerParam: false,
          where: `Render's PgBouncer for ${binding.source.name}`,
          location: binding.location,
        });
  return found;
}

function pgbouncerParamFinding(pooled: PooledUrl): RuleFinding[] {
  if (pooled.hasPgbouncerParam || pooled.needsPgbouncerParam === 'no') return [];
  const masked = pooled.connection?.url.masked;
  const fix = masked
    ? {
        text: 'Append `pgbouncer=true` to the URL.',
        replacement: `${pooled.key}="${masked}${masked.includes('?') ? '&' : '?'}pgbouncer=true"`,
      }
    : { text: 'Append `pgbouncer=true` to the URL where you set it, or confirm the PgBouncer version.' };
  if (pooled.needsPgbouncerParam === 'yes')
    return [
      {
        entity: `env:${pooled.key}:pgbouncer`,
        message: `${pooled.key} points Prisma at ${pooled.where} without \`pgbouncer=true\`: prepared statements will collide under load.`,
        location: pooled.location,
        fix,
      },
    ];
  return [
    {
      entity: `env:${pooled.key}:pgbouncer`,
      message: `${pooled.key} points Prisma at ${pooled.where} without \`pgbouncer=true\`: prepared statements collide unless it runs PgBouncer ≥ ${since} with \`max_prepared_statements\` > 0, a version Headroom cannot see.`,
      location: pooled.location,
      fix,
      severity: 'warning',
    },
  ];
}

function directUrlFindings(model: ProjectModel, schema: DbSchema, pooled: PooledUrl): RuleFinding[] {
  const datasource = schema.datasource;
  if (!datasource) return [];
  const entity = `env:${pooled.key}:directUrl`;
  if (!datasource.directUrlEnv)
    return [
      {
        entity,
        message: `The Prisma datasource uses ${pooled.key}, which goes through ${pooled.where}, and has no \`directUrl\`, so \`prisma migrate\` runs through a transaction pooler, where it hangs or fails.`,
        location: datasource.location,
        fix: {
          text: 'Add a direct (or session-mode) URL for migrations.',
          replacement: 'directUrl = env("DIRECT_URL")',
        },
      },
    ];
  const direct = pooledUrls(model, datasource.directUrlEnv)[0];
  if (!direct) return [];
  return [
    {
      entity,
      message: `The Prisma datasource's directUrl ${datasource.directUrlEnv} also goes through ${direct.where}, so \`prisma migrate\` still runs through a transaction pooler.`,
      location: direct.location,
      fix: { text: `Point ${datasource.directUrlEnv} at the direct host or the session-mode port.` },
    },
  ];
}
