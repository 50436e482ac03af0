import { fingerprint } from '../../src/review/fingerprint.ts';

/**
 * A small SaaS repository at the base and head of a pull request. The base already has one
 * unindexed foreign key (Post.authorId); the head adds a Comment model whose postId has no
 * index either: one existing finding and one new one.
 */
const SCHEMA_BASE = `datasource db {
  provider = "postgresql"
  url      = env("DATABASE_URL")
}

model User {
  id    Int    @id @default(autoincrement())
  posts Post[]
}

model Post {
  id       Int  @id @default(autoincrement())
  author   User @relation(fields: [authorId], references: [id])
  authorId Int
}
`;

const SCHEMA_HEAD = `datasource db {
  provider = "postgresql"
  url      = env("DATABASE_URL")
}

model User {
  id    Int    @id @default(autoincrement())
  posts Post[]
}

model Post {
  id       Int       @id @default(autoincrement())
  author   User      @relation(fields: [authorId], references: [id])
  authorId Int
  comments Comment[]
}

model Comment {
  id     Int  @id @default(autoincrement())
  post   Post @relation(fields: [postId], references: [id])
  postId Int
}
`;

/** The head with both foreign keys indexed: what the author pushes once the review is addressed. */
const SCHEMA_FIXED = SCHEMA_HEAD.replace(
  '  authorId Int\n',
  '  authorId Int\n\n  @@index([authorId])\n',
).replace('  postId Int\n', '  postId Int\n\n  @@index([postId])\n');

export const CONFIG = 'tier: growth\n';

const APP_FILES = {
  'README.md': '# Hello World\n',
  'src/index.ts': 'export const hello = "world";\n',
  '.env.example': 'DATABASE_URL=postgresql://app:change-me@localhost:5432/app\n',
  'docs/logo.png': { binary: true as const, size: 4096 },
};

export const baseFiles = {
  ...APP_FILES,
  '.github/headroom.yml': CONFIG,
  'prisma/schema.prisma': SCHEMA_BASE,
};
export const headFiles = {
  ...APP_FILES,
  '.github/headroom.yml': CONFIG,
  'prisma/schema.prisma': SCHEMA_HEAD,
};
export const fixedFiles = {
  ...APP_FILES,
  '.github/headroom.yml': CONFIG,
  'prisma/schema.prisma': SCHEMA_FIXED,
};

export const NEW_FINDING = fingerprint('index/unindexed-foreign-key', 'Comment.postId');
export const EXISTING_FINDING = fingerprint('index/unindexed-foreign-key', 'Post.authorId');

/**
 * A large legacy schema on both sides of the pull request: 300 tables, each with a foreign key
 * no index covers. Its 300 existing findings make the comment too long to list them, so it
 * collapses.
 */
const LEGACY_MIGRATION = Array.from(
  { length: 300 },
  (_, i) =>
    `CREATE TABLE legacy_${i} (id serial PRIMARY KEY, parent_id int REFERENCES legacy_${i === 0 ? 0 : i - 1} (id));`,
).join('\n');

export const largeBaseFiles = {
  ...baseFiles,
  'supabase/migrations/0001_legacy.sql': `${LEGACY_MIGRATION}\n`,
};
export const largeHeadFiles = {
  ...headFiles,
  'supabase/migrations/0001_legacy.sql': `${LEGACY_MIGRATION}\n`,
};
