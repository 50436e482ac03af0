import { computeCapacity } from '../../src/capacity/compute.ts';
import { defineRule } from '../../src/rules/rule.ts';

export default defineRule({
  meta: {
    id: 'pooling/direct-connection-at-scale',
    title: 'Many processes on a database without a pooler',
    category: 'pooling',
    severity: { launch: 'off', growth: 'warning', scale: 'error', enterprise: 'error' },
    summary:
      'Several instances or worker processes connect straight to a Postgres that has no pooler in front.',
    ramification:
      'Each PostgreSQL connection is a server process with its own memory. Dozens of idle pooled connections from many workers eat the database’s RAM and its connection limit; adding instances to absorb traffic then makes the database slower instead of the app faster.',
    fix: 'Put a transaction pooler in front: Render `connectionPool: pgbouncer` with `property: connectionPoolString`, Supabase’s Supavisor (port 6543), Neon’s `-pooler` host or your own PgBouncer.',
    examples: {
      bad: {
        path: 'render.yaml',
        text: 'services:\n  - type: web\n    name: api\n    runtime: node\n    plan: standard\n    numInstances: 3\n    startCommand: node server.js\n    envVars:\n      - key: DATABASE_URL\n        fromDatabase: { name: db, property: connectionString }\ndatabases:\n  - name: db\n    plan: pro-4gb\n',
      },
      good: {
        path: 'render.yaml',
        text: 'services:\n  - type: web\n    name: api\n    runtime: node\n    plan: standard\n    numInstances: 3\n    startCommand: node server.js\n    envVars:\n      - key: DATABASE_URL\n        fromDatabase: { name: db, property: connectionPoolString }\ndatabases:\n  - name: db\n    plan: pro-4gb\n    connectionPool: pgbouncer\n',
      },
    },
  },
  check(model) {
    return computeCapacity(model).databases.flatMap((database) => {
      const datastore = model.datastores.find((d) => d.kind === 'postgres' && d.name === database.datastore);
      if (!datastore || datastore.managedPooler) return [];
      const processes = database.contributors.reduce((sum, c) => sum + c.instances * c.processes.value, 0);
      if (processes <= 1) return [];
      return [
        {
          entity: datastore.id,
          message: `${processes} processes (${database.contributors.map((c) => `${c.service}: ${c.instances} × ${c.processes.value}`).join(', ')}) connect directly to ${datastore.name}, with no pooler in front.`,
          location: datastore.location,
          fix: {
            text: 'Enable Render’s managed PgBouncer and give services the pooled string.',
            replacement: 'connectionPool: pgbouncer',
          },
        },
      ];
    });
  },
});
