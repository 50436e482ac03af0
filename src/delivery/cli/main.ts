import { existsSync, statSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { GitRevisionError, GitRevisionFileSet } from '../../files/git-revision-file-set.ts';
import { LocalFileSet } from '../../files/local-file-set.ts';
import { TOOL_VERSION } from '../../meta.ts';
import { renderJson } from '../../reporters/json.ts';
import { renderMarkdown } from '../../reporters/markdown.ts';
import { renderSarif } from '../../reporters/sarif.ts';
import { renderText } from '../../reporters/text.ts';
import { compareWithBase } from '../../review/compare.ts';
import { DEFAULT_CONFIG_PATH } from '../../review/config.ts';
import { PhaseClock, timeWith } from '../../review/phase-clock.ts';
import type { ReviewResult } from '../../review/review-result.ts';
import { type ReviewOptions, review } from '../../review/run-review.ts';
import { type CliArguments, HELP, parseCliArguments, UsageError } from './arguments.ts';

/** Runs the CLI and returns its exit status: 0 passed, 1 gate failed, 2 usage or fatal error. */
export async function main(argv: readonly string[]): Promise<number> {
  let args: CliArguments;
  try {
    args = parseCliArguments(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`headroom: ${error.message}\nRun "headroom --help" for usage.\n`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(HELP);
    return 0;
  }
  if (args.version) {
    process.stdout.write(`${TOOL_VERSION}\n`);
    return 0;
  }
  const directory = resolve(args.directory);
  if (!existsSync(directory) || !statSync(directory).isDirectory()) {
    process.stderr.write(`headroom: ${args.directory} is not a directory\n`);
    return 2;
  }
  // Timed only when asked: the performance global loads perf_hooks and its helpers (~1.5 ms).
  const clock = args.timings ? new PhaseClock() : undefined;
  const startup = clock ? performance.now() : 0;
  try {
    const configText = args.config !== undefined ? await readConfig(args.config) : undefined;
    const options = {
      ...(clock ? { clock } : {}),
      // A config given on the command line may live anywhere; diagnostics name it as typed.
      ...(args.config !== undefined ? { configPath: args.config, configText } : {}),
      overrides: { tier: args.tier, failOn: args.failOn },
    };
    const result =
      args.base === undefined
        ? await review(new LocalFileSet(directory), options)
        : await reviewAgainstBase(directory, args.base, options);
    const report = timeWith(clock)('render', () => render(result, args));
    if (args.output) await writeReport(args.output, report);
    else process.stdout.write(report);
    if (clock) process.stderr.write(formatTimings(startup, clock));
    return result.gate.conclusion === 'failure' ? 1 : 0;
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    process.stderr.write(`headroom: ${error.message}\n`);
    return 2;
  }
}

/**
 * `--base REF`: the directory as it is now, compared with REF of its git repository, as the App
 * compares a pull request with its base; both sides use the config of the directory.
 */
async function reviewAgainstBase(
  directory: string,
  ref: string,
  options: ReviewOptions,
): Promise<ReviewResult> {
  let base: GitRevisionFileSet;
  try {
    base = new GitRevisionFileSet(directory, ref);
  } catch (error) {
    if (error instanceof GitRevisionError) throw new CliError(error.message);
    throw error;
  }
  const head = new LocalFileSet(directory);
  const configPath = options.configPath ?? DEFAULT_CONFIG_PATH;
  const configFile = (await head.read([configPath])).get(configPath);
  const configText = options.configText ?? (configFile?.kind === 'text' ? configFile.text : undefined);
  // Read once here, so the head review does not read it again and the base uses the same text.
  const shared = { ...options, configPath, ...(configText !== undefined ? { configText } : {}) };
  const headResult = await review(head, { ...shared, migrationBase: base });
  const baseResult = await review(base, {
    ...shared,
    migrationBase: base,
    clock: new PhaseClock(),
  });
  return compareWithBase(headResult, baseResult);
}

/** A failure the user can fix (a path that is wrong); anything else is a bug and keeps its stack. */
class CliError extends Error {}

async function readConfig(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new CliError(`cannot read config file ${path}: ${reason(error)}`);
  }
}

async function writeReport(path: string, report: string): Promise<void> {
  try {
    await writeFile(path, report);
  } catch (error) {
    throw new CliError(`cannot write ${path}: ${reason(error)}`);
  }
}

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'EACCES') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}

/** One line per phase, then the whole process: a regression shows where it is. */
function formatTimings(startup: number, clock: PhaseClock): string {
  const rows = [
    { phase: 'startup', ms: startup },
    ...clock.phases(),
    { phase: 'total', ms: performance.now() },
  ];
  const width = Math.max(...rows.map((row) => row.phase.length));
  const peakMb = process.resourceUsage().maxRSS / 1024;
  return [
    ...rows.map((row) => `${row.phase.padEnd(width)}  ${row.ms.toFixed(1).padStart(8)} ms`),
    `${'peak RSS'.padEnd(width)}  ${peakMb.toFixed(0).padStart(8)} MB`,
    '',
  ].join('\n');
}

function render(result: ReviewResult, args: CliArguments): string {
  switch (args.format) {
    case 'json':
      return renderJson(result);
    case 'sarif':
      return renderSarif(result);
    case 'markdown':
      return renderMarkdown(result, { context: 'summary' });
    case 'text':
      return renderText(result, {
        color: !args.output && process.stdout.isTTY === true && !process.env.NO_COLOR,
      });
  }
}
