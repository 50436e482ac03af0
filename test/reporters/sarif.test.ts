import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import AjvDraft04 from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';
import { LocalFileSet } from '../../src/files/local-file-set.ts';
import { renderSarif } from '../../src/reporters/sarif.ts';
import { review } from '../../src/review/run-review.ts';

const require = createRequire(import.meta.url);
const schemaPath = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');

describe('SARIF output', () => {
  it('validates against the SARIF 2.1.0 schema and carries rules, locations and fingerprints', async () => {
    const schema = JSON.parse(await readFile(schemaPath, 'utf8'));
    // The package is CommonJS: its class is the default export's `default` under NodeNext typing.
    const Ajv = AjvDraft04 as unknown as typeof AjvDraft04.default;
    const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false, unicodeRegExp: false });
    const validate = ajv.compile(schema);
    const result = await review(
      new LocalFileSet(new URL('../../examples/nextjs-prisma-supabase', import.meta.url).pathname),
    );
    const sarif = JSON.parse(renderSarif(result));
    const valid = validate(sarif);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    const run = sarif.runs[0];
    const fk = run.results.find((r: { ruleId: string }) => r.ruleId === 'index/unindexed-foreign-key');
    expect(fk.locations[0].physicalLocation).toMatchObject({
      artifactLocation: { uri: 'prisma/schema.prisma' },
      region: { startLine: 44 },
    });
    expect(fk.partialFingerprints['headroom/v1']).toMatch(/^[0-9a-f]{16}$/);
    expect(run.tool.driver.rules[fk.ruleIndex]).toMatchObject({
      id: 'index/unindexed-foreign-key',
      helpUri: expect.stringContaining('rules/index/unindexed-foreign-key.md'),
    });
  });
});
