import { renderPostgresPlan } from '../../src/catalog/render.ts';
import { TIER_DATABASE_NEEDS } from '../../src/catalog/tiers.ts';
import { defineRule, TIERS } from '../../src/rules/rule.ts';

const sizing = TIERS.map(
  (tier) =>
    `${tier} ${TIER_DATABASE_NEEDS.value[tier].memoryMb} MB / ${TIER_DATABASE_NEEDS.value[tier].connections} connections`,
).join(', ');

export default defineRule({
  meta: {
    id: 'plan/database-plan-vs-tier',
    title: 'Database plan too small for the target tier',
    category: 'plan',
    severity: { launch: 'off', growth: 'warning', scale: 'error', enterprise: 'error' },
    summary:
      'The Render Postgres plan’s RAM, or its connection limit when no pooler is in front, is below what the target tier needs by Headroom’s sizing.',
    ramification:
      'With too little RAM the working set no longer fits in memory: every query reads from disk and latency climbs with traffic. With too few connections, peaks queue or fail. Upgrading a database under load means downtime at the worst moment.',
    fix: `Move to a plan that fits the tier before you reach it (Render \`basic-1gb\` → \`pro-4gb\` → \`pro-8gb\`…), put a pooler in front when connections are short (\`connectionPool: pgbouncer\`), or set a lower \`tier\` if the audience is smaller. Headroom's sizing, its own assumption from the seeds' roadmaps: ${sizing}.`,
    examples: {
      bad: { path: 'render.yaml', text: 'databases:\n  - name: db\n    plan: basic-256mb\n' },
      good: { path: 'render.yaml', text: 'databases:\n  - name: db\n    plan: pro-16gb\n' },
    },
  },
  check(model, { tier }) {
    const need = TIER_DATABASE_NEEDS.value[tier];
    return model.datastores.flatMap((database) => {
      if (database.platform !== 'render' || database.kind !== 'postgres' || !database.plan) return [];
      // A free database is `plan/free-database-expires`: one fix (a paid plan) answers both.
      if (database.plan.name === 'free') return [];
      const plan = renderPostgresPlan(database.plan.name);
      if (!plan) return [];
      const { memoryMb, maxConnections } = plan.value;
      // A pooler multiplexes many clients onto few server connections: then RAM is what counts.
      const pooled = Boolean(database.managedPooler);
      const shortfalls = [
        ...(memoryMb < need.memoryMb ? [`RAM ${memoryMb} MB < ${need.memoryMb} MB`] : []),
        ...(!pooled && maxConnections < need.connections
          ? [`connections ${maxConnections} < ${need.connections} with no pooler in front`]
          : []),
      ];
      if (shortfalls.length === 0) return [];
      const planName = `${database.plan.name}${database.plan.explicit ? '' : ', the default plan'}`;
      return [
        {
          entity: database.id,
          message: `${database.name} (${planName}) is below what the ${tier} tier needs by Headroom's sizing: ${shortfalls.join('; ')}.`,
          location: database.plan.location,
          fix: {
            text: `Choose a plan with at least ${need.memoryMb} MB of RAM${pooled ? '' : ` and ${need.connections} connections (or add a pooler)`}.`,
          },
        },
      ];
    });
  },
});
