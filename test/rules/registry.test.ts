import { readdir, readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { allRules } from '../../rules/index.ts';
import { renderRuleIndex, renderRulePage, runOnExample } from '../../src/rules/rule-docs.ts';

const rulesDir = new URL('../../rules/', import.meta.url);

async function ruleFiles(): Promise<string[]> {
  const ids: string[] = [];
  for (const category of await readdir(rulesDir, { withFileTypes: true })) {
    if (!category.isDirectory()) continue;
    for (const file of await readdir(new URL(`${category.name}/`, rulesDir))) {
      if (file.endsWith('.ts') && !file.endsWith('.test.ts'))
        ids.push(`${category.name}/${file.slice(0, -3)}`);
    }
  }
  return ids.sort();
}

describe('rule registry', () => {
  it('lists every rule file under rules/, each once, with an id matching its path', async () => {
    expect(allRules.map((rule) => rule.meta.id).sort()).toEqual(await ruleFiles());
  });

  it.each(allRules.map((rule) => [rule.meta.id, rule] as const))(
    '%s: its docs page is up to date (npm run docs)',
    async (id, rule) => {
      expect(await readFile(new URL(`${id}.md`, rulesDir), 'utf8')).toBe(await renderRulePage(rule));
    },
  );

  it('docs/rules.md lists every rule (npm run docs)', async () => {
    expect(await readFile(new URL('../../docs/rules.md', import.meta.url), 'utf8')).toBe(
      renderRuleIndex(allRules),
    );
  });

  it.each(allRules.map((rule) => [rule.meta.id, rule] as const))(
    '%s: the bad example fires and the good one does not',
    async (id, rule) => {
      const examples = rule.meta.examples;
      expect((await runOnExample(rule, examples.bad)).map((f) => f.ruleId)).toContain(id);
      expect(await runOnExample(rule, examples.good)).toEqual([]);
    },
  );
});
