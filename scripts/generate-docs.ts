// Writes rules/<id>.md beside each rule and docs/rules.md from the rule modules themselves.
import { mkdir, writeFile } from 'node:fs/promises';
import { allRules } from '../rules/index.ts';
import { renderRuleIndex, renderRulePage } from '../src/rules/rule-docs.ts';

const root = new URL('../', import.meta.url);
for (const rule of allRules) {
  await writeFile(new URL(`rules/${rule.meta.id}.md`, root), await renderRulePage(rule));
}
await mkdir(new URL('docs/', root), { recursive: true });
await writeFile(new URL('docs/rules.md', root), renderRuleIndex(allRules));
console.log(`wrote ${allRules.length} rule pages and docs/rules.md`);
