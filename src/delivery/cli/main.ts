import { existsSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { LocalFileSet } from '../../files/local-file-set.ts';
import { TOOL_VERSION } from '../../meta.ts';
import { renderJson } from '../../reporters/json.ts';
import { renderMarkdown } from '../../reporters/markdown.ts';
import { renderSarif } from '../../reporters/sarif.ts';
import { renderText } from '../../reporters/text.ts';
import type { ReviewResult } from '../../review/review-result.ts';
import { review } from '../../review/run-review.ts';
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
  const configPath = args.config ? relative(directory, resolve(args.config)) : undefined;
  if (args.config && (!existsSync(args.config) || configPath?.startsWith('..'))) {
    process.stderr.write(`headroom: config file ${args.config} not found inside ${args.directory}\n`);
    return 2;
  }
  const result = await review(new LocalFileSet(directory), {
    ...(configPath ? { configPath } : {}),
    overrides: { tier: args.tier, failOn: args.failOn },
  });
  const report = render(result, args);
  if (args.output) await writeFile(args.output, report);
  else process.stdout.write(report);
  return result.gate.conclusion === 'failure' ? 1 : 0;
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

if (import.meta.main) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(
        `headroom: fatal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
      process.exitCode = 2;
    },
  );
}
