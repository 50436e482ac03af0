import { toAnnotations } from '../../reporters/annotations.ts';
import { renderMarkdown } from '../../reporters/markdown.ts';
import type { ReviewResult } from '../../review/review-result.ts';
import { type CheckRunOutput, SUMMARY_MAX_LENGTH } from './check-run.ts';

/**
 * The check run's conclusion, title, summary and annotations for one review. Compared with its
 * base, only what the pull request introduces is annotated: findings already on the base are in
 * the summary and the comment, and annotating each of them again on every push would cost GitHub
 * one more update per fifty (a repository with 300 of them: six) for lines nobody changed.
 */
export function checkRunOutput(result: ReviewResult): CheckRunOutput {
  const introduced = result.compared
    ? result.findings.filter((finding) => finding.status !== 'existing')
    : result.findings;
  return {
    conclusion: result.gate.conclusion,
    title: checkRunTitle(result),
    summary: renderMarkdown(result, { context: 'check', maxLength: SUMMARY_MAX_LENGTH }),
    annotations: toAnnotations({ ...result, findings: introduced }),
  };
}

/** The verdict in numbers, short enough for the checks list: `2 blocking · 3 new, 1 existing, 1 acknowledged`. */
export function checkRunTitle(result: ReviewResult): string {
  const active = result.findings.filter((finding) => !finding.acknowledgement);
  const acknowledged = result.findings.length - active.length;
  if (result.findings.length === 0) return 'No scaling findings';

  const parts: string[] = [];
  if (result.compared) {
    const fresh = active.filter((finding) => finding.status === 'new').length;
    parts.push(`${fresh} new`, `${active.length - fresh} existing`);
  } else {
    parts.push(plural(active.length, 'finding'));
  }
  if (acknowledged > 0) parts.push(`${acknowledged} acknowledged`);

  const { blocking } = result.gate;
  const verdict = blocking > 0 ? `${plural(blocking, 'blocking finding')}` : 'Nothing blocks the merge';
  return `${verdict} · ${parts.join(', ')}`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
