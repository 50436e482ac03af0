import { MemoryFileSet } from '../../src/files/memory-file-set.ts';
import { type ReviewOptions, review } from '../../src/review/run-review.ts';
import { defineRule, type Severity } from '../../src/rules/rule.ts';

/**
 * A rule whose findings are written in a `.env` file, so a test states them in its input:
 * `API=warning` on line 3 is a warning about `env:API` at line 3. The value must be a severity.
 */
export const envSays = defineRule({
  meta: {
    id: 'test/env-says',
    title: 'The .env file says so',
    category: 'ops',
    severity: { launch: 'note', growth: 'note', scale: 'note', enterprise: 'note' },
    summary: 'Reports each .env entry with the severity it names.',
    ramification: 'None; it exists for tests.',
    fix: 'Remove the entry.',
    examples: { bad: { path: '.env', text: 'A=error\n' }, good: { path: '.env', text: '' } },
  },
  check: (model) =>
    model.envFiles.flatMap((file) =>
      file.entries.map((entry) => ({
        entity: `env:${entry.key}`,
        message: `${entry.key} asks for a finding.`,
        location: entry.location,
        severity: entry.value.reveal() as Severity,
        fix: { text: `Remove ${entry.key}.`, replacement: `# ${entry.key} removed` },
      })),
    ),
});

/** Reviews in-memory files with the fake rule only (plus any options). */
export function reviewWithEnvRule(files: Record<string, string>, options: ReviewOptions = {}) {
  return review(new MemoryFileSet(files), { rules: [envSays], ...options });
}
