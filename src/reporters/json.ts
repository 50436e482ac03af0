import type { ReviewResult } from '../review/review-result.ts';
import { maskedJson } from './masked-json.ts';

/** The review as versioned JSON (docs/json-output.md); `schemaVersion` changes on breaking edits. */
export function renderJson(result: ReviewResult): string {
  return maskedJson(result);
}
