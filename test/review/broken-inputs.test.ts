import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../src/files/file-set.ts';
import { MemoryFileSet } from '../../src/files/memory-file-set.ts';
import { review } from '../../src/review/run-review.ts';

/** A project that still has something to find, so "the review completes" is visible. */
const healthy = {
  'supabase/migrations/20240101000000_init.sql':
    'CREATE TABLE users (id bigint PRIMARY KEY);\nCREATE TABLE posts (id bigint PRIMARY KEY, author_id bigint REFERENCES users (id));\n',
};

async function reviewWith(files: Record<string, string | Uint8Array>) {
  const result = await review(
    new MemoryFileSet({ ...healthy, ...files }, { limits: { ...DEFAULT_LIMITS, maxFiles: 5000 } }),
  );
  // The healthy part of the project was still reviewed.
  expect(result.findings.map((f) => f.entity)).toContain('posts.author_id');
  return result;
}

describe('bad input gets a diagnostic with file and line, and the review still runs', () => {
  it('invalid YAML', async () => {
    const result = await reviewWith({ 'render.yaml': 'services:\n  - type: web\n    name: "unclosed\n' });
    expect(result.diagnostics).toContainEqual(
      expect.objectContaining({ origin: 'render', location: { path: 'render.yaml', line: 3 } }),
    );
  });

  it('a Prisma schema with a syntax error', async () => {
    const result = await reviewWith({
      'prisma/schema.prisma': 'model User {\n  id Int @id\n  name String @default(\n}\n',
    });
    const [diagnostic] = result.diagnostics.filter((d) => d.origin === 'prisma');
    expect(diagnostic?.location.path).toBe('prisma/schema.prisma');
    expect(diagnostic?.location.line).toBeGreaterThanOrEqual(3);
  });

  it('SQL that does not parse, with the statements around it still replayed', async () => {
    const result = await reviewWith({
      'supabase/migrations/20240201000000_more.sql':
        'CREATE TABLE tags (id bigint PRIMARY KEY);\n\nALTER TABLE tags ADD COLUMN name VARCHAR(10) AFTER id;\n\nCREATE TABLE post_tags (post_id bigint REFERENCES posts (id), tag_id bigint REFERENCES tags (id), PRIMARY KEY (post_id, tag_id));\n',
    });
    expect(result.diagnostics).toContainEqual(
      expect.objectContaining({
        origin: 'sql',
        location: { path: 'supabase/migrations/20240201000000_more.sql', line: 3 },
      }),
    );
    expect(result.findings.map((f) => f.entity)).toContain('post_tags.tag_id');
  });

  it('a 50 MB file is not read, and says so', async () => {
    const result = await reviewWith({
      'supabase/migrations/20240301000000_seed.sql': `-- seed\n${'INSERT INTO users VALUES (1);\n'.repeat(1_800_000)}`,
    });
    expect(result.diagnostics).toContainEqual(
      expect.objectContaining({
        origin: 'files',
        location: { path: 'supabase/migrations/20240301000000_seed.sql', line: 1 },
        message: expect.stringContaining('over the size limit'),
      }),
    );
  });

  it('a binary file named .sql', async () => {
    const result = await reviewWith({
      'supabase/migrations/20240401000000_dump.sql': new Uint8Array([
        0x50, 0x47, 0x44, 0x4d, 0x50, 0x00, 0x01, 0xff,
      ]),
    });
    expect(result.diagnostics).toContainEqual(
      expect.objectContaining({
        location: { path: 'supabase/migrations/20240401000000_dump.sql', line: 1 },
        message: expect.stringContaining('binary'),
      }),
    );
  });

  it('a config with an unknown rule id, with a suggestion, and the rest of the config applied', async () => {
    const result = await reviewWith({
      '.github/headroom.yml':
        'tier: scale\nrules:\n  index/unindexed-foreign-keys: warning\n  index/missing-primary-key: off\n',
    });
    expect(result.diagnostics).toContainEqual(
      expect.objectContaining({
        origin: 'config',
        location: { path: '.github/headroom.yml', line: 3 },
        message: expect.stringContaining('did you mean `index/unindexed-foreign-key`'),
      }),
    );
    expect(result.tier).toBe('scale');
    expect(result.findings.some((f) => f.ruleId === 'index/missing-primary-key')).toBe(false);
  });

  it('a config key with a typo, and YAML that does not parse', async () => {
    const typo = await reviewWith({ '.github/headroom.yml': 'tier: growth\nfailon: warning\n' });
    expect(typo.diagnostics).toContainEqual(
      expect.objectContaining({
        location: { path: '.github/headroom.yml', line: 2 },
        message: expect.stringContaining('did you mean `failOn`'),
      }),
    );
    const broken = await reviewWith({ '.github/headroom.yml': 'tier: growth\nrules: [\n' });
    expect(broken.diagnostics[0]).toMatchObject({
      origin: 'config',
      location: { path: '.github/headroom.yml' },
    });
    expect(broken.gate.conclusion).not.toBe('success');
  });
});
