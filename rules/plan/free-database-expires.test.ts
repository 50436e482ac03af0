import { describe, expect, it } from 'vitest';
import { findingsFor } from '../../test/helpers/rule-findings.ts';
import rule from './free-database-expires.ts';

describe('plan/free-database-expires', () => {
  it('reports a free Render Postgres with the catalog’s numbers, at its plan line', async () => {
    const [finding] = await findingsFor(rule, {
      'render.yaml': 'databases:\n  - name: db\n    databaseName: app\n    plan: free\n',
    });
    expect(finding).toMatchObject({
      entity: 'database:db',
      location: { line: 4 },
      fix: { replacement: 'plan: basic-256mb' },
    });
    expect(finding?.message).toContain('expires 30 days after creation');
  });

  it('accepts a paid plan and the default plan (basic-256mb)', async () => {
    expect(
      await findingsFor(rule, { 'render.yaml': 'databases:\n  - name: db\n    plan: basic-1gb\n' }),
    ).toEqual([]);
    expect(await findingsFor(rule, { 'render.yaml': 'databases:\n  - name: db\n' })).toEqual([]);
  });
});
