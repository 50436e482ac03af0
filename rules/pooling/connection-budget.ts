import { computeCapacity } from '../../src/capacity/compute.ts';
import { defineRule } from '../../src/rules/rule.ts';

export default defineRule({
  meta: {
    id: 'pooling/connection-budget',
    title: 'More database connections than the plan allows',
    category: 'pooling',
    severity: { launch: 'warning', growth: 'error', scale: 'error', enterprise: 'error' },
    summary:
      'Σ instances (max) × worker processes × pool size of the services using a database exceeds its connection limit.',
    ramification:
      'Every process opens its own pool. When autoscaling or a deploy (old and new instances side by side) brings them all up, PostgreSQL refuses the connections beyond its limit with `FATAL: sorry, too many clients already`, and requests fail until instances go away.',
    fix: 'Lower the pool per process (`connection_limit=`, `pool_size`/`max_overflow`, `max`), put a pooler in front (Render `connectionPool: pgbouncer`, PgBouncer, Supavisor), or move to a plan with more connections.',
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
  check(model) {
    const capacity = computeCapacity(model);
    return capacity.databases.flatMap((database) => {
      if (!database.limit || database.demand <= database.limit.value) return [];
      const datastore = model.datastores.find((d) => d.name === database.datastore && d.kind === 'postgres');
      if (!datastore) return [];
      const terms = database.contributors.map(
        (c) =>
          `${c.service}: ${c.instances} instance(s) × ${c.processes.value} process(es) [${c.processes.source}] × pool ${c.poolSize.value} [${c.poolSize.note ?? c.poolSize.source}]`,
      );
      return [
        {
          entity: datastore.id,
          message: `${datastore.name} may be asked for ${database.demand} connections but allows ${database.limit.value} (${database.limit.note}): ${terms.join('; ')}.`,
          location: datastore.plan?.location ?? datastore.location,
          fix: {
            text: 'Lower the pool size per process, add a pooler, or choose a plan with more connections.',
          },
        },
      ];
    });
  },
});
