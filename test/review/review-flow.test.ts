import { describe, expect, it } from 'vitest';
import { MemoryFileSet } from '../../src/files/memory-file-set.ts';
import { renderMarkdown } from '../../src/reporters/markdown.ts';
import { parseChecklist } from '../../src/reporters/markdown-markers.ts';
import { applyAcknowledgements } from '../../src/review/acknowledge.ts';
import { compareWithBase } from '../../src/review/compare.ts';
import { review } from '../../src/review/run-review.ts';

const init =
  'CREATE TABLE users (id bigint PRIMARY KEY);\nCREATE TABLE posts (id bigint PRIMARY KEY, author_id bigint REFERENCES users (id));\n';
const base = { 'supabase/migrations/20240101000000_init.sql': init };
const head = {
  ...base,
  'supabase/migrations/20240201000000_comments.sql':
    '-- headroom-ignore index/missing-primary-key -- append-only log, replicated by logical decoding of inserts only\nCREATE TABLE audit (at timestamptz);\nCREATE TABLE comments (id bigint PRIMARY KEY, post_id bigint REFERENCES posts (id));\n',
};

describe('the review step', () => {
  it('marks findings new or existing against the base, and gates on new ones only', async () => {
    const result = compareWithBase(
      await review(new MemoryFileSet(head)),
      await review(new MemoryFileSet(base)),
    );
    expect(result.findings.map((f) => [f.entity, f.status])).toEqual([
      ['posts.author_id', 'existing'],
      ['comments.post_id', 'new'],
    ]);
    expect(result.gate).toMatchObject({ conclusion: 'failure', blocking: 1 });
  });

  it('with gateOn: all, existing findings block too; with failOn: never, nothing does', async () => {
    const all = await review(new MemoryFileSet({ ...base, '.github/headroom.yml': 'gateOn: all\n' }));
    expect(compareWithBase(all, all).gate).toMatchObject({ conclusion: 'failure', blocking: 1 });
    const never = await review(new MemoryFileSet(base), { overrides: { failOn: 'never' } });
    expect(never.gate).toMatchObject({ conclusion: 'neutral', blocking: 0 });
  });

  it('applies a suppression with a reason, and reports one without reason or with nothing to suppress', async () => {
    const result = await review(
      new MemoryFileSet({
        ...head,
        'supabase/migrations/20240301000000_more.sql':
          '-- headroom-ignore index/unindexed-foreign-key\nCREATE TABLE likes (id bigint PRIMARY KEY, post_id bigint REFERENCES posts (id));\n-- headroom-ignore index/duplicate-index -- nothing here\n',
      }),
    );
    expect(result.suppressed.map((f) => [f.ruleId, f.suppression?.reason])).toEqual([
      ['index/missing-primary-key', 'append-only log, replicated by logical decoding of inserts only'],
    ]);
    expect(result.findings.map((f) => f.entity)).toContain('likes.post_id');
    expect(result.diagnostics.map((d) => [d.origin, d.location.line, d.message.slice(0, 40)])).toEqual([
      ['suppression', 1, 'This headroom-ignore for `index/unindexe'],
      ['suppression', 3, 'This headroom-ignore for `index/duplicat'],
    ]);
  });

  it('an acknowledged finding stops blocking, except for a rule the config forbids acknowledging', async () => {
    const result = await review(new MemoryFileSet(base));
    const fingerprint = result.findings[0]?.fingerprint as string;
    const acked = applyAcknowledgements(result, new Map([[fingerprint, { by: 'octocat' }]]));
    expect(acked.gate.conclusion).toBe('success');
    expect(acked.findings[0]?.acknowledgement).toEqual({ by: 'octocat' });
    const strict = await review(
      new MemoryFileSet({
        ...base,
        '.github/headroom.yml': 'acknowledgements:\n  forbid: [index/unindexed-foreign-key]\n',
      }),
    );
    expect(applyAcknowledgements(strict, new Map([[fingerprint, { by: 'octocat' }]])).gate.conclusion).toBe(
      'failure',
    );
  });

  it('says all clear when there is nothing to fix', async () => {
    const result = await review(
      new MemoryFileSet({ 'supabase/migrations/1_init.sql': 'CREATE TABLE t (id int PRIMARY KEY);\n' }),
    );
    expect(result.gate.conclusion).toBe('success');
    expect(renderMarkdown(result, { context: 'comment' })).toContain('All clear');
  });
});

describe('the markdown checklist', () => {
  it('round-trips: a ticked box is read back with its fingerprint and who acknowledged it', async () => {
    const result = await review(new MemoryFileSet(base));
    const body = renderMarkdown(result, { context: 'comment', interactive: true });
    expect(body.startsWith('<!-- headroom:review -->')).toBe(true);
    const [item] = parseChecklist(body);
    expect(item).toEqual({ fingerprint: result.findings[0]?.fingerprint, checked: false });
    const ticked = parseChecklist(body.replace('- [ ]', '- [x]'));
    expect(ticked[0]?.checked).toBe(true);
    const acked = applyAcknowledgements(result, new Map([[item?.fingerprint as string, { by: 'octocat' }]]));
    expect(parseChecklist(renderMarkdown(acked, { context: 'comment' }))).toEqual([
      { fingerprint: item?.fingerprint, checked: true, ack: { by: 'octocat' } },
    ]);
  });

  it('stays under GitHub’s limit with 2,000 findings by collapsing, and keeps the verdict', async () => {
    const tables = Array.from(
      { length: 2000 },
      (_, i) => `CREATE TABLE t${i} (id bigint PRIMARY KEY, user_id bigint REFERENCES users (id));`,
    ).join('\n');
    const result = await review(
      new MemoryFileSet({
        'supabase/migrations/1_init.sql': `CREATE TABLE users (id bigint PRIMARY KEY);\n${tables}\n`,
      }),
    );
    expect(result.findings).toHaveLength(2000);
    const body = renderMarkdown(result, { context: 'comment', maxLength: 65_536 });
    expect(body.length).toBeLessThanOrEqual(65_536);
    expect(body).toContain('2000 findings; 2000 at or above error block the merge.');
    const listed = parseChecklist(body).length;
    expect(listed).toBeGreaterThan(0);
    expect(body).toContain(`and ${2000 - listed} more`);
  });
});
