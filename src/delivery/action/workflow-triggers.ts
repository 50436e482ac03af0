import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/**
 * Ticked boxes only do something when this workflow also runs on comment edits; otherwise the
 * comment says its boxes are informational. The workflow file is read from the checkout.
 */
export async function workflowListensToCommentEdits(workspace: string): Promise<boolean> {
  const ref = process.env.GITHUB_WORKFLOW_REF;
  const repository = process.env.GITHUB_REPOSITORY;
  if (!ref || !repository) return false;
  const path = ref.slice(repository.length + 1).split('@')[0] ?? '';
  try {
    // `yaml` reads YAML 1.2, where `on` stays a string key (YAML 1.1 would make it `true`).
    const triggers = (parse(readFileSync(join(workspace, path), 'utf8')) as { on?: unknown } | null)?.on;
    if (typeof triggers === 'string') return triggers === 'issue_comment';
    if (Array.isArray(triggers)) return triggers.includes('issue_comment');
    if (typeof triggers !== 'object' || triggers === null || !('issue_comment' in triggers)) return false;
    // Without `types`, every activity (created, edited, deleted) triggers the workflow.
    const types = (triggers.issue_comment as { types?: unknown } | null)?.types;
    return types === undefined || types === 'edited' || (Array.isArray(types) && types.includes('edited'));
  } catch {
    return false;
  }
}
