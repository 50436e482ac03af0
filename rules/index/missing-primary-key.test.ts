import { describe, expect, it } from 'vitest';
import { findingsFor } from '../../test/helpers/rule-findings.ts';
import rule from './missing-primary-key.ts';

describe('index/missing-primary-key', () => {
  it('reports a SQL table created without a primary key, at its CREATE TABLE', async () => {
    const findings = await findingsFor(rule, {
      'migrations/001_init.sql':
        'CREATE TABLE guilds (id text PRIMARY KEY);\n\nCREATE TABLE messages (\n  guild_id text NOT NULL,\n  body text\n);\n',
    });
    expect(findings.map((f) => [f.entity, f.location.path, f.location.line])).toEqual([
      ['messages', 'migrations/001_init.sql', 3],
    ]);
  });

  it('counts a primary key added by a later ALTER TABLE', async () => {
    const findings = await findingsFor(rule, {
      'migrations/001_init.sql': 'CREATE TABLE events (id bigint NOT NULL, kind text);\n',
      'migrations/002_pk.sql': 'ALTER TABLE events ADD PRIMARY KEY (id);\n',
    });
    expect(findings).toEqual([]);
  });

  it('reports a Prisma model identified only by @@unique, and not one with @@id', async () => {
    const schema = (block: string) => ({
      'prisma/schema.prisma': `datasource db {\n  provider = "postgresql"\n  url = env("DATABASE_URL")\n}\n\nmodel Tag {\n  postId Int\n  name   String\n  ${block}\n}\n`,
    });
    expect((await findingsFor(rule, schema('@@unique([postId, name])'))).map((f) => f.entity)).toEqual([
      'Tag',
    ]);
    expect(await findingsFor(rule, schema('@@id([postId, name])'))).toEqual([]);
  });

  it('is a note at launch and an error at scale', async () => {
    const files = { 'migrations/001.sql': 'CREATE TABLE t (a int);\n' };
    expect((await findingsFor(rule, files, 'launch'))[0]?.severity).toBe('note');
    expect((await findingsFor(rule, files, 'scale'))[0]?.severity).toBe('error');
  });

  // dub's schema (apps/web/prisma/schema/, MySQL, relationMode prisma), reduced to two models.
  const dub = (provider: string, email = 'String') => ({
    'prisma/schema/schema.prisma': `datasource db {\n  provider     = "${provider}"\n  url          = env("DATABASE_URL")\n  relationMode = "prisma"\n}\n`,
    'prisma/schema/partner.prisma': `model Partner {\n  id String @id @default(cuid())\n}\n\nmodel PartnerInvite {\n  email     ${email}\n  expires   DateTime\n  partnerId String\n  createdAt DateTime    @default(now())\n\n  partner Partner @relation(fields: [partnerId], references: [id], onDelete: Cascade)\n\n  @@unique([email, partnerId])\n  @@index(partnerId)\n}\n`,
    'prisma/schema/network.prisma':
      'model ProgramCategory {\n  programId String\n  category  String\n\n  @@unique([programId, category])\n}\n\nmodel ProgramView {\n  programId String\n  viewedAt  DateTime\n}\n',
  });

  it('on MySQL, takes a unique key on required columns for the clustered key InnoDB uses, and reports the rest with the MySQL reason', async () => {
    const findings = await findingsFor(rule, dub('mysql'));
    expect(findings.map((f) => [f.entity, f.location.path, f.location.line])).toEqual([
      ['ProgramView', 'prisma/schema/network.prisma', 8],
    ]);
    expect(findings[0]?.message).toContain('InnoDB clusters it on a hidden row id');
    expect(findings[0]?.message).not.toContain('logical replication');
  });

  it('on MySQL, a unique key over a nullable column is no clustered key; on PostgreSQL no unique key is a primary key', async () => {
    const nullable = await findingsFor(rule, dub('mysql', 'String?'));
    expect(nullable.map((f) => f.entity).sort()).toEqual(['PartnerInvite', 'ProgramView']);
    const postgres = await findingsFor(rule, dub('postgresql'));
    expect(postgres.map((f) => f.entity).sort()).toEqual(['PartnerInvite', 'ProgramCategory', 'ProgramView']);
    expect(postgres.every((f) => f.message.includes('logical replication'))).toBe(true);
  });
});
