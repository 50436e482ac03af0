import { describe, expect, it } from 'vitest';
import { findingsFor } from '../../test/helpers/rule-findings.ts';
import rule from './unindexed-foreign-key.ts';

const datasource = (provider = 'postgresql', extra = '') =>
  `datasource db {\n  provider = "${provider}"\n  url      = env("DATABASE_URL")\n${extra}}\n`;

const prisma = (models: string, provider?: string, extra?: string) => ({
  'prisma/schema.prisma': `${datasource(provider, extra)}\n${models}`,
});

const userAndPost = (postExtra = '') => `model User {
  id    Int    @id
  posts Post[]
}

model Post {
  id       Int  @id
  author   User @relation(fields: [authorId], references: [id])
  authorId Int
${postExtra}}
`;

async function entities(files: Record<string, string>): Promise<string[]> {
  return (await findingsFor(rule, files)).map((finding) => finding.entity);
}

describe('index/unindexed-foreign-key on Prisma schemas', () => {
  it('reports a single-column relation with no index, at the relation field, with the @@index to add', async () => {
    const [finding, ...rest] = await findingsFor(rule, prisma(userAndPost()));
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      ruleId: 'index/unindexed-foreign-key',
      entity: 'Post.authorId',
      severity: 'error',
      location: { path: 'prisma/schema.prisma', line: 13 },
      fix: { replacement: '@@index([authorId])' },
    });
  });

  it('accepts an @@index, an @unique and a composite primary key that start with the column', async () => {
    expect(await entities(prisma(userAndPost('  @@index([authorId])\n')))).toEqual([]);
    expect(await entities(prisma(userAndPost('  @@index([authorId, id])\n')))).toEqual([]);
    expect(
      await entities(
        prisma(`model User {
  id    Int    @id
  posts Post[]
}

model Post {
  author   User @relation(fields: [authorId], references: [id])
  authorId Int
  slug     String

  @@id([authorId, slug])
}
`),
      ),
    ).toEqual([]);
  });

  it('reports a composite foreign key whose columns only partly lead an index; any order of them serves the equality lookup', async () => {
    const models = (attribute: string) => `model Org {
  tenantId Int
  id       Int
  members  Member[]

  @@id([tenantId, id])
}

model Member {
  id       Int @id
  org      Org @relation(fields: [tenantId, orgId], references: [tenantId, id])
  tenantId Int
  orgId    Int

  ${attribute}
}
`;
    expect(await entities(prisma(models('@@index([tenantId])')))).toEqual(['Member.(tenantId,orgId)']);
    expect(await entities(prisma(models('@@index([tenantId, id, orgId])')))).toEqual([
      'Member.(tenantId,orgId)',
    ]);
    expect(await entities(prisma(models('@@index([orgId, tenantId])')))).toEqual([]);
    expect(await entities(prisma(models('@@unique([tenantId, orgId, id])')))).toEqual([]);
  });

  it('names findings by Prisma names when columns and tables are @map-ped, and matches indexes through the mapping', async () => {
    const mapped = (index: string) => `model User {
  id    Int    @id @map("user_id")
  posts Post[]

  @@map("users")
}

model Post {
  id       Int  @id
  author   User @relation(fields: [authorId], references: [id])
  authorId Int  @map("author_id")

  ${index}
  @@map("posts")
}
`;
    const [finding] = await findingsFor(rule, prisma(mapped('')));
    expect(finding?.entity).toBe('Post.authorId');
    expect(finding?.fix?.replacement).toBe('@@index([authorId])');
    expect(finding?.database).toEqual({ table: 'posts', columns: ['author_id'] });
    expect(finding?.fix?.text).toContain(
      '`CREATE INDEX CONCURRENTLY posts_author_id_idx ON posts (author_id);`',
    );
    expect(await entities(prisma(mapped('@@index([authorId])')))).toEqual([]);
  });

  it('does not report MySQL, which indexes foreign keys itself, but does under relationMode = "prisma"', async () => {
    expect(await entities(prisma(userAndPost(), 'mysql'))).toEqual([]);
    expect(await entities(prisma(userAndPost(), 'mysql', '  relationMode = "prisma"\n'))).toEqual([
      'Post.authorId',
    ]);
  });
});

describe('index/unindexed-foreign-key on replayed SQL migrations', () => {
  const init = `CREATE TABLE users (id bigint PRIMARY KEY);
CREATE TABLE posts (
  id bigint PRIMARY KEY,
  author_id bigint NOT NULL REFERENCES users (id),
  editor_id bigint REFERENCES users (id)
);
`;

  it('reports each unindexed referencing column at the line that declares it, with a CREATE INDEX CONCURRENTLY fix', async () => {
    const findings = await findingsFor(rule, { 'supabase/migrations/20240101000000_init.sql': init });
    expect(findings.map((f) => [f.entity, f.location.line])).toEqual([
      ['posts.author_id', 4],
      ['posts.editor_id', 5],
    ]);
    expect(findings[0]?.fix?.replacement).toBe(
      'CREATE INDEX CONCURRENTLY idx_posts_author_id ON posts (author_id);',
    );
  });

  it('counts an index added by a later migration, and forgets one dropped by a later migration', async () => {
    const files = {
      'supabase/migrations/20240101000000_init.sql': init,
      'supabase/migrations/20240201000000_indexes.sql':
        'CREATE INDEX posts_author_idx ON posts (author_id);\nCREATE INDEX posts_editor_idx ON posts (editor_id);\n',
      'supabase/migrations/20240301000000_drop.sql': 'DROP INDEX posts_editor_idx;\n',
    };
    expect(await entities(files)).toEqual(['posts.editor_id']);
  });

  it('follows a table renamed between migrations', async () => {
    const files = {
      'db/migrations/000001_init.up.sql': init,
      'db/migrations/000002_index.up.sql': 'CREATE INDEX posts_author_idx ON posts (author_id, id);\n',
      'db/migrations/000003_rename.up.sql': 'ALTER TABLE posts RENAME TO articles;\n',
    };
    expect(await entities(files)).toEqual(['articles.editor_id']);
  });

  it('accepts a partial index only when its predicate keeps every row whose key is set', async () => {
    const withIndex = (index: string) => ({
      'db/migrations/000001_init.up.sql':
        'CREATE TABLE users (id bigint PRIMARY KEY);\nCREATE TABLE posts (id bigint PRIMARY KEY, author_id bigint REFERENCES users (id), deleted_at timestamptz);\n',
      'db/migrations/000002_index.up.sql': `${index}\n`,
    });
    expect(
      await entities(withIndex('CREATE INDEX a ON posts (author_id) WHERE author_id IS NOT NULL;')),
    ).toEqual([]);
    expect(
      await entities(withIndex('CREATE INDEX a ON posts (author_id) WHERE deleted_at IS NULL;')),
    ).toEqual(['posts.author_id']);
    expect(await entities(withIndex('CREATE INDEX a ON posts ((author_id + 0));'))).toEqual([
      'posts.author_id',
    ]);
  });
});

describe('index/unindexed-foreign-key on a Prisma schema with its migrations: the database they build', () => {
  const schema = (extra = '') => `${datasource('postgresql', extra)}
model User {
  id     String @id
  posts  Post[] @relation("author")
  edited Post[] @relation("editor")
}

model Post {
  id       String @id
  author   User   @relation("author", fields: [authorId], references: [id])
  authorId String
  editor   User   @relation("editor", fields: [editorId], references: [id])
  editorId String
}
`;
  // As Prisma Migrate writes it, then two hand-written migrations in the style of trigger.dev's.
  const init = `CREATE TABLE "User" ("id" TEXT NOT NULL, CONSTRAINT "User_pkey" PRIMARY KEY ("id"));
CREATE TABLE "Post" ("id" TEXT NOT NULL, "authorId" TEXT NOT NULL, "editorId" TEXT NOT NULL, CONSTRAINT "Post_pkey" PRIMARY KEY ("id"));
ALTER TABLE "Post" ADD CONSTRAINT "Post_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Post" ADD CONSTRAINT "Post_editorId_fkey" FOREIGN KEY ("editorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
`;
  const files = (extra: string, migrations: Record<string, string>) => ({
    'prisma/schema.prisma': schema(extra),
    'prisma/migrations/migration_lock.toml': 'provider = "postgresql"\n',
    'prisma/migrations/20240101000000_init/migration.sql': init,
    ...Object.fromEntries(
      Object.entries(migrations).map(([name, sql]) => [`prisma/migrations/${name}/migration.sql`, sql]),
    ),
  });
  const handWritten = {
    '20240201000000_add_post_author_index':
      'CREATE INDEX CONCURRENTLY IF NOT EXISTS "Post_authorId_idx" ON "public"."Post"("authorId");\n',
    '20240301000000_drop_post_foreign_keys':
      'ALTER TABLE "Post" DROP CONSTRAINT IF EXISTS "Post_editorId_fkey";\n',
  };

  it('reports both keys while the migrations are Prisma’s own', async () => {
    expect(await entities(files('', {}))).toEqual(['Post.authorId', 'Post.editorId']);
  });

  it('counts an index only a migration creates, and no longer sees a constraint a migration dropped', async () => {
    expect(await entities(files('', handWritten))).toEqual([]);
  });

  it('with emulated relations there is no constraint to drop: only the index counts', async () => {
    expect(await entities(files('  relationMode = "prisma"\n', handWritten))).toEqual(['Post.editorId']);
  });
});
