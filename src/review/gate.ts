import type { Diagnostic } from '../model/location.ts';
import { SEVERITIES, type Severity } from '../rules/rule.ts';
import type { Finding } from './finding.ts';
import type { Gate } from './review-result.ts';

const RANK: Record<Severity, number> = { error: 3, warning: 2, note: 1 };

export function atLeast(severity: Severity, threshold: Severity): boolean {
  return RANK[severity] >= RANK[threshold];
}

/**
 * `failure` when an active finding reaches `failOn` (only new ones when a base was compared
 * and `gateOn` is `new`); `neutral` when findings remain but none blocks, or when the config
 * itself is broken (so a bad config is never a silent pass); `success` otherwise.
 * Acknowledged findings count as resolved.
 */
export function computeGate(
  findings: readonly Finding[],
  diagnostics: readonly Diagnostic[],
  policy: { failOn: Severity | 'never'; gateOn: 'new' | 'all'; compared: boolean },
): Gate {
  const active = findings.filter((finding) => !finding.acknowledgement);
  const counts = Object.fromEntries(
    SEVERITIES.map((s) => [s, active.filter((f) => f.severity === s).length]),
  ) as Record<Severity, number>;
  const { failOn, gateOn, compared } = policy;
  const blocking =
    failOn === 'never'
      ? 0
      : active.filter(
          (f) => atLeast(f.severity, failOn) && !(compared && gateOn === 'new' && f.status !== 'new'),
        ).length;
  const configBroken = diagnostics.some((d) => d.origin === 'config' && d.severity === 'error');
  const conclusion = blocking > 0 ? 'failure' : active.length > 0 || configBroken ? 'neutral' : 'success';
  return { conclusion, failOn, gateOn, blocking, counts };
}
