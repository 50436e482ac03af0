import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { workflowListensToCommentEdits } from '../../src/delivery/action/workflow-triggers.ts';
import { temporaryDirectory } from '../temporary-directory.ts';

let workspace: string;

beforeEach(async () => {
  workspace = await temporaryDirectory('headroom-triggers-');
  await mkdir(join(workspace, '.github/workflows'), { recursive: true });
  vi.stubEnv('GITHUB_REPOSITORY', 'octo/shop');
  vi.stubEnv('GITHUB_WORKFLOW_REF', 'octo/shop/.github/workflows/review.yml@refs/pull/3/merge');
});
afterEach(() => {
  vi.unstubAllEnvs();
});

const workflow = (text: string) => writeFile(join(workspace, '.github/workflows/review.yml'), text);

describe('whether the running workflow also runs on comment edits', () => {
  it.each([
    ['a list of events', 'on: [pull_request, issue_comment]\njobs: {}\n', true],
    ['a map of events', 'on:\n  pull_request:\n  issue_comment:\n    types: [edited]\n', true],
    ['the event alone', 'on: issue_comment\n', true],
    ['every comment activity', 'on:\n  pull_request:\n  issue_comment:\n', true],
    ['new comments only', '"on":\n  issue_comment:\n    types: [created]\n  pull_request:\n', false],
    ['pull requests only', 'on:\n  pull_request:\n    branches: [main]\n', false],
    ['an unreadable workflow', 'on: [pull_request\n', false],
    ['an empty file', '', false],
  ])('%s', async (_, text, expected) => {
    await workflow(text);
    expect(await workflowListensToCommentEdits(workspace)).toBe(expected);
  });

  it('reads a real checklist workflow', async () => {
    await workflow(
      await readFile(new URL('../fixtures/action/workflows/dod-checker.yaml', import.meta.url), 'utf8'),
    );
    expect(await workflowListensToCommentEdits(workspace)).toBe(true);
  });

  it('reads the workflow that is running, not another one in the repository', async () => {
    await writeFile(join(workspace, '.github/workflows/other.yml'), 'on: [issue_comment]\n');
    await workflow('on: [pull_request]\n');
    expect(await workflowListensToCommentEdits(workspace)).toBe(false);
  });

  it('is false when the workflow file is not in the checkout (checked out into a subfolder)', async () => {
    expect(await workflowListensToCommentEdits(workspace)).toBe(false);
  });
});
