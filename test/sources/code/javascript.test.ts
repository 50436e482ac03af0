import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBabel } from '../../../src/sources/babel-parser.ts';
import { readJavaScript } from '../../../src/sources/code/javascript.ts';

// The readers are called directly here: the sources load Babel before calling them.
beforeAll(loadBabel);

const read = (path: string, text: string) => readJavaScript({ path, text });
const real = (name: string) =>
  readFileSync(new URL(`../../fixtures/code/real/${name}`, import.meta.url), 'utf8');
const keys = (found: ReturnType<typeof read>) => found.envReads.map((r) => [r.key, r.location.line]);
const caches = (found: ReturnType<typeof read>) =>
  found.inProcessCaches.map((c) => [c.kind, c.name, c.location.line]);

describe('readJavaScript: env reads', () => {
  it('reads dotted, bracketed, destructured and import.meta reads, not writes or dynamic keys', () => {
    const found = read(
      'src/config.ts',
      [
        'const { STRIPE_KEY, SMTP_URL: smtp = "", ...rest } = process.env;',
        "export const hook = process.env['STRIPE_WEBHOOK_SECRET'] ?? process.env.STRIPE_KEY!;",
        'const mode = import.meta.env.VITE_API_URL;',
        'process.env.WRITTEN = "1";',
        'const dynamic = process.env[name];',
        'const optional = process.env?.OPTIONAL_KEY as string | undefined;',
      ].join('\n'),
    );
    expect(keys(found)).toEqual([
      ['STRIPE_KEY', 1],
      ['SMTP_URL', 1],
      ['STRIPE_WEBHOOK_SECRET', 2],
      ['STRIPE_KEY', 2],
      ['VITE_API_URL', 3],
      ['OPTIONAL_KEY', 6],
    ]);
  });

  it('reads JSX and TSX files, where type stripping alone fails; a "use client" module is browser code', () => {
    const text = real('ClientComponent.tsx');
    const server = read(
      'src/app/components/ServerComponent.tsx',
      text.replace('"use client";', '"use strict";'),
    );
    expect(keys(server)).toEqual([['NEXT_PUBLIC_API_BASE_URL', 9]]);
    expect(server.diagnostics).toEqual([]);
    const client = read('src/app/components/ClientComponent.tsx', text);
    expect(client).toEqual({
      envReads: [],
      inProcessCaches: [],
      sharedCacheBackends: [],
      requestHandlers: [],
      healthEndpoints: [],
      diagnostics: [],
    });
  });

  it('reads TypeScript casts and legacy decorators; a whole process.env passed around is not a read', () => {
    const found = read(
      'src/config/config.service.ts',
      `${real('nest-config.service.ts')}\nconst port = <number>(<unknown>process.env.APP_PORT);\n`,
    );
    expect(keys(found)).toEqual([['APP_PORT', 16]]);
    expect(found.diagnostics).toEqual([]);
  });

  it('reports a syntax error with its line: after a recoverable one it reads on, after a fatal one it stops', () => {
    const recovered = read(
      'src/dup.js',
      'const a = process.env.BEFORE;\nconst a = 1;\nconst c = process.env.AFTER;\n',
    );
    expect(recovered.diagnostics).toMatchObject([
      { severity: 'info', origin: 'code', location: { path: 'src/dup.js', line: 2 } },
    ]);
    expect(keys(recovered)).toEqual([
      ['BEFORE', 1],
      ['AFTER', 3],
    ]);
    const fatal = read('src/broken.js', 'const a = process.env.BEFORE;\nconst b = ;\n');
    expect(fatal.diagnostics).toMatchObject([{ location: { path: 'src/broken.js', line: 2, column: 11 } }]);
    expect(fatal.diagnostics[0]?.message).toContain('src/broken.js has a syntax Headroom cannot read');
  });
});

describe('readJavaScript: in-process caches', () => {
  it('finds library caches and memoizers held for the life of the process, by what they were imported as', () => {
    const found = read(
      'src/cache.ts',
      [
        "import { LRUCache as Lru } from 'lru-cache';",
        "import * as nc from 'node-cache';",
        "import memoize from 'memoizee';",
        "const QuickLRU = require('quick-lru');",
        'export const feed = new Lru<string, Post[]>({ max: 500 });',
        'const sessions = new nc.default();',
        'export const rates = memoize(fetchRates, { maxAge: 60_000 });',
        'class Users {',
        '  #byId = new QuickLRU({ maxSize: 100 });',
        '  constructor() { this.byEmail = new Lru({ max: 10 }); }',
        '  find() { const perCall = new Lru({ max: 1 }); return perCall; }',
        '}',
        'function handler() { const local = new Lru({ max: 1 }); }',
        'class LRUCache {}\nconst mine = new LRUCache();',
      ].join('\n'),
    );
    expect(caches(found)).toEqual([
      ['lru-cache', 'feed', 5],
      ['node-cache', 'sessions', 6],
      ['memoizee', 'rates', 7],
      ['quick-lru', 'byId', 9],
      ['lru-cache', 'byEmail', 10],
    ]);
  });

  it('finds lru-cache called without new, as code written for lru-cache 6 does', () => {
    expect(caches(read('server/cache.js', real('survarium-cache.js')))).toEqual([['lru-cache', 'cache', 8]]);
  });

  it('counts a module-scope Map as a cache only when named as one and filled from a function', () => {
    const found = read(
      'src/users.ts',
      [
        'const userCache = new Map<string, User>();',
        'const sessionStore = new WeakMap();',
        'const routes = new Map();',
        'const configCache = new Map([["a", 1]]);',
        'export async function get(id: string) {',
        '  userCache.set(id, await load(id));',
        '  routes.set(id, 1);',
        '  const memo = new Map();',
        '  memo.set(id, 1);',
        '}',
        'sessionStore.set(key, 1);',
        'export const remember = (k: object) => sessionStore.set(k, 1);',
      ].join('\n'),
    );
    expect(caches(found)).toEqual([
      ['Map', 'userCache', 1],
      ['WeakMap', 'sessionStore', 2],
    ]);
  });
});

describe('readJavaScript: request handlers', () => {
  it('marks Next.js route handlers, server actions and files importing a server framework', () => {
    const handlers = (path: string, text: string) => read(path, text).requestHandlers.map((h) => h.framework);
    expect(handlers('src/app/api/posts/route.ts', 'export async function GET() {}')).toEqual(['next-route']);
    expect(handlers('pages/api/hello.js', 'export default function handler() {}')).toEqual(['next-route']);
    expect(handlers('src/actions.ts', "'use server';\nexport async function save() {}")).toEqual([
      'next-server-action',
    ]);
    expect(handlers('src/server.js', "const express = require('express');\nconst app = express();")).toEqual([
      'express',
    ]);
    expect(handlers('src/app/page.tsx', 'export default function Page() { return <main />; }')).toEqual([]);
  });
});
