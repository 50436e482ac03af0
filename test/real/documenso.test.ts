import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import unindexedForeignKey from '../../rules/index/unindexed-foreign-key.ts';
import { findingsFor, modelOf } from '../helpers/rule-findings.ts';

const schema = await readFile(new URL('../fixtures/real/documenso/schema.prisma', import.meta.url), 'utf8');
const files = { 'packages/prisma/schema.prisma': schema };

describe('a real schema: documenso (packages/prisma/schema.prisma)', () => {
  it('reads all 28 models, the datasource env vars and every relation with its line', async () => {
    const [parsed] = (await modelOf(files)).schemas;
    expect(parsed?.tables).toHaveLength(28);
    expect(parsed?.datasource).toMatchObject({
      urlEnv: 'NEXT_PRIVATE_DATABASE_URL',
      directUrlEnv: 'NEXT_PRIVATE_DIRECT_DATABASE_URL',
    });
    const signature = parsed?.tables.find((t) => t.name === 'Signature');
    expect(signature?.foreignKeys.map((fk) => [fk.columns, fk.referencedTable, fk.location.line])).toEqual([
      [['recipientId'], 'Recipient', 383],
      [['fieldId'], 'Field', 384],
    ]);
  });

  it('finds exactly the relations no index, unique or primary key covers', async () => {
    const entities = (await findingsFor(unindexedForeignKey, files)).map((f) => f.entity).sort();
    expect(entities).toEqual(
      [
        'UserSecurityAuditLog.userId',
        'PasswordResetToken.userId',
        'VerificationToken.userId',
        'Webhook.userId',
        'Webhook.teamId',
        'WebhookCall.webhookId',
        'ApiToken.userId',
        'ApiToken.teamId',
        'Account.userId',
        'Session.userId',
        'Document.teamId',
        'DocumentAuditLog.documentId',
        'Team.ownerUserId',
        'TeamPending.ownerUserId',
        'TeamMember.teamId',
        'Template.teamId',
        'Template.userId',
        'SiteSettings.lastModifiedByUserId',
      ].sort(),
    );
  });
});
