import type { Location } from '../../model/location.ts';
import type { ReviewResult } from '../../review/review-result.ts';

/** Paths relative to the repository root, as annotations and SARIF need, when a subfolder was reviewed. */
export function prefixPaths(result: ReviewResult, directory: string): ReviewResult {
  if (!directory) return result;
  const at = <T extends { location: Location }>(item: T): T => ({
    ...item,
    location: { ...item.location, path: `${directory}/${item.location.path}` },
  });
  return {
    ...result,
    findings: result.findings.map(at),
    suppressed: result.suppressed.map(at),
    diagnostics: result.diagnostics.map(at),
  };
}
