import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';
import { parse } from 'yaml';

const root = new URL('../../', import.meta.url).pathname;

const action = parse(await readFile(join(root, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, unknown>;
};

export interface Runner {
  /** `owner/name` of the repository the workflow runs in. */
  repository: string;
  workspace: string;
  /** GITHUB_API_URL: the local stand-in for api.github.com. */
  api: string;
}

export interface Run {
  code: number | null;
  /** stdout then stderr: the step's log, with its `::error …::` workflow commands. */
  log: string;
  outputs: Record<string, string>;
  summary: string;
}

/**
 * Runs the built dist/action.js as the runner does: Node 24 in its own process, with the runner's
 * environment, files for the event, outputs and job summary, and every input of action.yml.
 */
export async function runAction(
  runner: Runner,
  eventName: string,
  event: unknown,
  inputs: Record<string, string> = {},
): Promise<Run> {
  const files = await mkdtemp(join(tmpdir(), 'headroom-runner-'));
  const eventPath = join(files, 'event.json');
  const outputPath = join(files, 'output');
  const summaryPath = join(files, 'summary');
  await writeFile(eventPath, JSON.stringify(event));
  await writeFile(outputPath, '');
  await writeFile(summaryPath, '');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_EVENT_NAME: eventName,
    GITHUB_REPOSITORY: runner.repository,
    GITHUB_WORKSPACE: runner.workspace,
    GITHUB_OUTPUT: outputPath,
    GITHUB_STEP_SUMMARY: summaryPath,
    GITHUB_API_URL: runner.api,
    GITHUB_WORKFLOW_REF: `${runner.repository}/.github/workflows/headroom.yml@refs/heads/main`,
  };
  // The runner sets every input of action.yml, given or defaulted, as INPUT_<NAME> (dashes kept).
  expect(Object.keys(inputs).filter((name) => !(name in action.inputs))).toEqual([]);
  for (const [name, input] of Object.entries(action.inputs)) {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the workflow expression action.yml declares.
    const value = inputs[name] ?? (input.default === '${{ github.token }}' ? 'ghs_test' : input.default);
    if (value !== undefined) env[`INPUT_${name.toUpperCase()}`] = value;
  }
  const child = spawn(join(root, 'node_modules/.bin/node'), [join(root, 'dist/action.js')], { env });
  let log = '';
  child.stdout.on('data', (chunk) => {
    log += chunk;
  });
  child.stderr.on('data', (chunk) => {
    log += chunk;
  });
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const outputs = readOutputs(await readFile(outputPath, 'utf8'));
  expect(Object.keys(outputs).filter((name) => !(name in action.outputs))).toEqual([]);
  const summary = await readFile(summaryPath, 'utf8');
  await rm(files, { recursive: true, force: true });
  return { code, log, outputs, summary };
}

/**
 * The outputs file as the runner reads it: `name=value` lines, and `name<<DELIMITER` heredocs
 * for values that span lines. Anything else is an error the runner would fail the step for.
 */
export function readOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line === '') continue;
    const heredoc = /^([\w-]+)<<(\S+)$/.exec(line);
    const assignment = /^([\w-]+)=(.*)$/.exec(line);
    if (heredoc) {
      const end = lines.indexOf(heredoc[2] as string, i + 1);
      expect(end, `the heredoc of ${heredoc[1]} is closed`).toBeGreaterThan(i);
      outputs[heredoc[1] as string] = lines.slice(i + 1, end).join('\n');
      i = end;
    } else {
      expect(assignment, `an output line the runner reads: ${line}`).not.toBeNull();
      outputs[assignment?.[1] as string] = assignment?.[2] as string;
    }
  }
  return outputs;
}

/** The workflow commands that become annotations. */
export function annotationsIn(log: string): string[] {
  return log.split('\n').filter((line) => /^::(error|warning|notice)[ :]/.test(line));
}

/** Writes (or overwrites) files under `dir`, creating their folders. */
export async function writeFiles(dir: string, files: Record<string, string>): Promise<void> {
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
}
