import { capacityDetails } from '../../src/capacity/compute.ts';
import { defineRule } from '../../src/rules/rule.ts';

export default defineRule({
  meta: {
    id: 'pooling/connection-budget',
    title: 'More database connections than the plan allows',
    category: 'pooling',
    severity: { launch: 'warning', growth: 'error', scale: 'error', enterprise: 'error' },
    summary:
      'Σ instances (max) × worker processes × pool size of the services using a database exceeds its connection limit, less the reserved margin.',
    ramification:
      'Every process opens its own pool. When autoscaling or a deploy (old and new instances side by side) brings them all up, PostgreSQL refuses the connections beyond its limit with `FATAL: sorry, too many clients already`, and requests fail until instances go away.',
    fix: 'Lower the pool per process (`connection_limit=` for Prisma, `pool_size`/`max_overflow` for SQLAlchemy, `max` for node-postgres), put a pooler in front (Render `connectionPool: pgbouncer`, PgBouncer, Supavisor), or move to a plan with more connections. State the real pool in `capacity.services.<name>.poolSize` when Headroom cannot read it.',
    examples: {
      bad: {
        path: 'render.yaml',
        text: 'services:\n  - type: web\n    name: api\n    runtime: python\n    plan: pro\n    startCommand: gunicorn app:app -w 4\n    scaling:\n      minInstances: 1\n      maxInstances: 4\n      targetCPUPercent: 70\n    envVars:\n      - key: DATABASE_URL\n        fromDatabase: { name: db, property: connectionString }\ndatabases:\n  - name: db\n    plan: basic-1gb\n',
        alongside: { 'requirements.txt': 'sqlalchemy==2.0.36\n' },
      },
      good: {
        path: 'render.yaml',
        text: 'services:\n  - type: web\n    name: api\n    runtime: python\n    plan: pro\n    startCommand: gunicorn app:app -w 4\n    scaling:\n      minInstances: 1\n      maxInstances: 4\n      targetCPUPercent: 70\n    envVars:\n      - key: DATABASE_URL\n        fromDatabase: { name: db, property: connectionString }\ndatabases:\n  - name: db\n    plan: pro-16gb\n',
        alongside: { 'requirements.txt': 'sqlalchemy==2.0.36\n' },
      },
    },
  },
  check(model, { capacity }) {
    return capacityDetails(model, capacity).databases.flatMap((database) => {
      const { limit, demand } = database;
      if (!limit || demand <= limit.value) return [];
      const terms = database.contributors.map(
        (c) =>
          `${c.service}: ${c.instances} instance(s) × ${c.processes.value} process(es) [${c.processes.source}: ${c.processes.note}] × pool ${c.poolSize.value} [${c.poolSize.source}: ${c.poolSize.note}]`,
      );
      const processes = database.contributors.reduce((sum, c) => sum + c.instances * c.processes.value, 0);
      const fittingPool = Math.floor(limit.value / processes);
      return [
        {
          entity: database.entity,
          message: `${database.datastore} may be asked for ${demand} connections but allows ${limit.value} (${limit.note}): ${terms.join('; ')}.`,
          location: database.store?.plan?.location ?? database.location,
          fix: {
            text:
              fittingPool >= 1
                ? `Cap the pool at ${fittingPool} per process (${processes} processes share ${limit.value} connections), add a pooler, or choose a plan with more connections.`
                : `${processes} processes cannot each hold a connection within ${limit.value}: add a pooler or choose a plan with more connections.`,
          },
        },
      ];
    });
  },
});
