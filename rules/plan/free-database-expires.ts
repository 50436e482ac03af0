import {
  RENDER_FREE_POSTGRES_EXPIRY_DAYS,
  RENDER_FREE_POSTGRES_GRACE_DAYS,
  RENDER_FREE_POSTGRES_STORAGE_GB,
} from '../../src/catalog/render.ts';
import { defineRule } from '../../src/rules/rule.ts';

const days = RENDER_FREE_POSTGRES_EXPIRY_DAYS.value;

export default defineRule({
  meta: {
    id: 'plan/free-database-expires',
    title: 'Free Postgres that expires',
    category: 'plan',
    severity: { launch: 'warning', growth: 'error', scale: 'error', enterprise: 'error' },
    summary: `A Render Postgres on the free plan, which expires ${days} days after it is created and has no backups.`,
    ramification: `${days} days after creation the database stops; ${RENDER_FREE_POSTGRES_GRACE_DAYS.value} days later it is deleted with its data unless upgraded. Until then it has ${RENDER_FREE_POSTGRES_STORAGE_GB.value} GB of storage and no backups: one bad migration or a full disk loses everything.`,
    fix: 'Use a paid plan (`plan: basic-256mb` or larger) before real users write data to it.',
    examples: {
      bad: { path: 'render.yaml', text: 'databases:\n  - name: app-db\n    plan: free\n' },
      good: { path: 'render.yaml', text: 'databases:\n  - name: app-db\n    plan: basic-256mb\n' },
    },
  },
  check(model) {
    return model.datastores
      .filter((d) => d.platform === 'render' && d.kind === 'postgres' && d.plan?.name === 'free')
      .map((database) => ({
        entity: database.id,
        message: `${database.name} is a free Render Postgres: it expires ${days} days after creation, is deleted ${RENDER_FREE_POSTGRES_GRACE_DAYS.value} days later, holds ${RENDER_FREE_POSTGRES_STORAGE_GB.value} GB and has no backups.`,
        location: database.plan?.location ?? database.location,
        fix: { text: 'Move it to a paid plan.', replacement: 'plan: basic-256mb' },
      }));
  },
});
