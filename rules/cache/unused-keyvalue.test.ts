import { describe, expect, it } from 'vitest';
import { findingsFor } from '../../test/helpers/rule-findings.ts';
import rule from './unused-keyvalue.ts';

describe('cache/unused-keyvalue', () => {
  it('reports a store no service is wired to, with the envVars entry to add', async () => {
    const [finding] = await findingsFor(rule, {
      'render.yaml':
        'services:\n  - { type: web, name: api, runtime: node, startCommand: node s.js }\n  - { type: keyvalue, name: cache, ipAllowList: [] }\n',
    });
    expect(finding).toMatchObject({ entity: 'keyvalue:cache', location: { line: 3 } });
    expect(finding?.fix?.replacement).toContain('name: cache');
  });

  it('accepts a store referenced through an env var group', async () => {
    expect(
      await findingsFor(rule, {
        'render.yaml':
          'envVarGroups:\n  - name: shared\n    envVars:\n      - key: REDIS_URL\n        fromService: { type: keyvalue, name: cache, property: connectionString }\nservices:\n  - type: web\n    name: api\n    runtime: node\n    startCommand: node s.js\n    envVars:\n      - fromGroup: shared\n  - { type: keyvalue, name: cache, ipAllowList: [] }\n',
      }),
    ).toEqual([]);
  });
});
