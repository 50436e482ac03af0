import { computeGate } from './gate.ts';
import type { ReviewResult } from './review-result.ts';

/** Marks each head finding new or existing by fingerprint (never by line) and re-gates. */
export function compareWithBase(head: ReviewResult, base: ReviewResult): ReviewResult {
  const before = new Set([...base.findings, ...base.suppressed].map((finding) => finding.fingerprint));
  const mark = <T extends { fingerprint: string }>(finding: T) => ({
    ...finding,
    status: before.has(finding.fingerprint) ? ('existing' as const) : ('new' as const),
  });
  const findings = head.findings.map(mark);
  return {
    ...head,
    findings,
    suppressed: head.suppressed.map(mark),
    compared: true,
    gate: computeGate(findings, head.diagnostics, { ...head.gate, compared: true }),
  };
}
