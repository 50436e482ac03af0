import { appendFileSync } from 'node:fs';

/**
 * The step's outputs and job summary, written to the files the runner names. @actions/core's
 * setOutput wraps every value in a heredoc with a random UUID for delimiter, which loads
 * node:crypto (~7 ms of every run), and its summary loads node:fs/promises and readline on
 * import; Headroom's outputs are single-line values, which the runner reads as `name=value`.
 */
export function setOutputs(outputs: Record<string, string | number>): void {
  const path = process.env.GITHUB_OUTPUT;
  if (!path) throw new Error('GITHUB_OUTPUT is not set: the step outputs have nowhere to go.');
  const lines = Object.entries(outputs).map(([name, value]) => {
    const text = String(value);
    // A line break would start another output: such a value is dropped rather than let through.
    if (/[\r\n]/.test(text)) throw new Error(`The output ${name} holds a line break.`);
    return `${name}=${text}\n`;
  });
  appendFileSync(path, lines.join(''), 'utf8');
}

/** Appends Markdown to the job summary; a runner without job summaries simply shows none. */
export function appendJobSummary(markdown: string): void {
  const path = process.env.GITHUB_STEP_SUMMARY;
  if (path) appendFileSync(path, markdown, 'utf8');
}
