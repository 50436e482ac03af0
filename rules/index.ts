import type { Rule } from '../src/rules/rule.ts';

/**
 * Every rule, imported explicitly so bundlers (the Action's dist/) see them all.
 * test/rules-index.test.ts fails when a rule file under rules/ is missing here.
 */
export const allRules: Rule[] = [];
