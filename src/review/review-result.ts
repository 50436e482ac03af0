import type { CapacitySummary } from '../capacity/capacity.ts';
import type { SkipNote } from '../files/file-set.ts';
import type { Diagnostic } from '../model/location.ts';
import type { RuleMeta, Severity, Tier } from '../rules/rule.ts';
import type { Finding } from './finding.ts';
import type { MigrationScope } from './migration-scope.ts';

export type Conclusion = 'success' | 'neutral' | 'failure';

export interface Gate {
  conclusion: Conclusion;
  /** Lowest severity that fails the gate; `never` makes the gate advisory. */
  failOn: Severity | 'never';
  /** `new`: only findings this change introduces can fail (needs a base); `all`: any finding. */
  gateOn: 'new' | 'all';
  /** Active (unsuppressed, unacknowledged) findings that fail the gate. */
  blocking: number;
  counts: Record<Severity, number>;
}

/** Everything one review produced; every reporter renders from this alone. */
export interface ReviewResult {
  /** Bumped when the JSON shape changes incompatibly. */
  schemaVersion: 1;
  tool: { name: 'headroom'; version: string };
  /** What was reviewed: a directory, `owner/repo@sha`. */
  target: string;
  tier: Tier;
  /** Active findings, then acknowledged ones; suppressed ones are apart. */
  findings: Finding[];
  suppressed: Finding[];
  diagnostics: Diagnostic[];
  skipped: SkipNote[];
  capacity: CapacitySummary;
  gate: Gate;
  /** Metadata of every rule that ran, for SARIF and docs links. */
  rules: RuleMeta[];
  /** True once a base review was compared, so `Finding.status` is set. */
  compared: boolean;
  /** Which migrations migration-safety rules judged; absent when the project has none. */
  migrations?: MigrationScope;
  /** Rules whose findings a ticked box may not acknowledge (config `acknowledgements.forbid`). */
  forbidAcknowledge: string[];
  /** The config file that was applied, if any. */
  configPath?: string;
}
