import { renderPostgresPlan } from '../../src/catalog/render.ts';
import { TIER_DATABASE_NEEDS } from '../../src/catalog/tiers.ts';
import { defineRule } from '../../src/rules/rule.ts';

export default defineRule({
  meta: {
    id: 'plan/database-plan-vs-tier',
    title: 'Database plan too small for the target tier',
    category: 'plan',
    severity: { launch: 'off', growth: 'warning', scale: 'error', enterprise: 'error' },
    summary:
      'The Postgres plan’s RAM or connection limit is below what the target tier needs (Headroom’s sizing table, stated in the message).',
    ramification:
      'With too little RAM the working set no longer fits in memory: every query reads from disk and latency climbs with traffic. With too few connections, peaks queue or fail. Upgrading a database under load means downtime at the worst moment.',
    fix: 'Move to a plan that fits the tier before you reach it (Render `basic-1gb` → `pro-4gb` → `pro-8gb`…), or set a lower `tier` if the audience is smaller.',
    examples: {
      bad: { path: 'render.yaml', text: 'databases:\n  - name: db\n    plan: basic-256mb\n' },
      good: { path: 'render.yaml', text: 'databases:\n  - name: db\n    plan: pro-16gb\n' },
    },
  },
  check(model, { tier }) {
    const need = TIER_DATABASE_NEEDS.value[tier];
    return model.datastores.flatMap((database) => {
      if (database.platform !== 'render' || database.kind !== 'postgres' || !database.plan) return [];
      const plan = renderPostgresPlan(database.plan.name);
      if (!plan) return [];
      const { memoryMb, maxConnections } = plan.value;
      if (memoryMb >= need.memoryMb && maxConnections >= need.connections) return [];
      return [
        {
          entity: database.id,
          message: `${database.name} (${database.plan.name}: ${memoryMb} MB RAM, ${maxConnections} connections) is below what the ${tier} tier needs by Headroom's sizing (${need.memoryMb} MB, ${need.connections} connections).`,
          location: database.plan.location,
          fix: {
            text: `Choose a plan with at least ${need.memoryMb} MB of RAM and ${need.connections} connections.`,
          },
        },
      ];
    });
  },
});
