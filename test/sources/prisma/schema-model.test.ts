import { describe, expect, it } from 'vitest';
import { readSchema, table } from './read-prisma.ts';

const BLOG = `datasource db {
  provider = "postgresql"
  url      = env("DATABASE_URL")
}

model User {
  id    Int    @id @default(autoincrement())
  email String @unique @db.VarChar(255)
  posts Post[]
}

model Post {
  id        Int      @id
  title     String?
  authorId  Int
  author    User     @relation(fields: [authorId], references: [id])
  tags      String[]
  createdAt DateTime @default(now())

  @@index([authorId, createdAt(sort: Desc)])
}
`;

describe('Prisma models as tables', () => {
  it('reads columns with their type, nullability, lists and lines', async () => {
    const post = table(await readSchema(BLOG), 'Post');
    expect(post.columns.map((c) => [c.name, c.type, c.nullable, c.location.line])).toEqual([
      ['id', 'Int', false, 13],
      ['title', 'String', true, 14],
      ['authorId', 'Int', false, 15],
      ['tags', 'String[]', false, 17],
      ['createdAt', 'DateTime', false, 18],
    ]);
    expect(post.location).toEqual({ path: 'prisma/schema.prisma', line: 12 });
  });

  it('turns a relation into a foreign key on the table that holds `fields`, at the relation line', async () => {
    const schema = await readSchema(BLOG);
    expect(table(schema, 'Post').foreignKeys).toEqual([
      {
        columns: ['authorId'],
        referencedTable: 'User',
        referencedColumns: ['id'],
        relationField: 'author',
        location: { path: 'prisma/schema.prisma', line: 16 },
      },
    ]);
    expect(table(schema, 'User').foreignKeys).toEqual([]);
  });

  it('keeps index column order and descending sort', async () => {
    const [index] = table(await readSchema(BLOG), 'Post').indexes;
    expect(index?.elements).toEqual([{ column: 'authorId' }, { column: 'createdAt', descending: true }]);
    expect(index?.location.line).toBe(20);
  });

  it('reads field-level @id and @unique as primary key and unique constraint', async () => {
    const user = table(await readSchema(BLOG), 'User');
    expect(user.primaryKey).toEqual({ columns: ['id'], location: { path: 'prisma/schema.prisma', line: 7 } });
    expect(user.uniques.map((u) => u.columns)).toEqual([['email']]);
  });

  it('reads composite keys, composite foreign keys and named relations', async () => {
    const schema = await readSchema(`datasource db {
  provider = "postgresql"
  url      = env("DATABASE_URL")
}
model Membership {
  orgId  Int
  userId Int
  role   String
  grants Grant[]
  @@id([orgId, userId])
  @@unique(fields: [userId, role], map: "membership_user_role")
}
model Grant {
  id       Int @id
  orgId    Int
  userId   Int
  member   Membership @relation("MemberGrants", fields: [orgId, userId], references: [orgId, userId], map: "grant_member_fk")
}
`);
    const membership = table(schema, 'Membership');
    expect(membership.primaryKey).toMatchObject({ columns: ['orgId', 'userId'], location: { line: 10 } });
    expect(membership.uniques).toEqual([
      {
        columns: ['userId', 'role'],
        name: 'membership_user_role',
        location: { path: 'prisma/schema.prisma', line: 11 },
      },
    ]);
    expect(table(schema, 'Grant').foreignKeys).toEqual([
      {
        name: 'grant_member_fk',
        columns: ['orgId', 'userId'],
        referencedTable: 'Membership',
        referencedColumns: ['orgId', 'userId'],
        relationField: 'member',
        location: { path: 'prisma/schema.prisma', line: 17 },
      },
    ]);
  });

  it('uses database names from @map and @@map, in both spellings, for columns, keys and references', async () => {
    const schema = await readSchema(`model User {
  id        Int      @id @map("user_id")
  createdAt DateTime @map(name: "created")
  @@map(name: "users")
}
model Post {
  id       Int  @id
  authorId Int  @map("author_id")
  author   User @relation(fields: [authorId], references: [id])
  @@index([authorId])
  @@map("posts")
  @@schema("blog")
}
`);
    const user = table(schema, 'User');
    expect(user.name).toBe('users');
    expect(user.columns.map((c) => [c.fieldName, c.name])).toEqual([
      ['id', 'user_id'],
      ['createdAt', 'created'],
    ]);
    expect(user.primaryKey?.columns).toEqual(['user_id']);
    const post = table(schema, 'Post');
    expect([post.name, post.modelName, post.schema]).toEqual(['posts', 'Post', 'blog']);
    expect(post.indexes[0]?.elements).toEqual([{ column: 'author_id' }]);
    expect(post.foreignKeys[0]).toMatchObject({
      columns: ['author_id'],
      referencedTable: 'users',
      referencedColumns: ['user_id'],
    });
  });

  it('reads index names, access methods, full-text indexes and the bare @@index(field) form', async () => {
    const schema = await readSchema(`model Doc {
  id    Int    @id
  body  String
  tags  Json
  owner String
  @@index(fields: [body], map: "doc_body_idx")
  @@index([tags(ops: JsonbPathOps)], type: Gin)
  @@index([owner], type: Hash)
  @@fulltext([body])
  @@index(owner)
}
`);
    expect(
      table(schema, 'Doc').indexes.map((i) => [i.elements.map((e) => e.column), i.name, i.method]),
    ).toEqual([
      [['body'], 'doc_body_idx', undefined],
      [['tags'], undefined, 'gin'],
      [['owner'], undefined, 'hash'],
      [['body'], undefined, 'fulltext'],
      [['owner'], undefined, undefined],
    ]);
  });

  it('leaves out views, @@ignore models, enums and composite types, but not columns of enum type', async () => {
    const schema = await readSchema(`enum Role {
  USER  @map("user")
  ADMIN
  @@map("roles")
}
type Address {
  street String
}
model Account {
  id      Int     @id
  role    Role    @default(USER)
  address Address?
  legacy  Legacy? @relation(fields: [legacyId], references: [id])
  legacyId Int?
  stats   Stats?
}
model Legacy {
  id       Int @id
  accounts Account[]
  @@ignore
}
view Stats {
  accountId Int     @unique
  account   Account @relation(fields: [accountId], references: [id])
}
`);
    expect(schema.tables.map((t) => t.modelName)).toEqual(['Account']);
    const account = table(schema, 'Account');
    expect(account.columns.map((c) => [c.name, c.type])).toEqual([
      ['id', 'Int'],
      ['role', 'Role'],
      ['address', 'Address'],
      ['legacyId', 'Int'],
    ]);
    // The ignored model is still a table in the database: the constraint to it is real.
    expect(account.foreignKeys.map((fk) => fk.referencedTable)).toEqual(['Legacy']);
  });

  it('parses what real schemas contain: block and doc comments, Unsupported, dbgenerated, native types', async () => {
    const schema = await readSchema(`/*
 * Block comments are valid Prisma that prisma-ast rejects.
 */
generator client {
  provider        = "prisma-client-js"
  previewFeatures = ["multiSchema", "views", "postgresqlExtensions"]
}

datasource db {
  provider   = "postgresql"
  url        = env("DATABASE_URL")
  extensions = [pgcrypto, postgis(version: "3.3.2")]
  schemas    = ["public", "geo"]
}

/// A place on the map.
model Place {
  id   String @id @default(dbgenerated("gen_random_uuid()")) @db.Uuid
  /* inline */ name String @db.VarChar(255)
  area Unsupported("geometry(Polygon, 4326)")?
  note String @default("// not a comment")
  @@schema("geo")
}
`);
    expect(table(schema, 'Place').columns.map((c) => [c.name, c.type, c.location.line])).toEqual([
      ['id', 'String', 18],
      ['name', 'String', 19],
      ['area', 'Unsupported("geometry(Polygon, 4326)")', 20],
      ['note', 'String', 21],
    ]);
  });

  it('keeps lines exact with Windows line breaks', async () => {
    const schema = await readSchema('model A {\r\n  id Int @id\r\n\r\n  name String\r\n}\r\n');
    expect(table(schema, 'A').columns.map((c) => c.location.line)).toEqual([2, 4]);
  });
});
