import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import unindexedForeignKey from '../../rules/index/unindexed-foreign-key.ts';
import { findingsFor, modelOf } from '../helpers/rule-findings.ts';

const names = [
  '20221003041349_add_mfa_schema.up.sql',
  '20230523124323_add_mfa_challenge_cleanup_index.up.sql',
];
const files = Object.fromEntries(
  await Promise.all(
    names.map(async (name) => [
      `migrations/${name}`,
      await readFile(new URL(`../fixtures/real/supabase-auth/migrations/${name}`, import.meta.url), 'utf8'),
    ]),
  ),
);

describe('templated migrations replay: supabase/auth', () => {
  it('replays files whose names hold a Go template placeholder, in the default schema, without a diagnostic', async () => {
    const model = await modelOf(files);
    expect(model.diagnostics).toEqual([]);
    const [schema] = model.schemas;
    expect(schema?.tables.map((t) => [t.schema, t.name])).toEqual([
      [undefined, 'mfa_factors'],
      [undefined, 'mfa_challenges'],
      [undefined, 'mfa_amr_claims'],
    ]);
    const challenges = schema?.tables.find((t) => t.name === 'mfa_challenges');
    expect(challenges?.indexes.map((i) => [i.name, i.location.line])).toEqual([
      ['mfa_challenge_created_at_idx', 3],
    ]);
  });

  it('reports the unindexed foreign keys by their real names and lines, and not the covered one', async () => {
    const findings = await findingsFor(unindexedForeignKey, files);
    expect(findings.map((f) => [f.entity, f.location.line])).toEqual([
      ['mfa_factors.user_id', 31],
      ['mfa_challenges.factor_id', 45],
    ]);
  });

  it('replays Flyway placeholders too, and leaves a statement with none alone', async () => {
    const model = await modelOf({
      'db/migration/V1__init.sql':
        // biome-ignore lint/suspicious/noTemplateCurlyInString: Flyway's placeholders, written as in its files.
        "CREATE TABLE ${flyway:defaultSchema}.orders (id bigint PRIMARY KEY, note text DEFAULT '${x');\nCREATE TABLE ${schema}.lines (order_id bigint REFERENCES ${schema}.orders (id));\n",
    });
    expect(model.diagnostics).toEqual([]);
    expect(model.schemas[0]?.tables.map((t) => [t.schema, t.name])).toEqual([
      [undefined, 'orders'],
      [undefined, 'lines'],
    ]);
    expect(model.schemas[0]?.tables[1]?.foreignKeys[0]?.referencedTable).toBe('orders');
  });
});
