/**
 * Package names that tell Headroom what a service does. These are names, not numbers: each list
 * says where the names come from (the registries' package pages).
 */

/** Long-lived chat bots: they hold a gateway connection and must never sleep. */
export const BOT_PACKAGES = new Set([
  'discord.js',
  'eris',
  'oceanic.js',
  'discord-py',
  'py-cord',
  'nextcord',
  'disnake',
  'hikari',
  'python-telegram-bot',
  'aiogram',
  'pytelegrambotapi',
  'telegraf',
  'grammy',
  'node-telegram-bot-api',
  '@slack/bolt',
  'slack-bolt',
  'slack_bolt',
  'botbuilder',
  'whatsapp-web.js',
  '@whiskeysockets/baileys',
]);

/** Servers holding websockets or schedulers inside the web process. */
export const LONG_LIVED_PACKAGES = new Set([
  'socket.io',
  'ws',
  'channels',
  'python-socketio',
  'node-cron',
  'cron',
  'agenda',
  'apscheduler',
  'node-schedule',
]);

/** Job queues that store jobs in Redis: an evicting Redis loses jobs. */
export const REDIS_QUEUE_PACKAGES = new Set([
  'bullmq',
  'bull',
  'bee-queue',
  'kue',
  'celery',
  'rq',
  'dramatiq',
  'arq',
  'huey',
  'sidekiq',
  'sidekiq-pro',
  'sidekiq-ent',
  'resque',
]);

/** Clients of a shared cache. */
export const REDIS_CLIENT_PACKAGES = new Set([
  'redis',
  'ioredis',
  '@upstash/redis',
  '@redis/client',
  'iovalkey',
  'django-redis',
  'redis-py',
  'aioredis',
  '@keyv/redis',
  'cache-manager-redis-store',
  'cache-manager-ioredis-yet',
  '@vercel/kv',
  '@valkey/valkey-glide',
  'valkey-glide',
  'memjs',
  'redis-client',
  'hiredis',
  'kredis',
  'redis-rails',
  'redis-store',
  'dalli',
  'pymemcache',
  'pylibmc',
  'python-memcached',
]);

/** Error trackers. */
export const ERROR_TRACKING_PACKAGES = new Set([
  '@sentry/node',
  '@sentry/nextjs',
  '@sentry/react',
  '@sentry/remix',
  '@sentry/sveltekit',
  '@sentry/bun',
  'sentry-sdk',
  'raven',
  '@bugsnag/js',
  'bugsnag',
  '@honeybadger-io/js',
  'honeybadger',
  'rollbar',
  'dd-trace',
  'ddtrace',
  'newrelic',
  '@highlight-run/node',
  'posthog-node',
  '@opentelemetry/sdk-node',
  'elastic-apm-node',
  'elastic-apm',
  'logrocket',
  'airbrake',
  '@airbrake/node',
  'sentry-ruby',
  'sentry-rails',
  'sentry-raven',
  'newrelic_rpm',
  'datadog',
  'appsignal',
  'scout_apm',
  'exception_notification',
  // Logging platforms whose SDKs capture errors with the logs.
  'next-axiom',
  '@axiomhq/nextjs',
  '@axiomhq/js',
  '@logtail/next',
]);

/** Rate limiters, in app code or as middleware. */
export const RATE_LIMIT_PACKAGES = new Set([
  'express-rate-limit',
  'rate-limiter-flexible',
  '@upstash/ratelimit',
  '@nestjs/throttler',
  '@fastify/rate-limit',
  'fastify-rate-limit',
  'hono-rate-limiter',
  'koa-ratelimit',
  'express-slow-down',
  'slowapi',
  'flask-limiter',
  'django-ratelimit',
  'fastapi-limiter',
  'limits',
  '@arcjet/next',
  '@arcjet/node',
  'rack-attack',
  'rack-throttle',
]);

/** HTTP frameworks: a service built on one serves a public API when it is a web service. */
export const HTTP_FRAMEWORK_PACKAGES = new Set([
  'express',
  'fastify',
  'koa',
  'hono',
  '@nestjs/core',
  'next',
  'fastapi',
  'flask',
  'django',
  'starlette',
  'litestar',
  'sanic',
  'aiohttp',
  'rails',
  'sinatra',
  'hanami',
  'roda',
  'grape',
]);

/** Development servers and watchers that must not run in production. */
export const DEV_SERVER_PROGRAMS = new Set(['nodemon', 'ts-node-dev']);

export const LIBRARY_SOURCES = {
  npm: 'https://www.npmjs.com/package/',
  pypi: 'https://pypi.org/project/',
  rubygems: 'https://rubygems.org/gems/',
};

/**
 * JavaScript modules whose exports hold values in process memory across requests, by export
 * name (`default` for the default export and for `require()`): `constructor`s are used with
 * `new`, `memoizer`s wrap a function.
 */
export const JS_CACHE_EXPORTS: Record<string, Record<string, 'constructor' | 'memoizer'>> = {
  'lru-cache': { LRUCache: 'constructor', default: 'constructor' },
  'node-cache': { default: 'constructor' },
  'quick-lru': { default: 'constructor' },
  '@isaacs/ttlcache': { default: 'constructor', TTLCache: 'constructor' },
  'flat-cache': { default: 'constructor' },
  'memory-cache': { Cache: 'constructor' },
  memoizee: { default: 'memoizer' },
  mem: { default: 'memoizer' },
  memoize: { default: 'memoizer' },
  'p-memoize': { default: 'memoizer' },
  moize: { default: 'memoizer' },
  'fast-memoize': { default: 'memoizer' },
  'micro-memoize': { default: 'memoizer' },
  'lodash.memoize': { default: 'memoizer' },
  'lodash/memoize': { default: 'memoizer' },
  lodash: { memoize: 'memoizer' },
  'lodash-es': { memoize: 'memoizer' },
};

/**
 * Python in-process caches by module and name: decorators that memoize a function, and classes
 * whose instances hold a cache.
 */
export const PY_CACHE_DECORATORS: Record<string, Set<string>> = {
  functools: new Set(['lru_cache', 'cache']),
  cachetools: new Set(['cached']),
  'cachetools.func': new Set(['lru_cache', 'ttl_cache', 'lfu_cache', 'fifo_cache', 'rr_cache']),
  async_lru: new Set(['alru_cache']),
};
export const PY_CACHE_CLASSES: Record<string, Set<string>> = {
  cachetools: new Set(['TTLCache', 'LRUCache', 'LFUCache', 'TLRUCache', 'FIFOCache', 'RRCache', 'MRUCache']),
};

/** Imports that make a file serve HTTP requests. */
export const HTTP_HANDLER_MODULES = new Set([
  'express',
  'fastify',
  'koa',
  '@koa/router',
  'hono',
  '@nestjs/core',
  'next/server',
  'fastapi',
  'flask',
  'starlette',
  'litestar',
  'sanic',
  'django.http',
  'django.urls',
  'rest_framework',
  'aiohttp.web',
]);
