import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readPython } from '../../../src/sources/code/python.ts';

const read = (path: string, text: string) => readPython({ path, text });
const real = (name: string) =>
  readFileSync(new URL(`../../fixtures/code/real/${name}`, import.meta.url), 'utf8');
const keys = (found: ReturnType<typeof read>) => found.envReads.map((r) => [r.key, r.location.line]);
const caches = (found: ReturnType<typeof read>) =>
  found.inProcessCaches.map((c) => [c.kind, c.name, c.location.line]);

describe('readPython: env reads', () => {
  it('reads os.environ and os.getenv through any import spelling, across lines, not in strings or comments', () => {
    const found = read(
      'app/config.py',
      [
        'import os',
        'from os import environ as env, getenv',
        'DOC = """',
        'os.environ["IN_A_STRING"]',
        '"""',
        'A = os.environ["A_KEY"]  # os.environ["IN_A_COMMENT"]',
        'B = env.get(',
        '    "B_KEY", "fallback")',
        "C = getenv('C_KEY')",
        'os.environ["WRITTEN"] = "1"',
        'D = os.environ[f"DYNAMIC_{x}"]',
        'E = os.environ.setdefault("DJANGO_SETTINGS_MODULE", "app.settings")',
      ].join('\n'),
    );
    expect(keys(found)).toEqual([
      ['A_KEY', 6],
      ['B_KEY', 8],
      ['C_KEY', 9],
    ]);
  });

  it('reads a real Django settings file whose os comes from a star import', () => {
    expect(keys(read('textmap/settings/prod.py', real('textmap-prod.py'))).map(([key]) => key)).toEqual([
      'DJANGO_SECRET_KEY',
      'DJANGO_ALLOWED_HOSTS',
      'DB_ENGINE',
      'POSTGRES_DB',
      'POSTGRES_USER',
      'POSTGRES_PASSWORD',
      'DB_HOST',
      'DB_PORT',
    ]);
  });

  it('reads the required fields of pydantic settings classes, with their env_prefix', () => {
    expect(keys(read('app/settings/fastapi_settings.py', real('fastapi_settings.py')))).toEqual([
      ['API_HOST', 5],
      ['API_PORT', 6],
    ]);
    const v2 = read(
      'app/config.py',
      [
        'from pydantic_settings import BaseSettings, SettingsConfigDict',
        'from pydantic import BaseModel',
        'class Settings(BaseSettings):',
        '    model_config = SettingsConfigDict(env_file=".env")',
        '    database_url: str',
        '    debug: bool = False',
        '    _private: str',
        'class Payload(BaseModel):',
        '    user_id: str',
      ].join('\n'),
    );
    expect(keys(v2)).toEqual([['DATABASE_URL', 5]]);
  });
});

describe('readPython: in-process caches', () => {
  it('finds cache decorators on functions with arguments, cachetools instances and dicts filled from functions', () => {
    const found = read(
      'app/main.py',
      [
        'import functools',
        'from functools import lru_cache, cache',
        'from cachetools import TTLCache, cached',
        'feed_cache: TTLCache = TTLCache(maxsize=1024, ttl=60)',
        '_user_cache = {}',
        'other = {}',
        '',
        '@lru_cache',
        'def get_settings():',
        '    return Settings()',
        '',
        '@functools.lru_cache(maxsize=256)',
        'def rate(currency: str, *, day=None):',
        '    return 1',
        '',
        '@app.get("/users/{uid}")',
        '@cached(cache=TTLCache(maxsize=1, ttl=1))',
        'async def user(uid):',
        '    _user_cache[uid] = 1',
        '    other[uid] = 2',
        '    local = TTLCache(maxsize=1, ttl=1)',
        '',
        'class Repo:',
        '    @cache',
        '    def by_id(self, item_id):',
        '        return item_id',
      ].join('\n'),
    );
    expect(caches(found)).toEqual([
      ['cachetools.TTLCache', 'feed_cache', 4],
      ['dict', '_user_cache', 5],
      ['functools.lru_cache', 'rate', 12],
      ['cachetools.cached', 'user', 17],
      ['functools.cache', 'by_id', 24],
    ]);
  });

  it('ignores decorators and classes that only share a name with a cache library', () => {
    const found = read(
      'app/views.py',
      [
        'from flask_caching import Cache',
        'cache = Cache(config={"CACHE_TYPE": "RedisCache"})',
        'def lru_cache(key):',
        '    return key',
        '@cache.memoize(60)',
        'def report(day):',
        '    return day',
        '@lru_cache(1)',
        'def mine(day):',
        '    return day',
      ].join('\n'),
    );
    expect(caches(found)).toEqual([]);
    expect(caches(read('lib/__init__.py', real('dassana-lib-init.py')))).toEqual([
      ['cachetools.LRUCache', 'lru_cache', 5],
    ]);
  });

  it('marks files importing a web framework as request handlers', () => {
    expect(read('app/main.py', 'import os\nfrom fastapi import FastAPI\n').requestHandlers).toEqual([
      { framework: 'fastapi', location: { path: 'app/main.py', line: 2 } },
    ]);
    expect(read('app/tasks.py', 'from celery import shared_task\n').requestHandlers).toEqual([]);
  });

  it('reports a file that ends inside a string and keeps what came before', () => {
    const found = read('app/bad.py', 'import os\nA = os.getenv("A_KEY")\nDOC = """never closed\n');
    expect(keys(found)).toEqual([['A_KEY', 2]]);
    expect(found.diagnostics).toMatchObject([{ location: { path: 'app/bad.py', line: 3 } }]);
  });
});

describe('readPython: cache backends every process shares', () => {
  it('takes Django’s database, memcached and Redis backends, not the per-process locmem one', () => {
    const found = read(
      'config/settings.py',
      'CACHES = {\n    "default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache"}\n    if IS_PRODUCTION\n    else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},\n}\n',
    );
    expect(found.sharedCacheBackends.map((b) => [b.backend, b.location.line])).toEqual([
      ['django.core.cache.backends.db.DatabaseCache', 2],
    ]);
    expect(
      read(
        'settings.py',
        'CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}\n',
      ).sharedCacheBackends,
    ).toEqual([]);
  });
});
