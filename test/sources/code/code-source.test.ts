import { describe, expect, it } from 'vitest';
import { CODE_LIMITS, codeSource } from '../../../src/sources/code/index.ts';
import { modelOf } from '../../helpers/rule-findings.ts';

describe('codeSource', () => {
  it('reads a next.config for its env keys, and says which line of a broken one it could not read', async () => {
    const good = await codeSource.read([
      { path: 'next.config.mjs', text: 'export default { env: { cloudUrl: "x" } };\n' },
    ]);
    expect(good.envDeclarations?.map((d) => d.key)).toEqual(['cloudUrl']);
    const broken = await codeSource.read([
      { path: 'next.config.mjs', text: 'export default {\n  env: { A: 1 ' },
    ]);
    expect(broken.diagnostics?.map((d) => [d.location.path, d.location.line])).toEqual([
      ['next.config.mjs', 2],
    ]);
  });

  it('wants application code only, by path', () => {
    const wanted = [
      'src/server.ts',
      'src/app/api/posts/route.tsx',
      'lib/db.mjs',
      'app/main.py',
      'api/handler.cjs',
      'envergo/geodata/management/models.py',
      // Read for its `env` keys only.
      'next.config.mjs',
    ];
    const unwanted = [
      'src/server.test.ts',
      'src/__tests__/a.ts',
      'tests/test_api.py',
      'app/test_models.py',
      'app/conftest.py',
      'src/types.d.ts',
      'vite.config.ts',
      '.eslintrc.js',
      'setup.py',
      'prisma/migrations/x.ts',
      'app/migrations/0001_initial.py',
      'scripts/seed.ts',
      'prisma/seed.ts',
      'packages/db/src/seeds/users.ts',
      'bench/load.ts',
      'benchmarks/queries.py',
      'packages/cli/src/index.ts',
      'envergo/geodata/management/commands/copy_geometries_to_prod.py',
      'public/vendor.js',
      'static/app.min.js',
      '.github/actions/x.js',
      'README.md',
    ];
    expect(wanted.filter((p) => !codeSource.matches(p))).toEqual([]);
    expect(unwanted.filter((p) => codeSource.matches(p))).toEqual([]);
  });

  it('puts what it reads into the model', async () => {
    const model = await modelOf({
      'src/app/api/feed/route.ts':
        "import { LRUCache } from 'lru-cache';\nconst feed = new LRUCache({ max: 1 });\nexport const GET = () => process.env.FEED_URL;\n",
      'worker/jobs.py': 'import os\nQUEUE = os.environ["QUEUE_URL"]\n',
    });
    expect(model.envReads.map((r) => r.key)).toEqual(['FEED_URL', 'QUEUE_URL']);
    expect(model.inProcessCaches.map((c) => c.name)).toEqual(['feed']);
    expect(model.requestHandlers.map((h) => h.framework)).toEqual(['next-route']);
  });

  it('skips oversized files and files past the count cap, and says so', async () => {
    const files = Array.from({ length: CODE_LIMITS.maxFiles + 2 }, (_, i) => ({
      path: `src/m${String(i).padStart(4, '0')}.js`,
      text: `export const v = process.env.K${i};`,
    }));
    files.push({
      path: 'src/bundle.js',
      text: `/*${'x'.repeat(CODE_LIMITS.maxFileBytes)}*/ process.env.BIG;`,
    });
    const found = await codeSource.read(files);
    expect(found.envReads).toHaveLength(CODE_LIMITS.maxFiles);
    expect(found.envReads?.some((r) => r.key === 'BIG')).toBe(false);
    expect(found.diagnostics?.map((d) => [d.location.path, d.message])).toEqual([
      ['src/bundle.js', expect.stringContaining('1 code file(s) over 256 KB')],
      ['src/m0500.js', expect.stringContaining('2 code file(s) past the first 500 code files')],
    ]);
  });

  it('parses only the files that can hold a fact', async () => {
    // Modules with no env read, cache or HTTP import: a large repository is mostly these.
    const plain = Array.from({ length: 20 }, (_, i) => ({
      path: `src/a${String(i).padStart(4, '0')}.ts`,
      text: `export function f${i}(map: Map<string, number>, env: string) { return map.get(env); }\n`,
    }));
    const found = await codeSource.read([
      ...plain,
      // Broken, and nothing in it to find: not parsed, so no syntax diagnostic either.
      { path: 'src/broken.ts', text: 'export const = ;\n' },
      { path: 'src/z-config.ts', text: 'export const url = process.env.API_URL;\n' },
      {
        path: 'src/z-memo.ts',
        text: "import { memoize } from 'lodash';\nexport const get = memoize(load);\n",
      },
      { path: 'src/z-broken-env.ts', text: 'export const = process.env.BROKEN;\n' },
    ]);
    expect(found.envReads?.map((r) => r.key)).toEqual(['API_URL']);
    expect(found.inProcessCaches?.map((c) => [c.location.path, c.name])).toEqual([['src/z-memo.ts', 'get']]);
    expect(found.diagnostics?.map((d) => d.location.path)).toEqual(['src/z-broken-env.ts']);
  });
});
