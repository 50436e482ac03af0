import type { Figure } from '../capacity/capacity.ts';
import type { Finding } from '../review/finding.ts';
import type { ReviewResult } from '../review/review-result.ts';

/** One sentence with the numbers, shared by every reporter and the check-run title. */
export function verdictSentence(result: ReviewResult): string {
  const active = result.findings.filter((f) => !f.acknowledgement);
  if (active.length === 0) {
    return result.findings.length > 0
      ? `All clear: every finding is acknowledged (${result.findings.length}).`
      : 'All clear: no scaling findings.';
  }
  const { blocking, failOn, gateOn } = result.gate;
  const fresh = result.compared ? active.filter((f) => f.status === 'new').length : undefined;
  const counted = `${active.length} finding${active.length === 1 ? '' : 's'}${fresh !== undefined ? ` (${fresh} new)` : ''}`;
  if (blocking > 0) {
    const scope = result.compared && gateOn === 'new' ? 'new ' : '';
    return `${counted}; ${blocking} ${scope}at or above ${failOn} block${blocking === 1 ? 's' : ''} the merge.`;
  }
  return `${counted}; none blocks the merge${failOn === 'never' ? ' (failOn: never)' : ''}.`;
}

export const CONCLUSION_LABEL = {
  success: 'Passed',
  neutral: 'Passed with findings',
  failure: 'Failed',
} as const;

/** Findings grouped the way every report shows them. */
export function partitionFindings(result: ReviewResult): {
  current: Finding[];
  existing: Finding[];
  acknowledged: Finding[];
} {
  const open = result.findings.filter((f) => !f.acknowledgement);
  return {
    current: result.compared ? open.filter((f) => f.status === 'new') : open,
    existing: result.compared ? open.filter((f) => f.status !== 'new') : [],
    acknowledged: result.findings.filter((f) => f.acknowledgement),
  };
}

/** `4 (read)`, `150 MB (assumed)`: a number with the word that says where it came from. */
export function figure(value: Figure | undefined, unit = ''): string {
  if (!value) return '—';
  const number = Number.isInteger(value.value) ? String(value.value) : value.value.toFixed(1);
  return `${number}${unit}${value.source === 'read' ? '' : ` (${value.source})`}`;
}
