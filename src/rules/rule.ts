import type * as z from 'zod/mini';
import type { CapacityConfig } from '../capacity/capacity.ts';
import type { Location } from '../model/location.ts';
import type { ProjectModel } from '../model/project-model.ts';

export const TIERS = ['launch', 'growth', 'scale', 'enterprise'] as const;
export type Tier = (typeof TIERS)[number];

export const SEVERITIES = ['error', 'warning', 'note'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** A rule's severity at each target tier; `off` means the rule does not apply at that tier. */
export type TierSeverity = Record<Tier, Severity | 'off'>;

export type RuleCategory = 'index' | 'pooling' | 'cache' | 'plan' | 'ops' | 'env';

export interface RuleMeta {
  /** `<category>/<name>`, the file path under `rules/` without extension. */
  id: string;
  title: string;
  category: RuleCategory;
  severity: TierSeverity;
  /** One line: what the rule finds. */
  summary: string;
  /** What happens to you under load if you leave it. */
  ramification: string;
  /** How to resolve it, in general terms; findings carry the exact fix. */
  fix: string;
  /**
   * `written-migrations`: the rule judges what a migration's statements do while they run, so it
   * sees only the migrations a change adds or edits; one already on the base branch has run.
   */
  scope?: 'written-migrations';
  /** Example inputs for docs and tests: a file that fires, and one that does not. */
  examples: { bad: RuleExample; good: RuleExample };
}

export interface RuleExample {
  path: string;
  text: string;
  /** Other files the example needs (a package.json beside a render.yaml), shown under the main one. */
  alongside?: Record<string, string>;
}

/** What a rule reports; the review adds severity, fingerprint and docs link. */
export interface RuleFinding {
  /** What the finding is about, stable across edits: `Post.authorId`, `service:api`, `env:DATABASE_URL`. */
  entity: string;
  /** One sentence: what and why. */
  message: string;
  location: Location;
  fix?: FixSuggestion;
  /** The database objects it is about, by the names the database gives them. */
  database?: DatabaseObject;
  /** Overrides the tier severity for this finding only (e.g. a sharper case of the same rule). */
  severity?: Severity;
}

/**
 * A table (and its columns or index) as the database knows it: a Prisma model's `@@map`/`@map`
 * names, not the model and field names the finding's entity and message use.
 */
export interface DatabaseObject {
  table: string;
  /** The SQL schema, when not the default one. */
  schema?: string;
  columns?: string[];
  /** The index or constraint, by its database name when it has one. */
  index?: string;
}

export interface FixSuggestion {
  text: string;
  /** An exact snippet to add or replace, when one exists (`@@index([authorId])`, a SQL statement). */
  replacement?: string;
}

export interface RuleContext<Options> {
  tier: Tier;
  options: Options;
  /** The config's `capacity:` section, so capacity rules give the same numbers as the summary. */
  capacity?: CapacityConfig;
}

export interface Rule<Schema extends z.ZodMiniType = z.ZodMiniType> {
  meta: RuleMeta;
  /** zod schema for the rule's options in `.github/headroom.yml`; defaults come from it. */
  options?: Schema;
  check(model: ProjectModel, context: RuleContext<z.infer<Schema>>): RuleFinding[];
}

/** Identity function that keeps the option type flowing from schema to `check`. */
export function defineRule<Schema extends z.ZodMiniType>(rule: Rule<Schema>): Rule<Schema> {
  return rule;
}
