import { describe, expect, it } from 'vitest';
import { findingsFor } from '../../test/helpers/rule-findings.ts';
import rule from './queue-on-evicting-redis.ts';

const store = (extra: string) =>
  `services:\n  - type: keyvalue\n    name: jobs\n    ipAllowList: []\n${extra}`;

describe('cache/queue-on-evicting-redis', () => {
  it('reports a queue on Render’s default policy (allkeys-lru) and on a free store', async () => {
    const celery = { 'requirements.txt': 'celery[redis]==5.4.0\n' };
    const [byDefault] = await findingsFor(rule, { 'render.yaml': store(''), ...celery });
    expect(byDefault?.message).toContain('`allkeys-lru`, the default');
    const [free] = await findingsFor(rule, {
      'render.yaml': store('    plan: free\n    maxmemoryPolicy: noeviction\n'),
      ...celery,
    });
    expect(free?.message).toContain('no persistence');
  });

  it('accepts noeviction on a paid store, and any policy when no queue library is used', async () => {
    expect(
      await findingsFor(rule, {
        'render.yaml': store('    maxmemoryPolicy: noeviction\n'),
        'package.json': '{ "dependencies": { "bullmq": "5" } }',
      }),
    ).toEqual([]);
    expect(
      await findingsFor(rule, {
        'render.yaml': store(''),
        'package.json': '{ "dependencies": { "ioredis": "5" } }',
      }),
    ).toEqual([]);
  });

  it('stays quiet when a paid store that never evicts is there for the queue beside an evicting cache', async () => {
    expect(
      await findingsFor(rule, {
        'render.yaml': `${store('')}  - type: keyvalue\n    name: queue\n    plan: starter\n    maxmemoryPolicy: noeviction\n    ipAllowList: []\n`,
        'requirements.txt': 'rq==2.1.0\n',
      }),
    ).toEqual([]);
  });
});
