import type { Location } from '../model/location.ts';
import type { DatabaseObject, FixSuggestion, RuleCategory, Severity } from '../rules/rule.ts';

/** A rule finding after the review applied config, suppressions and the base comparison. */
export interface Finding {
  ruleId: string;
  title: string;
  category: RuleCategory;
  severity: Severity;
  message: string;
  location: Location;
  entity: string;
  /** `<ruleId>:<entity>` hashed; never a line number, so it survives edits. */
  fingerprint: string;
  fix?: FixSuggestion;
  /** The table, columns or index as the database names them (database findings only). */
  database?: DatabaseObject;
  docsUrl: string;
  /** Set when a base commit was compared: introduced by this change, or already there. */
  status?: 'new' | 'existing';
  /** A ticked checkbox in the pull-request comment. */
  acknowledgement?: { by: string; at?: string };
  /** An inline `headroom-ignore` that silenced it. */
  suppression?: { reason: string; location: Location };
}
