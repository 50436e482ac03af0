import * as core from '@actions/core';
import { type Annotation, toAnnotations } from '../../reporters/annotations.ts';
import type { ReviewResult } from '../../review/review-result.ts';

/**
 * GitHub shows at most 10 error, 10 warning and 10 notice annotations per step (and 50 per job):
 * actions/toolkit docs/problem-matchers.md, "Limitations".
 */
export const ANNOTATIONS_PER_LEVEL = 10;

type Level = Annotation['annotation_level'];

const EMIT = { failure: core.error, warning: core.warning, notice: core.notice } as const;

/**
 * Emits the findings that fit the per-step limits and returns how many were left out. `reserved`
 * keeps slots for the step's own messages (the gate's failure, warnings about the comment), which
 * would otherwise be the ones GitHub drops. A pull request's new findings go before the ones
 * already on the base, so the limit spends itself on what the change introduced.
 */
export function emitAnnotations(result: ReviewResult, reserved: Partial<Record<Level, number>> = {}): number {
  const newFirst = [...result.findings].sort(
    (a, b) => Number(a.status === 'existing') - Number(b.status === 'existing'),
  );
  const used: Record<Level, number> = { failure: 0, warning: 0, notice: 0, ...reserved };
  let left = 0;
  for (const annotation of toAnnotations({ ...result, findings: newFirst })) {
    const level = annotation.annotation_level;
    if (used[level] >= ANNOTATIONS_PER_LEVEL) {
      left++;
      continue;
    }
    used[level]++;
    EMIT[level](annotation.message, {
      title: annotation.title,
      file: annotation.path,
      startLine: annotation.start_line,
      endLine: annotation.end_line,
    });
  }
  return left;
}
