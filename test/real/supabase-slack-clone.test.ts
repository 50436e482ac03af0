import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import unindexedForeignKey from '../../rules/index/unindexed-foreign-key.ts';
import { findingsFor, modelOf } from '../helpers/rule-findings.ts';

const path = 'supabase/migrations/20240214102356_init.sql';
const files = {
  [path]: await readFile(new URL(`../fixtures/real/supabase-slack-clone/${path}`, import.meta.url), 'utf8'),
};

describe('a real Supabase migration: the slack-clone example', () => {
  it('replays enums, functions, policies and publications without a diagnostic, and keeps every table', async () => {
    const model = await modelOf(files);
    expect(model.diagnostics).toEqual([]);
    const [schema] = model.schemas;
    expect(schema?.tables.map((t) => t.name)).toEqual([
      'users',
      'channels',
      'messages',
      'user_roles',
      'role_permissions',
    ]);
    const messages = schema?.tables.find((t) => t.name === 'messages');
    expect(
      messages?.foreignKeys.map((fk) => [
        fk.columns,
        fk.referencedTable,
        fk.referencedColumns,
        fk.location.line,
      ]),
    ).toEqual([
      [['user_id'], 'users', ['id'], 33],
      [['channel_id'], 'channels', ['id'], 34],
    ]);
    expect(schema?.tables.find((t) => t.name === 'users')?.foreignKeys[0]?.referencedTable).toBe(
      'auth.users',
    );
  });

  it('finds the three foreign keys no index covers', async () => {
    expect(
      (await findingsFor(unindexedForeignKey, files)).map((f) => `${f.entity}@${f.location.line}`),
    ).toEqual(['channels.created_by@24', 'messages.user_id@33', 'messages.channel_id@34']);
  });
});
