import { MemoryFileSet } from '../../src/files/memory-file-set.ts';
import type { ProjectModel } from '../../src/model/project-model.ts';
import { readProject } from '../../src/model/read-project.ts';
import type { Finding } from '../../src/review/finding.ts';
import type { Rule, Tier } from '../../src/rules/rule.ts';
import { runRules } from '../../src/rules/run-rules.ts';

/** Parses the given files with the real sources, as a review would. */
export async function modelOf(files: Record<string, string>): Promise<ProjectModel> {
  return (await readProject(new MemoryFileSet(files))).model;
}

/** Runs one rule on files parsed by the real sources, at a tier (default growth). */
export async function findingsFor(
  rule: Rule,
  files: Record<string, string>,
  tier: Tier = 'growth',
  options?: unknown,
): Promise<Finding[]> {
  return runRules(await modelOf(files), [rule], {
    tier,
    rules: options === undefined ? {} : { [rule.meta.id]: { options } },
  });
}
