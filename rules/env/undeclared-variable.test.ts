import { describe, expect, it } from 'vitest';
import { findingsFor } from '../../test/helpers/rule-findings.ts';
import rule from './undeclared-variable.ts';

describe('env/undeclared-variable', () => {
  it('lists every variable read by code or Prisma and declared nowhere in one finding, at its first read', async () => {
    const findings = await findingsFor(rule, {
      'prisma/schema.prisma':
        'datasource db {\n  provider = "postgresql"\n  url = env("DATABASE_URL")\n  directUrl = env("DIRECT_URL")\n}\n',
      'src/billing.ts':
        "const { STRIPE_KEY } = process.env;\nexport const hook = [process.env['STRIPE_WEBHOOK_SECRET'], process.env.STRIPE_KEY];\n",
      'worker/tasks.py': 'import os\nSMTP = os.environ.get("SMTP_URL")\nPORT = os.getenv("PORT")\n',
      '.env.example': 'DATABASE_URL=postgresql://localhost/app\n',
    });
    expect(findings.map((f) => [f.entity, f.location.path, f.location.line])).toEqual([
      ['project:undeclared-env', 'prisma/schema.prisma', 1],
    ]);
    expect(findings[0]?.message).toBe(
      'The code reads 4 variables without a fallback that no env file or hosting config declares, so a new environment starts without them: DIRECT_URL (prisma/schema.prisma:1), STRIPE_KEY (src/billing.ts:1), STRIPE_WEBHOOK_SECRET (src/billing.ts:2), SMTP_URL (worker/tasks.py:2).',
    );
    expect(findings[0]?.fix?.replacement).toBe('DIRECT_URL=\nSTRIPE_KEY=\nSTRIPE_WEBHOOK_SECRET=\nSMTP_URL=');
  });

  it('gives each service its own finding, by the folder its code sits in', async () => {
    const findings = await findingsFor(rule, {
      'render.yaml':
        'services:\n  - { type: web, name: web, runtime: node, rootDir: apps/web, startCommand: node s.js }\n  - { type: worker, name: jobs, runtime: node, rootDir: apps/jobs, startCommand: node w.js }\n',
      'apps/web/s.js': 'fetch(process.env.API_URL);\n',
      'apps/jobs/w.js': 'connect(process.env.QUEUE_URL, process.env.QUEUE_TOKEN);\n',
    });
    expect(findings.map((f) => [f.entity, f.fix?.replacement])).toEqual([
      ['service:jobs:undeclared-env', 'QUEUE_URL=\nQUEUE_TOKEN='],
      ['service:web:undeclared-env', 'API_URL='],
    ]);
  });

  it('counts variables a local compose file sets and those a Heroku app.json and its add-ons declare (umami-software/umami)', async () => {
    const reads = {
      'netlify.toml': '[[plugins]]\npackage = "@netlify/plugin-nextjs"\n',
      'package.json': '{ "dependencies": { "next": "15.3.1" } }',
      'src/lib/db.ts':
        'export const url = [process.env.DATABASE_URL, process.env.APP_SECRET, process.env.CLOUD_MODE];\n',
    };
    const missing = async (files: Record<string, string>) =>
      (await findingsFor(rule, { ...reads, ...files }))[0]?.fix?.replacement;
    expect(await missing({})).toBe('DATABASE_URL=\nAPP_SECRET=\nCLOUD_MODE=');
    expect(
      await missing({
        'docker-compose.dev.yml':
          'services:\n  umami:\n    image: ghcr.io/umami-software/umami\n    environment:\n      DATABASE_URL: postgresql://umami@db:5432/umami\n      APP_SECRET: replace-me\n',
      }),
    ).toBe('CLOUD_MODE=');
    expect(
      await missing({
        'app.json':
          '{ "name": "Umami", "addons": ["heroku-postgresql"], "env": { "APP_SECRET": { "generator": "secret" } } }',
      }),
    ).toBe('CLOUD_MODE=');
    // Next.js inlines its config's `env` keys at build time.
    expect(
      await missing({
        'next.config.ts':
          "const cloudMode = process.env.CLOUD_MODE || '';\nexport default withNextIntl({ env: { CLOUD_MODE: cloudMode, 'APP_SECRET': 'x' } });\n",
      }),
    ).toBe('DATABASE_URL=');
    // An app.json with no sign of Heroku (Expo's, say) declares nothing.
    expect(await missing({ 'app.json': '{ "name": "app", "env": { "APP_SECRET": "x" } }' })).toBe(
      'DATABASE_URL=\nAPP_SECRET=\nCLOUD_MODE=',
    );
  });

  it('counts variables declared by the hosting config, commented out in a template, and those the platform provides', async () => {
    expect(
      await findingsFor(rule, {
        'render.yaml':
          'services:\n  - type: web\n    name: api\n    runtime: node\n    startCommand: node s.js\n    envVars:\n      - key: STRIPE_KEY\n        sync: false\n',
        '.env.example': '# Optional: error tracking\n# SENTRY_DSN=https://…\n#export POSTHOG_KEY=\n',
        'src/s.js':
          'console.log(process.env.STRIPE_KEY, process.env.RENDER_EXTERNAL_URL, process.env.NODE_ENV, process.env.PORT);\ninit(process.env.SENTRY_DSN, process.env.POSTHOG_KEY);\nnew S3({ region: process.env.AWS_REGION, key: process.env.AWS_ACCESS_KEY_ID });\nk8s(process.env.KUBERNETES_SERVICE_HOST, process.env.GITHUB_SHA);\n',
      }),
    ).toEqual([]);
  });

  it('leaves out reads that work unset: fallbacks, flags compared, tests and guarded branches', async () => {
    const findings = await findingsFor(rule, {
      'src/log.ts': [
        "export const level = process.env.LOG_LEVEL ?? 'info';",
        "const { REGION = 'eu' } = process.env;",
        'export const mode = import.meta.env.MODE;',
        "export const verbose = process.env.VERBOSE_LOGS === '1';",
        'export const port = process.env.READER_PORT ? parseInt(process.env.READER_PORT) : undefined;',
        'export const host = (v?: string) => v ?? process.env.READER_HOST;',
        'if (process.env.TRACING) start(process.env.TRACING);',
        'export const enabled = !process.env.DISABLE_X && Boolean(process.env.FEATURE_Y);',
        'export const token = process.env.API_TOKEN;',
        'export function send() {',
        '  if (!process.env.SMTP_URL) return;',
        '  connect(process.env.SMTP_URL);',
        '}',
        'export function hook(live: boolean) {',
        '  let secret: string | undefined;',
        '  if (live) secret = process.env.HOOK_SECRET;',
        '  else secret = process.env.HOOK_SECRET_TEST;',
        "  if (!secret) throw new Error('no secret');",
        '  return verify(secret, process.env.HOOK_TOLERANCE);',
        '}',
        'export function rewrite(path: string) {',
        '  const scriptName = process.env.TRACKER_SCRIPT_NAME;',
        "  if (scriptName) return path.replace(scriptName, '');",
        '  const signing = process.env.SIGNING_KEY;',
        "  if (signing.length > 40) warn('long key');",
        '  return sign(path, signing);',
        '}',
      ].join('\n'),
      'app/config.py':
        'import os\nfrom pydantic_settings import BaseSettings\nTIMEOUT = os.getenv("TIMEOUT", "30")\nclass Settings(BaseSettings):\n    openai_api_key: str\n    debug: bool = False\n',
    });
    expect(findings.map((f) => f.message.split(': ')[1])).toEqual([
      'API_TOKEN (src/log.ts:9), HOOK_TOLERANCE (src/log.ts:19), SIGNING_KEY (src/log.ts:24).',
    ]);
  });

  it('leaves out Python reads that the environment switches on, and fallbacks passed as a default', async () => {
    // As wagtail/bakerydemo's production settings write them.
    const findings = await findingsFor(rule, {
      'app/settings.py': [
        'import os',
        'if "AWS_STORAGE_BUCKET_NAME" in os.environ:',
        '    AWS_STORAGE_BUCKET_NAME = os.getenv("AWS_STORAGE_BUCKET_NAME")',
        '    if "AWS_S3_CUSTOM_DOMAIN" in os.environ:',
        '        AWS_S3_CUSTOM_DOMAIN = os.environ["AWS_S3_CUSTOM_DOMAIN"]',
        '    AWS_S3_REGION = os.environ["AWS_S3_REGION"]',
        'REDIS_URL = os.environ.get("REDIS_TLS_URL", os.environ.get("REDIS_URL"))',
        'if os.getenv("SENTRY_DSN"):',
        '    init(os.environ["SENTRY_DSN"])',
        'else:',
        '    SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]',
        '',
      ].join('\n'),
    });
    expect(findings.map((f) => f.message.split(': ')[1])).toEqual([
      'DJANGO_SECRET_KEY (app/settings.py:11).',
    ]);
  });

  it('takes typed env schemas as declarations: t3-env, a zod object in env.ts, envalid, pydantic settings', async () => {
    const use =
      'connect(process.env.DATABASE_URL, process.env.NEXT_PUBLIC_APP_URL, process.env.SMTP_HOST, process.env.SENTRY_DSN, process.env.MISSING);\n';
    const findings = await findingsFor(rule, {
      'src/env.mjs':
        'import { createEnv } from "@t3-oss/env-nextjs";\nimport { z } from "zod";\nexport const env = createEnv({\n  server: { DATABASE_URL: z.string().url() },\n  client: { NEXT_PUBLIC_APP_URL: z.string() },\n  runtimeEnv: { DATABASE_URL: process.env.DATABASE_URL, NEXT_PUBLIC_APP_URL: process.env.NEXT_PUBLIC_APP_URL },\n});\n',
      'apps/api/src/env.server.ts':
        'import { z } from "zod";\nconst Env = z.object({ SMTP_HOST: z.string() });\nexport const env = Env.parse(process.env);\n',
      'apps/worker/config.ts':
        'import { cleanEnv, str } from "envalid";\nexport const env = cleanEnv(process.env, { SENTRY_DSN: str() });\n',
      'app/config.py':
        'from pydantic_settings import BaseSettings\nclass Settings(BaseSettings):\n    openai_api_key: str\n',
      'src/server.ts': `${use}use(process.env.OPENAI_API_KEY);\n`,
      'src/other.ts':
        'const schema = z.object({ NOT_AN_ENV_SCHEMA: z.string() });\nread(process.env.NOT_AN_ENV_SCHEMA);\n',
    });
    expect(findings.map((f) => f.message.split(': ')[1])).toEqual([
      'NOT_AN_ENV_SCHEMA (src/other.ts:2), MISSING (src/server.ts:1).',
    ]);
  });
});
