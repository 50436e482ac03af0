import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';

/**
 * Ticked boxes only do something when this workflow also runs on `issue_comment`; otherwise the
 * comment says its boxes are informational. The workflow file is read from the checkout.
 */
export async function workflowListensToCommentEdits(workspace: string): Promise<boolean> {
  const ref = process.env.GITHUB_WORKFLOW_REF;
  const repository = process.env.GITHUB_REPOSITORY;
  if (!ref || !repository) return false;
  const path = ref.slice(repository.length + 1).split('@')[0] ?? '';
  try {
    const workflow = parse(await readFile(join(workspace, path), 'utf8')) as { on?: unknown; true?: unknown };
    // YAML 1.1 readers turn a bare `on:` key into `true`.
    const triggers = workflow.on ?? workflow.true;
    if (typeof triggers === 'string') return triggers === 'issue_comment';
    if (Array.isArray(triggers)) return triggers.includes('issue_comment');
    return typeof triggers === 'object' && triggers !== null && 'issue_comment' in triggers;
  } catch {
    return false;
  }
}
