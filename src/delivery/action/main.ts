// Synchronous: node:fs/promises loads readline and streams when first used, on every run here.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as core from '@actions/core';
import type { Octokit } from '@octokit/rest';
import type { FileSet } from '../../files/file-set.ts';
import { GitHubFileSet } from '../../files/github-file-set.ts';
import { LocalFileSet } from '../../files/local-file-set.ts';
import { SubdirectoryFileSet } from '../../files/subdirectory-file-set.ts';
import { renderMarkdown } from '../../reporters/markdown.ts';
import { renderSarif } from '../../reporters/sarif.ts';
import { applyAcknowledgements } from '../../review/acknowledge.ts';
import { compareWithBase } from '../../review/compare.ts';
import { DEFAULT_CONFIG_PATH } from '../../review/config.ts';
import type { ReviewResult } from '../../review/review-result.ts';
import { type ReviewOptions, review } from '../../review/run-review.ts';
import { acknowledgementsIn } from '../github/acknowledgements.ts';
import type { PullRequestRef } from '../github/client.ts';
import { COMMENT_MAX_LENGTH, findReviewComment, writeReviewComment } from '../github/review-comment.ts';
import { ANNOTATIONS_PER_LEVEL, emitAnnotations } from './annotations.ts';
import { handleCommentEdit } from './comment-edit.ts';
import { type ActionInputs, readInputs } from './inputs.ts';
import { prefixPaths } from './prefix-paths.ts';
import { appendJobSummary, setOutputs } from './step-files.ts';
import { workflowListensToCommentEdits } from './workflow-triggers.ts';

// biome-ignore lint/suspicious/noExplicitAny: webhook payloads are read defensively.
type Payload = any;

/** GitHub accepts 1 MiB of job summary per step; characters, not bytes, are counted here. */
const JOB_SUMMARY_MAX_LENGTH = 500_000;

/** The Action: review the checked-out workspace, compare with the base, report the Actions way. */
export async function run(): Promise<void> {
  const inputs = readInputs();
  const event: Payload = JSON.parse(readFileSync(requiredEnv('GITHUB_EVENT_PATH'), 'utf8'));
  const eventName = requiredEnv('GITHUB_EVENT_NAME');
  const [owner = '', repo = ''] = requiredEnv('GITHUB_REPOSITORY').split('/');
  const workspace = requiredEnv('GITHUB_WORKSPACE');

  if (eventName === 'issue_comment') {
    await handleCommentEdit(await apiClient(inputs), { owner, repo }, event);
    return;
  }

  const pullRequest = event.pull_request;
  // Only a pull request calls the API (its base, its comment): a push reviews the checkout alone.
  const client = pullRequest ? await apiClient(inputs) : undefined;
  const pr: PullRequestRef | undefined = pullRequest
    ? { owner, repo, number: pullRequest.number }
    : undefined;
  const options: ReviewOptions = {
    ...(inputs.configPath ? { configPath: inputs.configPath } : {}),
    overrides: { tier: inputs.tier, failOn: inputs.failOn },
  };
  const notes: string[] = [];
  const local = new LocalFileSet(join(workspace, inputs.workingDirectory));
  const base =
    client && pullRequest?.base?.sha
      ? new SubdirectoryFileSet(
          new GitHubFileSet(client, { owner, repo, sha: pullRequest.base.sha }),
          inputs.workingDirectory,
        )
      : undefined;
  let result = await review(local, { ...options, ...(base ? { migrationBase: base } : {}) });
  if (base && pullRequest?.base?.sha)
    result = await compareToBase(base, pullRequest.base.sha, inputs, local, options, result, notes);

  // Undefined when the comment is off or could not be read: then it is not written either.
  const lookup = client && pr && inputs.comment ? await findComment(client, pr, notes) : undefined;
  const existing = lookup?.existing;
  if (existing) result = applyAcknowledgements(result, acknowledgementsIn(existing.body));
  result = prefixPaths(result, inputs.workingDirectory);

  if (client && pr && lookup) {
    const interactive = await workflowListensToCommentEdits(workspace);
    const body = renderMarkdown(result, { context: 'comment', interactive, maxLength: COMMENT_MAX_LENGTH });
    await writeComment(client, pr, existing, body, notes);
  }
  const left = emitAnnotations(result, {
    failure: result.gate.conclusion === 'failure' ? 1 : 0,
    warning: notes.length,
  });
  if (left > 0) {
    const line = `${left} more finding(s) were not annotated: GitHub shows ${ANNOTATIONS_PER_LEVEL} annotations per level and step. This summary lists them all.`;
    core.info(line);
    notes.push(line);
  }
  const outputs: Record<string, string | number> = {};
  if (inputs.sarifFile) {
    // Relative to the repository root, like upload-sarif's `sarif_file`; `${{ runner.temp }}/…` is absolute.
    writeFileSync(resolve(workspace, inputs.sarifFile), renderSarif(result));
    outputs['sarif-file'] = inputs.sarifFile;
  }
  appendJobSummary(
    renderMarkdown(result, { context: 'summary', maxLength: JOB_SUMMARY_MAX_LENGTH }) +
      notes.map((note) => `\n> ${note}\n`).join(''),
  );

  const active = result.findings.filter((f) => !f.acknowledgement);
  setOutputs({
    ...outputs,
    conclusion: result.gate.conclusion,
    findings: active.length,
    'new-findings': result.compared ? active.filter((f) => f.status === 'new').length : active.length,
  });
  if (result.gate.conclusion === 'failure') {
    core.setFailed(
      `Headroom: ${result.gate.blocking} finding(s) at or above ${result.gate.failOn} block this change.`,
    );
  }
}

/** Octokit, loaded by the events that call the API: a push never pays for it. */
async function apiClient(inputs: ActionInputs): Promise<Octokit> {
  const { Octokit } = await import('@octokit/rest');
  return new Octokit({
    auth: inputs.token,
    baseUrl: process.env.GITHUB_API_URL ?? 'https://api.github.com',
    userAgent: 'headroom-action',
  });
}

/**
 * The base commit is read through the API, not from git: actions/checkout fetches one commit by
 * default, so the base is rarely in the checkout. Without access, findings are not split.
 */
async function compareToBase(
  files: FileSet,
  baseSha: string,
  inputs: ActionInputs,
  local: LocalFileSet,
  options: ReviewOptions,
  head: ReviewResult,
  notes: string[],
): Promise<ReviewResult> {
  try {
    const configPath = inputs.configPath ?? DEFAULT_CONFIG_PATH;
    const config = (await local.read([configPath])).get(configPath);
    const baseResult = await review(files, {
      ...options,
      migrationBase: files,
      ...(config?.kind === 'text' ? { configText: config.text } : {}),
    });
    return compareWithBase(head, baseResult);
  } catch (error) {
    notes.push(
      `The base commit ${baseSha.slice(0, 7)} could not be read (${messageOf(error)}); every finding counts as new.`,
    );
    core.warning(notes.at(-1) as string);
    return head;
  }
}

async function findComment(client: Octokit, pr: PullRequestRef, notes: string[]) {
  try {
    return { existing: await findReviewComment(client, pr) };
  } catch (error) {
    notes.push(
      `The pull-request comment could not be read (${messageOf(error)}); the review is reported here only.`,
    );
    core.warning(notes.at(-1) as string);
    return undefined;
  }
}

/** A fork's pull request gets a read-only token: say so, and keep every other report. */
async function writeComment(
  client: Octokit,
  pr: PullRequestRef,
  existing: Awaited<ReturnType<typeof findReviewComment>>,
  body: string,
  notes: string[],
) {
  try {
    await writeReviewComment(client, pr, existing, body);
  } catch (error) {
    const status = (error as { status?: number }).status;
    const why =
      status === 403 || status === 404
        ? 'the token cannot write to this pull request (a fork’s pull request gets a read-only token)'
        : messageOf(error);
    notes.push(
      `The checklist comment was not posted: ${why}. Annotations, this summary and the exit status still report the review.`,
    );
    core.warning(notes.at(-1) as string);
  }
}

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: this runs as a GitHub Action step.`);
  return value;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The step: its failure is the step's failure, with the reason as the error annotation. */
export async function runStep(): Promise<number> {
  await run().catch((error: unknown) => {
    core.setFailed(`Headroom could not run: ${messageOf(error)}`);
  });
  return Number(process.exitCode ?? 0);
}
