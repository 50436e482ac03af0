import { capacityDetails } from '../../src/capacity/compute.ts';
import { POSTGRES_DEFAULT_MAX_CONNECTIONS } from '../../src/catalog/postgres.ts';
import { defineRule } from '../../src/rules/rule.ts';

/**
 * The share of the database's connections that direct clients must be able to take before a
 * pooler is worth a line: half. Below it the processes fit with room for deploys (old and new
 * instances overlap) and migrations; past the whole limit, `pooling/connection-budget` says it.
 */
const REAL_SHARE_PERCENT = 50;

export default defineRule({
  meta: {
    id: 'pooling/direct-connection-at-scale',
    title: 'Many processes on a database without a pooler',
    category: 'pooling',
    severity: { launch: 'off', growth: 'warning', scale: 'error', enterprise: 'error' },
    summary:
      'Instances and worker processes that connect straight to a Postgres no client reaches through a pooler take half its connections or more.',
    ramification:
      'Each PostgreSQL connection is a server process with its own memory. Dozens of idle pooled connections from many workers eat the database’s RAM and its connection limit; adding instances to absorb traffic then makes the database slower instead of the app faster.',
    fix: 'Put a transaction pooler in front: Render `connectionPool: pgbouncer` with `property: connectionPoolString`, Supabase’s Supavisor (port 6543), Neon’s `-pooler` host or your own PgBouncer. Keep a direct URL for migrations.',
    examples: {
      bad: {
        path: 'render.yaml',
        text: 'services:\n  - type: web\n    name: api\n    runtime: node\n    plan: standard\n    numInstances: 6\n    startCommand: node server.js\n    envVars:\n      - key: DATABASE_URL\n        fromDatabase: { name: db, property: connectionString }\ndatabases:\n  - name: db\n    plan: basic-1gb\n',
        alongside: { 'package.json': '{ "dependencies": { "pg": "8.13.0" } }' },
      },
      good: {
        path: 'render.yaml',
        text: 'services:\n  - type: web\n    name: api\n    runtime: node\n    plan: standard\n    numInstances: 6\n    startCommand: node server.js\n    envVars:\n      - key: DATABASE_URL\n        fromDatabase: { name: db, property: connectionPoolString }\ndatabases:\n  - name: db\n    plan: basic-1gb\n    connectionPool: pgbouncer\n',
        alongside: { 'package.json': '{ "dependencies": { "pg": "8.13.0" } }' },
      },
    },
  },
  check(model, { capacity }) {
    return capacityDetails(model, capacity).databases.flatMap((database) => {
      if (database.pooled) return [];
      const processes = database.contributors.reduce((sum, c) => sum + c.instances * c.processes.value, 0);
      if (processes <= 1) return [];
      const { limit, demand } = database;
      if (limit && demand > limit.value) return [];
      // A database whose plan is not in the repository is measured against PostgreSQL's default.
      const reference = limit?.value ?? POSTGRES_DEFAULT_MAX_CONNECTIONS.value;
      if (demand * 100 < REAL_SHARE_PERCENT * reference) return [];
      const share = `${demand} of ${limit ? `its ${reference}` : `the ${reference} PostgreSQL allows by default`} connections (${Math.round((demand * 100) / reference)}%)`;
      const shares = database.contributors.map(
        (c) => `${c.service}: ${c.instances} instance(s) × ${c.processes.value} process(es)`,
      );
      return [
        {
          entity: database.entity,
          message: `${processes} processes (${shares.join(', ')}) hold their own connections to ${database.datastore}, with no pooler in front: ${share}.`,
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
