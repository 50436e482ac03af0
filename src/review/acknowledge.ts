import { computeGate } from './gate.ts';
import type { ReviewResult } from './review-result.ts';

/** Who acknowledged a finding (a GitHub login), and when (ISO 8601) when it is known. */
export interface Acknowledgement {
  by: string;
  at?: string;
}

/**
 * Applies ticked boxes: each acknowledged fingerprint stops blocking, except for rules the
 * config forbids acknowledging. Unticked boxes are simply absent from `acks`.
 */
export function applyAcknowledgements(
  result: ReviewResult,
  acks: ReadonlyMap<string, Acknowledgement>,
): ReviewResult {
  const forbidden = new Set(result.forbidAcknowledge);
  const findings = result.findings.map((finding) => {
    const { acknowledgement: _previous, ...rest } = finding;
    const ack = forbidden.has(finding.ruleId) ? undefined : acks.get(finding.fingerprint);
    return ack ? { ...rest, acknowledgement: { ...ack } } : rest;
  });
  return {
    ...result,
    findings,
    gate: computeGate(findings, result.diagnostics, { ...result.gate, compared: result.compared }),
  };
}
