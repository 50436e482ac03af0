import { describe, expect, it } from 'vitest';
import { findingsFor } from '../../test/helpers/rule-findings.ts';
import rule from './committed-secret.ts';

describe('env/committed-secret', () => {
  it('reports real-looking credentials by shape and entropy, with the key and a masked value only', async () => {
    const findings = await findingsFor(rule, {
      'api/.env': [
        'STRIPE_SECRET_KEY=sk_live_51Hx9Kq2eZvKYlo2C8f3Qm7Tn',
        'GITHUB_TOKEN=ghp_R4nd0mL00k1ngT0k3nV4lu3xYz12345678',
        'SESSION_SECRET=9f8Kq2LmX7vB3nR6tY1wZ4pQ0sD5hJ8c',
        'DATABASE_URL=postgresql://app:Zr8uQe4mKx2pLw9s@prod-db.example.com:5432/app',
      ].join('\n'),
    });
    expect(findings.map((f) => [f.entity, f.location.line])).toEqual([
      ['env:api/.env:STRIPE_SECRET_KEY', 1],
      ['env:api/.env:GITHUB_TOKEN', 2],
      ['env:api/.env:SESSION_SECRET', 3],
      ['env:api/.env:DATABASE_URL', 4],
    ]);
    expect(findings[0]?.message).toContain('a Stripe live key');
    const printed = JSON.stringify(findings);
    for (const secret of [
      '51Hx9Kq2eZvKYlo2C8f3Qm7Tn',
      'R4nd0mL00k1ng',
      '9f8Kq2LmX7vB3nR6',
      'Zr8uQe4mKx2pLw9s',
    ])
      expect(printed).not.toContain(secret);
  });

  it('ignores placeholders, local databases, plain settings and template files', async () => {
    const placeholders = [
      'API_KEY=your-api-key-here',
      'JWT_SECRET=change-me',
      'DATABASE_URL=postgresql://postgres:postgres@localhost:5432/dev',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: an env file's own interpolation, as written.
      'REDIS_URL=redis://default:${REDIS_PASSWORD}@cache:6379',
      'STRIPE_SECRET_KEY=sk_test_xxxxxxxxxxxxxxxxxxxxxxxx',
      'LOG_LEVEL=debug',
      'SUPABASE_URL=https://abcdefgh.supabase.co',
    ].join('\n');
    expect(await findingsFor(rule, { '.env': placeholders })).toEqual([]);
    expect(
      await findingsFor(rule, { '.env.example': 'STRIPE_SECRET_KEY=sk_live_51Hx9Kq2eZvKYlo2C8f3Qm7Tn\n' }),
    ).toEqual([]);
  });

  it('leaves test and CI env files alone: their values are the dummies the tests expect', async () => {
    const secret = 'DATABASE_URL=postgresql://app:Zr8uQe4mKx2pLw9s@db.internal:5432/app\n';
    for (const path of ['.env.test', '.env.ci', 'apps/web/.env.e2e', 'tests/fixtures/.env', 'e2e/.env'])
      expect([path, await findingsFor(rule, { [path]: secret })]).toEqual([path, []]);
    expect((await findingsFor(rule, { '.env.production': secret })).map((f) => f.entity)).toEqual([
      'env:.env.production:DATABASE_URL',
    ]);
  });
});
