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
  'keyv',
  '@keyv/redis',
  'cache-manager-redis-store',
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
]);

/** Development servers and watchers that must not run in production. */
export const DEV_SERVER_PROGRAMS = new Set(['nodemon', 'ts-node-dev']);

export const LIBRARY_SOURCES = {
  npm: 'https://www.npmjs.com/package/',
  pypi: 'https://pypi.org/project/',
};
