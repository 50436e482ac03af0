import type { ReviewResult } from '../review/review-result.ts';

/** The review as versioned JSON (docs/json-output.md); `schemaVersion` changes on breaking edits. */
export function renderJson(result: ReviewResult): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}
