import { readFile } from 'node:fs/promises';
import Ajv2020 from 'ajv/dist/2020.js';

// CommonJS under NodeNext typing: the class is the module's `default`.
const Ajv = Ajv2020 as unknown as typeof Ajv2020.default;

import { describe, expect, it } from 'vitest';
import { configJsonSchema } from '../../src/review/config-json-schema.ts';

describe('the generated JSON Schema for headroom.yml', () => {
  it('is committed and up to date with the zod schema (npm run schema)', async () => {
    expect(await readFile(new URL('../../schema/headroom.schema.json', import.meta.url), 'utf8')).toBe(
      configJsonSchema(),
    );
  });

  it('accepts a full config and rejects a typo, as the review does', () => {
    const validate = new Ajv({ strict: false }).compile(JSON.parse(configJsonSchema()));
    expect(
      validate({
        tier: 'scale',
        failOn: 'warning',
        gateOn: 'all',
        rules: { 'index/duplicate-index': 'off', 'index/unindexed-foreign-key': { severity: 'error' } },
        ignore: ['examples/**'],
        acknowledgements: { forbid: ['index/missing-primary-key'] },
        capacity: { memoryPerProcessMb: 200, services: { api: { processes: 4, poolSize: 5 } } },
      }),
    ).toBe(true);
    expect(validate({ tier: 'growth', failon: 'error' })).toBe(false);
    expect(validate({ rules: { 'index/unindexed-foreign-keys': 'off' } })).toBe(false);
    expect(validate({ acknowledgements: { forbid: ['index/unindexed-foreign-keys'] } })).toBe(false);
    expect(validate({ tier: 'huge' })).toBe(false);
  });
});
