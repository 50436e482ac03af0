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
  // The SDKs' credential chain: on ECS, EKS or Lambda the role provides these, not a config file.
  aws: fact(
    [
      'AWS_REGION',
      'AWS_DEFAULT_REGION',
      'AWS_ACCESS_KEY_ID',
      'AWS_SECRET_ACCESS_KEY',
      'AWS_SESSION_TOKEN',
      'AWS_ROLE_ARN',
      'AWS_WEB_IDENTITY_TOKEN_FILE',
      'AWS_PROFILE',
      'AWS_EXECUTION_ENV',
      'AWS_LAMBDA_FUNCTION_NAME',
      'ECS_CONTAINER_METADATA_URI',
      'ECS_CONTAINER_METADATA_URI_V4',
    ],
    'https://docs.aws.amazon.com/sdkref/latest/guide/environment-variables.html',
    '2026-12-02',
  ),
};

/**
 * Families a platform or CI sets whole: Kubernetes' service links (`KUBERNETES_SERVICE_HOST`,
 * `<NAME>_SERVICE_PORT`…), GitHub Actions', and each host's own prefix.
 */
export const PROVIDED_ENV_PREFIXES = fact(
  [
    'KUBERNETES_',
    'GITHUB_',
    'RUNNER_',
    'RENDER_',
    'VERCEL_',
    'RAILWAY_',
    'FLY_',
    'NETLIFY_',
    'npm_',
    'npm_config_',
  ],
  'https://kubernetes.io/docs/concepts/services-networking/service/#environment-variables',
  '2026-12-02',
);

export const PROVIDED_ENV_KEYS = new Set(Object.values(PROVIDED_ENV).flatMap((list) => list.value));

/** Whether the platform, runtime or CI sets the variable itself. */
export function isProvidedEnvKey(key: string): boolean {
  return PROVIDED_ENV_KEYS.has(key) || PROVIDED_ENV_PREFIXES.value.some((prefix) => key.startsWith(prefix));
}
