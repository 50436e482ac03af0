import type { Rule } from '../src/rules/rule.ts';
import duplicateIndex from './index/duplicate-index.ts';
import foreignKeyWithoutNotValid from './index/foreign-key-without-not-valid.ts';
import missingPrimaryKey from './index/missing-primary-key.ts';
import nonConcurrentIndex from './index/non-concurrent-index.ts';
import unindexedForeignKey from './index/unindexed-foreign-key.ts';

/**
 * Every rule, imported explicitly so bundlers (the Action's dist/) see them all.
 * test/rules/registry.test.ts fails when a rule file under rules/ is missing here.
 */
export const allRules: Rule[] = [
  unindexedForeignKey,
  missingPrimaryKey,
  duplicateIndex,
  nonConcurrentIndex,
  foreignKeyWithoutNotValid,
];
