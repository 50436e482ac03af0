import { fact } from './fact.ts';

const CHECKED = '2026-11-24';

/** Variables hosts and runtimes set themselves: code may read them without declaring them. */
export const PROVIDED_ENV = {
  runtime: fact(
    [
      'NODE_ENV',
      'PORT',
      'HOST',
      'HOSTNAME',
      'HOME',
      'PATH',
      'PWD',
      'TZ',
      'LANG',
      'CI',
      'DEBUG',
      'npm_package_version',
      'PYTHONPATH',
    ],
    'https://nodejs.org/api/process.html#processenv',
    CHECKED,
  ),
  render: fact(
    [
      'RENDER',
      'RENDER_SERVICE_ID',
      'RENDER_SERVICE_NAME',
      'RENDER_EXTERNAL_URL',
      'RENDER_EXTERNAL_HOSTNAME',
      'RENDER_GIT_COMMIT',
      'RENDER_GIT_BRANCH',
      'RENDER_INSTANCE_ID',
      'IS_PULL_REQUEST',
    ],
    'https://render.com/docs/environment-variables',
    CHECKED,
  ),
  vercel: fact(
    [
      'VERCEL',
      'VERCEL_ENV',
      'VERCEL_URL',
      'VERCEL_REGION',
      'VERCEL_GIT_COMMIT_SHA',
      'VERCEL_PROJECT_PRODUCTION_URL',
      'NEXT_RUNTIME',
      'NEXT_PHASE',
    ],
    'https://vercel.com/docs/projects/environment-variables/system-environment-variables',
    CHECKED,
  ),
  fly: fact(
    ['FLY_APP_NAME', 'FLY_REGION', 'FLY_ALLOC_ID', 'FLY_MACHINE_ID', 'PRIMARY_REGION'],
    'https://fly.io/docs/machines/runtime-environment/',
    CHECKED,
  ),
  railway: fact(
    ['RAILWAY_ENVIRONMENT', 'RAILWAY_PUBLIC_DOMAIN', 'RAILWAY_SERVICE_NAME', 'RAILWAY_GIT_COMMIT_SHA'],
    'https://docs.railway.com/reference/variables#railway-provided-variables',
    CHECKED,
  ),
  vite: fact(
    ['MODE', 'BASE_URL', 'PROD', 'DEV', 'SSR'],
    'https://vite.dev/guide/env-and-mode#built-in-constants',
    CHECKED,
  ),
  netlify: fact(
    ['NETLIFY', 'URL', 'DEPLOY_URL', 'CONTEXT', 'SITE_NAME'],
    'https://docs.netlify.com/configure-builds/environment-variables/',
    CHECKED,
  ),
};

export const PROVIDED_ENV_KEYS = new Set(Object.values(PROVIDED_ENV).flatMap((list) => list.value));
