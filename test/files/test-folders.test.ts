import { describe, expect, it } from 'vitest';
import { inTestFolder } from '../../src/files/test-folders.ts';

describe('inTestFolder', () => {
  it.each([
    'test/migrations/001.sql',
    'packages/db/Tests/fixtures/schema.sql',
    'apps/web/__tests__/env.ts',
    'e2e/docker-compose.yml',
    'internal/testdata/migrations/0001.up.sql',
    'api/spec/support/start.sh',
  ])('%s is under a test folder', (path) => expect(inTestFolder(path)).toBe(true));

  it.each([
    'migrations/test.sql',
    'db/testing/001.sql',
    'contest/migrations/001.sql',
    'src/specification/start.sh',
    'spec',
    'prisma/migrations/20240101_e2e/migration.sql',
  ])('%s is not', (path) => expect(inTestFolder(path)).toBe(false));
});
