import * as core from '@actions/core';
import type { Annotation } from '../../reporters/annotations.ts';

/**
 * GitHub shows at most 10 error, 10 warning and 10 notice annotations per step (and 50 per job):
 * actions/toolkit docs/problem-matchers.md, "Limitations". The most severe come first in `annotations`.
 */
export const ANNOTATIONS_PER_LEVEL = 10;

const EMIT = { failure: core.error, warning: core.warning, notice: core.notice } as const;

/** Emits what fits the limits and returns how many were left out. */
export function emitAnnotations(annotations: readonly Annotation[]): number {
  const emitted = { failure: 0, warning: 0, notice: 0 };
  let left = 0;
  for (const annotation of annotations) {
    const level = annotation.annotation_level;
    if (emitted[level] >= ANNOTATIONS_PER_LEVEL) {
      left++;
      continue;
    }
    emitted[level]++;
    EMIT[level](annotation.message, {
      title: annotation.title,
      file: annotation.path,
      startLine: annotation.start_line,
      endLine: annotation.end_line,
    });
  }
  if (left > 0)
    core.info(
      `${left} more finding(s) were not annotated (GitHub shows ${ANNOTATIONS_PER_LEVEL} per level and step); the job summary lists them all.`,
    );
  return left;
}
