import { capacityDetails } from '../../src/capacity/compute.ts';
import { defineRule } from '../../src/rules/rule.ts';

export default defineRule({
  meta: {
    id: 'pooling/direct-connection-at-scale',
    title: 'Many processes on a database without a pooler',
    category: 'pooling',
    severity: { launch: 'off', growth: 'warning', scale: 'error', enterprise: 'error' },
    summary:
      'Several instances or worker processes connect straight to a Postgres that no client reaches through a pooler.',
    ramification:
      'Each PostgreSQL connection is a server process with its own memory. Dozens of idle pooled connections from many workers eat the database’s RAM and its connection limit; adding instances to absorb traffic then makes the database slower instead of the app faster.',
    fix: 'Put a transaction pooler in front: Render `connectionPool: pgbouncer` with `property: connectionPoolString`, Supabase’s Supavisor (port 6543), Neon’s `-pooler` host or your own PgBouncer. Keep a direct URL for migrations.',
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
  check(model, { capacity }) {
    return capacityDetails(model, capacity).databases.flatMap((database) => {
      if (database.pooled) return [];
      const processes = database.contributors.reduce((sum, c) => sum + c.instances * c.processes.value, 0);
      if (processes <= 1) return [];
      const shares = database.contributors.map(
        (c) => `${c.service}: ${c.instances} instance(s) × ${c.processes.value} process(es)`,
      );
      return [
        {
          entity: database.entity,
          message: `${processes} processes (${shares.join(', ')}) hold their own connections to ${database.datastore}, with no pooler in front.`,
          location: database.location,
          fix: database.store
            ? {
                text: 'Enable Render’s managed PgBouncer on the database and give services `property: connectionPoolString`.',
                replacement: 'connectionPool: pgbouncer',
              }
            : {
                text: 'Give the services your provider’s pooled connection string and keep the direct one for migrations.',
              },
        },
      ];
    });
  },
});
