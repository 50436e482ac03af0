import { describe, expect, it } from 'vitest';
import { findingsFor } from '../../test/helpers/rule-findings.ts';
import rule from './undeclared-variable.ts';

describe('env/undeclared-variable', () => {
  it('reports each variable read by code or Prisma and declared nowhere, once, at its first read', async () => {
    const findings = await findingsFor(rule, {
      'prisma/schema.prisma':
        'datasource db {\n  provider = "postgresql"\n  url = env("DATABASE_URL")\n  directUrl = env("DIRECT_URL")\n}\n',
      'src/billing.ts':
        "const { STRIPE_KEY } = process.env;\nexport const hook = [process.env['STRIPE_WEBHOOK_SECRET'], process.env.STRIPE_KEY];\n",
      'worker/tasks.py': 'import os\nSMTP = os.environ.get("SMTP_URL")\nPORT = os.getenv("PORT")\n',
      '.env.example': 'DATABASE_URL=postgresql://localhost/app\n',
    });
    expect(findings.map((f) => [f.entity, f.location.path, f.location.line])).toEqual([
      ['env:DIRECT_URL', 'prisma/schema.prisma', 1],
      ['env:STRIPE_KEY', 'src/billing.ts', 1],
      ['env:STRIPE_WEBHOOK_SECRET', 'src/billing.ts', 2],
      ['env:SMTP_URL', 'worker/tasks.py', 2],
    ]);
  });

  it('counts variables declared by the hosting config and those the platform provides', async () => {
    expect(
      await findingsFor(rule, {
        'render.yaml':
          'services:\n  - type: web\n    name: api\n    runtime: node\n    startCommand: node s.js\n    envVars:\n      - key: STRIPE_KEY\n        sync: false\n',
        'src/s.js':
          'console.log(process.env.STRIPE_KEY, process.env.RENDER_EXTERNAL_URL, process.env.NODE_ENV, process.env.PORT);\n',
      }),
    ).toEqual([]);
  });

  it('leaves out reads with a fallback, and reads pydantic settings fields and Vite built-ins', async () => {
    const findings = await findingsFor(rule, {
      'src/log.ts':
        "export const level = process.env.LOG_LEVEL ?? 'info';\nconst { REGION = 'eu' } = process.env;\nexport const mode = import.meta.env.MODE;\n",
      'app/config.py':
        'import os\nfrom pydantic_settings import BaseSettings\nTIMEOUT = os.getenv("TIMEOUT", "30")\nclass Settings(BaseSettings):\n    openai_api_key: str\n    debug: bool = False\n',
    });
    expect(findings.map((f) => [f.entity, f.location.path, f.location.line])).toEqual([
      ['env:OPENAI_API_KEY', 'app/config.py', 5],
    ]);
  });
});
