import { describe, expect, it } from 'vitest';
import { LocalFileSet } from '../src/files/local-file-set.ts';
import { review } from '../src/review/run-review.ts';

/**
 * The bundled examples are modelled on the seeds' scaling plans. Each expected set is what a
 * careful reviewer writes by hand for that project at the default (growth) tier: a missing or an
 * extra finding fails.
 */
const expected: Record<string, string[]> = {
  'fastapi-render': [
    'cache/in-process-cache-across-instances cache:app/main.py:album_title',
    'cache/in-process-cache-across-instances cache:app/main.py:feed_cache',
    'index/non-concurrent-index migration:migrations/003_feed_index.sql:create-index:idx_photos_user_created',
    'index/unindexed-foreign-key likes.photo_id',
    'index/unindexed-foreign-key photos.album_id',
    'ops/no-error-tracking project:error-tracking',
    'ops/no-rate-limiting service:photos-api',
    'plan/free-database-expires database:photos-db',
    'plan/free-web-sleeps service:photos-api',
    'plan/no-health-check service:photos-api',
    'plan/workers-exceed-cpu service:photos-api',
    'plan/workers-exceed-memory service:photos-api',
    'pooling/direct-connection-at-scale database:photos-db',
  ],
  'nextjs-prisma-supabase': [
    'cache/in-process-cache-across-instances cache:src/app/api/posts/route.ts:feedCache',
    'index/non-concurrent-index migration:prisma/migrations/20240415090000_comments/migration.sql:create-index:posts_author_id_idx',
    'index/unindexed-foreign-key Comment.authorId',
    'index/unindexed-foreign-key Follow.followingId',
    'ops/no-error-tracking project:error-tracking',
    'ops/no-rate-limiting service:vercel',
    'pooling/transaction-pooler-prisma-params env:DATABASE_URL:directUrl',
    'pooling/transaction-pooler-prisma-params env:DATABASE_URL:pgbouncer',
  ],
  'discord-bot-render': [
    'cache/unused-keyvalue keyvalue:bot-cache',
    'env/committed-secret env:.env:DATABASE_URL',
    'env/committed-secret env:.env:DISCORD_TOKEN',
    'env/committed-secret env:.env:GROQ_API_KEY',
    'index/missing-primary-key messages',
    'index/unindexed-foreign-key messages.guild_id',
    'ops/no-error-tracking project:error-tracking',
    'plan/free-database-expires database:bot-db',
    'plan/free-web-sleeps service:community-bot',
    'plan/no-health-check service:community-bot',
    'plan/single-process-web service:community-bot',
  ],
};

describe('the bundled examples', () => {
  it.each(Object.entries(expected))(
    '%s: exactly the findings a careful reviewer would write',
    async (example, findings) => {
      const result = await review(
        new LocalFileSet(new URL(`../examples/${example}`, import.meta.url).pathname),
      );
      expect(result.findings.map((f) => `${f.ruleId} ${f.entity}`).sort()).toEqual(findings);
      expect(result.diagnostics).toEqual([]);
    },
  );

  it('the discord bot on a free web service is an error even at launch tier', async () => {
    const result = await review(
      new LocalFileSet(new URL('../examples/discord-bot-render', import.meta.url).pathname),
      { overrides: { tier: 'launch' } },
    );
    expect(result.findings.find((f) => f.ruleId === 'plan/free-web-sleeps')).toMatchObject({
      severity: 'error',
      message: expect.stringContaining('discord.js'),
    });
  });
});
