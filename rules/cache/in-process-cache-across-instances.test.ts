import { describe, expect, it } from 'vitest';
import { findingsFor } from '../../test/helpers/rule-findings.ts';
import rule from './in-process-cache-across-instances.ts';

const python = `from functools import lru_cache
from cachetools import TTLCache

prices = TTLCache(maxsize=100, ttl=60)  # shared? no: per process

@lru_cache(maxsize=256)
def exchange_rate(currency):
    ...

def handler():
    local = TTLCache(maxsize=1, ttl=1)
`;

describe('cache/in-process-cache-across-instances', () => {
  it('reports Python module-level caches in a service with several gunicorn workers', async () => {
    const findings = await findingsFor(rule, {
      'render.yaml':
        'services:\n  - type: web\n    name: api\n    runtime: python\n    plan: standard\n    startCommand: gunicorn app:app -w 3\n',
      'app/prices.py': python,
    });
    expect(findings.map((f) => [f.entity, f.location.line])).toEqual([
      ['cache:app/prices.py:prices', 4],
      ['cache:app/prices.py:exchange_rate', 6],
    ]);
    expect(findings[0]?.message).toContain('3 copies');
  });

  it('reports a module-scope Map named as a cache and filled by a function in serverless code, not one inside a function or named otherwise', async () => {
    const findings = await findingsFor(rule, {
      'vercel.json': '{}',
      'api/user.ts':
        'const userCache = new Map<string, User>();\nconst routes = new Map();\nexport function get(id: string) {\n  const memo = new Map();\n  memo.set(id, 1);\n  routes.set(id, 1);\n  if (!userCache.has(id)) userCache.set(id, load(id));\n  return userCache.get(id);\n}\n',
    });
    expect(findings.map((f) => f.entity)).toEqual(['cache:api/user.ts:userCache']);
  });

  it('stays quiet for one process on one instance', async () => {
    expect(
      await findingsFor(rule, {
        'render.yaml':
          'services:\n  - type: web\n    name: api\n    runtime: python\n    startCommand: uvicorn main:app\n',
        'app/prices.py': python,
      }),
    ).toEqual([]);
  });

  it('judges each cache by the service whose root directory holds it', async () => {
    const findings = await findingsFor(rule, {
      'render.yaml':
        'services:\n  - type: web\n    name: api\n    runtime: node\n    rootDir: api\n    plan: standard\n    numInstances: 3\n    startCommand: node server.js\n  - type: web\n    name: admin\n    runtime: node\n    rootDir: admin\n    plan: standard\n    startCommand: node server.js\n',
      'api/cache.js':
        "const NodeCache = require('node-cache');\nmodule.exports = new NodeCache();\nconst prices = new NodeCache();\n",
      'admin/cache.js': "const NodeCache = require('node-cache');\nconst prices = new NodeCache();\n",
    });
    expect(findings.map((f) => [f.entity, f.message])).toEqual([
      ['cache:api/cache.js:prices', expect.stringContaining('api runs 3 copies')],
    ]);
  });

  it('leaves a short-lived L1 cache in front of Redis alone: the module reads and writes Redis too', async () => {
    const module = (redisImport: string) =>
      `import { LRUCache } from "lru-cache";\n${redisImport}\nconst l1 = new LRUCache<string, string>({ max: 1000, ttl: 5_000 });\nexport async function get(key: string) {\n  const hit = l1.get(key);\n  if (hit) return hit;\n  const value = await redis.get(key);\n  if (value) l1.set(key, value);\n  return value;\n}\n`;
    const files = (redisImport: string) => ({
      'render.yaml':
        'services:\n  - type: web\n    name: api\n    runtime: node\n    plan: standard\n    numInstances: 3\n    startCommand: node server.js\n',
      'src/cache.ts': module(redisImport),
    });
    expect(await findingsFor(rule, files('import { redis } from "~/redis.server";'))).toEqual([]);
    expect(
      await findingsFor(rule, files('import Redis from "ioredis";\nconst redis = new Redis();')),
    ).toEqual([]);
    expect(
      (await findingsFor(rule, files('import { db } from "~/db.server";'))).map((f) => f.entity),
    ).toEqual(['cache:src/cache.ts:l1']);
  });
});
