import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import AjvDraft04 from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';
import { LocalFileSet } from '../../src/files/local-file-set.ts';
import { renderSarif } from '../../src/reporters/sarif.ts';
import { applyAcknowledgements } from '../../src/review/acknowledge.ts';
import { review } from '../../src/review/run-review.ts';
import { reviewWithEnvRule } from '../review/env-rule.ts';

const require = createRequire(import.meta.url);
// The SARIF 2.1.0 schema shipped by @microsoft/jest-sarif; it is written in JSON Schema draft-04.
const schemaPath = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');

async function sarifValidator() {
  const schema = JSON.parse(await readFile(schemaPath, 'utf8'));
  // The package is CommonJS: its class is the default export's `default` under NodeNext typing.
  const Ajv = AjvDraft04 as unknown as typeof AjvDraft04.default;
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false, unicodeRegExp: false });
  const validate = ajv.compile(schema);
  return (sarif: unknown) => {
    validate(sarif);
    return validate.errors ?? [];
  };
}

describe('SARIF output', () => {
  it('validates against the SARIF 2.1.0 schema and carries rules, locations and fingerprints', async () => {
    const validate = await sarifValidator();
    const result = await review(
      new LocalFileSet(new URL('../../examples/nextjs-prisma-supabase', import.meta.url).pathname),
    );
    const sarif = JSON.parse(renderSarif(result));
    expect(validate(sarif)).toEqual([]);
    const run = sarif.runs[0];
    const fk = run.results.find(
      (r: { ruleId: string; properties: { entity: string } }) =>
        r.ruleId === 'index/unindexed-foreign-key' && r.properties.entity === 'Comment.authorId',
    );
    expect(fk.locations[0].physicalLocation).toMatchObject({
      artifactLocation: { uri: 'prisma/schema.prisma' },
      region: { startLine: 44 },
    });
    expect(fk.partialFingerprints['headroom/v1']).toMatch(/^[0-9a-f]{16}$/);
    // The model and field are the entity; the database's own names travel beside them.
    expect(fk.properties.database).toEqual({ table: 'comments', columns: ['author_id'] });
    expect(run.tool.driver.rules[fk.ruleIndex]).toMatchObject({
      id: 'index/unindexed-foreign-key',
      helpUri: expect.stringContaining('rules/index/unindexed-foreign-key.md'),
    });
  });

  it('keeps suppressed and acknowledged findings as suppressed results, and diagnostics as notifications', async () => {
    const validate = await sarifValidator();
    const result = await reviewWithEnvRule({
      '.env': 'OPEN=error\nTICKED=warning\n# headroom-ignore test/env-says -- seeded locally\nQUIET=error\n',
      '.github/headroom.yml': 'tier: scale\nfailon: warning\n',
    });
    const ticked = result.findings.find((f) => f.entity === 'env:TICKED')?.fingerprint as string;
    const sarif = JSON.parse(
      renderSarif(applyAcknowledgements(result, new Map([[ticked, { by: 'octocat' }]]))),
    );
    expect(validate(sarif)).toEqual([]);
    const run = sarif.runs[0];
    expect(validate({ ...sarif, runs: [{ ...run, results: [{ ruleId: 'no message' }] }] })).not.toEqual([]);
    expect(run.tool.driver.rules).toEqual([
      expect.objectContaining({
        id: 'test/env-says',
        defaultConfiguration: { enabled: true, level: 'note' },
      }),
    ]);
    const byLine = (line: number) =>
      run.results.find(
        (r: { locations: Array<{ physicalLocation: { region: { startLine: number } } }> }) =>
          r.locations[0]?.physicalLocation.region.startLine === line,
      );
    expect(byLine(1)).toMatchObject({ ruleId: 'test/env-says', ruleIndex: 0, level: 'error' });
    expect(byLine(1).suppressions).toBeUndefined();
    expect(byLine(2).suppressions).toEqual([
      {
        kind: 'external',
        status: 'accepted',
        justification: 'Acknowledged by @octocat in the pull request.',
      },
    ]);
    expect(byLine(4).suppressions).toEqual([
      {
        kind: 'inSource',
        justification: 'seeded locally',
        location: { physicalLocation: expect.objectContaining({ region: { startLine: 3 } }) },
      },
    ]);
    expect(run.invocations[0].toolExecutionNotifications).toEqual([
      expect.objectContaining({
        level: 'error',
        message: { text: expect.stringContaining('unknown key `failon`') },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: '.github/headroom.yml', uriBaseId: '%SRCROOT%' },
              region: { startLine: 2 },
            },
          },
        ],
      }),
    ]);
  });
});
