import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { ANNOTATIONS_PER_LEVEL } from '../../src/delivery/action/annotations.ts';
import { READS_AT_ONCE } from '../../src/delivery/app/job-environment.ts';
import { RATE_LIMIT_RESERVE } from '../../src/delivery/app/queue/installation-budget.ts';
import { RETRY } from '../../src/delivery/app/queue/job-queue.ts';
import { RecentDeliveries } from '../../src/delivery/app/queue/recent-deliveries.ts';
import { ANNOTATIONS_PER_REQUEST } from '../../src/delivery/github/check-run.ts';
import { COMMENT_MAX_LENGTH } from '../../src/delivery/github/review-comment.ts';
import { DEFAULT_LIMITS } from '../../src/files/file-set.ts';
import { DEFAULT_TIME_BUDGET_MS } from '../../src/model/read-project.ts';
import { MAX_CONFIG_ALIASES } from '../../src/review/config.ts';
import { CODE_LIMITS } from '../../src/sources/code/index.ts';
import { MAX_YAML_ERRORS_PER_FILE } from '../../src/sources/located-yaml.ts';
import { MAX_LOCATED_DEPTH } from '../../src/sources/manifests/json-key-lines.ts';
import { MAX_VALUE_DEPTH } from '../../src/sources/prisma/parse-schema.ts';
import { MAX_DIAGNOSTICS_PER_FILE, MAX_STATEMENTS_PER_FILE } from '../../src/sources/sql/index.ts';

const CODE: Record<string, number> = {
  'DEFAULT_LIMITS.maxFileBytes': DEFAULT_LIMITS.maxFileBytes,
  'DEFAULT_LIMITS.maxFiles': DEFAULT_LIMITS.maxFiles,
  'DEFAULT_LIMITS.maxListedEntries': DEFAULT_LIMITS.maxListedEntries,
  'CODE_LIMITS.maxFiles': CODE_LIMITS.maxFiles,
  'CODE_LIMITS.maxFileBytes': CODE_LIMITS.maxFileBytes,
  DEFAULT_TIME_BUDGET_MS,
  MAX_CONFIG_ALIASES,
  MAX_VALUE_DEPTH,
  MAX_LOCATED_DEPTH,
  MAX_STATEMENTS_PER_FILE,
  MAX_YAML_ERRORS_PER_FILE,
  MAX_DIAGNOSTICS_PER_FILE,
  COMMENT_MAX_LENGTH,
  ANNOTATIONS_PER_REQUEST,
  ANNOTATIONS_PER_LEVEL,
  RATE_LIMIT_RESERVE,
  'RecentDeliveries.capacity': new RecentDeliveries().capacity,
  'RETRY.attempts': RETRY.attempts,
  READS_AT_ONCE,
};

describe('docs/limits.md', () => {
  it('states every cap with the value the code applies', async () => {
    const doc = await readFile(new URL('../../docs/limits.md', import.meta.url), 'utf8');
    const documented = Object.fromEntries(
      [...doc.matchAll(/^\| [^|]+ \| (\d+)[^|]* \| `([\w.]+)`/gm)].map((m) => [m[2], Number(m[1])]),
    );
    expect(documented).toEqual(CODE);
  });
});
