import { DOCS_BASE } from '../meta.ts';
import type { ProjectModel } from '../model/project-model.ts';
import type { Finding } from '../review/finding.ts';
import { fingerprint } from '../review/fingerprint.ts';
import type { Rule, Severity, Tier } from './rule.ts';
import '../zod-messages.ts';

/** What the config says about one rule. */
export interface RuleSetting {
  severity?: Severity | 'off';
  options?: unknown;
}

export interface RuleRunSettings {
  tier: Tier;
  rules: Record<string, RuleSetting>;
}

/** Id of the finding reported when a rule throws, so a crash is visible and never silent. */
export const RULE_CRASH_ID = 'internal/rule-crashed';

export function docsUrl(ruleId: string): string {
  return `${DOCS_BASE}${ruleId}.md`;
}

/**
 * Runs every enabled rule on the model. A rule that throws, or whose options do not
 * validate, becomes one finding about that rule; the other rules still run.
 */
export function runRules(
  model: ProjectModel,
  rules: readonly Rule[],
  settings: RuleRunSettings,
  /** The model with only the migrations to judge, for rules scoped to written migrations. */
  writtenMigrations: ProjectModel = model,
): Finding[] {
  const findings: Finding[] = [];
  for (const rule of rules) {
    const setting = settings.rules[rule.meta.id] ?? {};
    const severity = setting.severity ?? rule.meta.severity[settings.tier];
    if (severity === 'off') continue;
    try {
      const options = rule.options ? rule.options.parse(setting.options ?? {}) : undefined;
      const seen = rule.meta.scope === 'written-migrations' ? writtenMigrations : model;
      for (const raw of rule.check(seen, { tier: settings.tier, options })) {
        findings.push({
          ruleId: rule.meta.id,
          title: rule.meta.title,
          category: rule.meta.category,
          severity:
            setting.severity && setting.severity !== 'off' ? setting.severity : (raw.severity ?? severity),
          message: raw.message,
          location: raw.location,
          entity: raw.entity,
          fingerprint: fingerprint(rule.meta.id, raw.entity),
          fix: raw.fix,
          ...(raw.database ? { database: raw.database } : {}),
          docsUrl: docsUrl(rule.meta.id),
        });
      }
    } catch (error) {
      findings.push(crashFinding(rule, error));
    }
  }
  return findings;
}

function crashFinding(rule: Rule, error: unknown): Finding {
  const reason = error instanceof Error ? error.message : String(error);
  const entity = `rule:${rule.meta.id}`;
  return {
    ruleId: RULE_CRASH_ID,
    title: 'A rule failed to run',
    category: rule.meta.category,
    severity: 'warning',
    message: `Rule ${rule.meta.id} failed (${reason}); its findings are missing from this review.`,
    location: { path: '.github/headroom.yml', line: 1 },
    entity,
    fingerprint: fingerprint(RULE_CRASH_ID, entity),
    docsUrl: docsUrl(rule.meta.id),
  };
}
