import { allRules } from '../../rules/index.ts';
import { computeCapacity } from '../capacity/compute.ts';
import type { FileSet } from '../files/file-set.ts';
import { TOOL_NAME, TOOL_VERSION } from '../meta.ts';
import type { Diagnostic } from '../model/location.ts';
import { maskCredentials } from '../model/mask-credentials.ts';
import { type CollectedFiles, collectFiles, parseProject } from '../model/read-project.ts';
import { byCodeUnits } from '../model/text-order.ts';
import type { Rule, Severity, Tier } from '../rules/rule.ts';
import { runRules } from '../rules/run-rules.ts';
import { DEFAULT_CONFIG_PATH, defaultConfig, type HeadroomConfig, parseConfig } from './config.ts';
import type { Finding } from './finding.ts';
import { computeGate } from './gate.ts';
import { scopeMigrations } from './migration-scope.ts';
import { type PhaseClock, timeWith } from './phase-clock.ts';
import type { ReviewResult } from './review-result.ts';
import { applySuppressions } from './suppressions.ts';

export interface ReviewOptions {
  rules?: readonly Rule[];
  /** Where the config lives in the file set; default `.github/headroom.yml`. */
  configPath?: string;
  /** The config's text when the caller already has it (the App reads it once for base and head). */
  configText?: string;
  /** Command-line or Action inputs; they win over the config file. */
  overrides?: { tier?: Tier; failOn?: Severity | 'never'; gateOn?: 'new' | 'all' };
  maxFiles?: number;
  /** Records the time of each phase when given (`--timings`, the benchmark). */
  clock?: PhaseClock;
  /**
   * The base the change is compared with: migrations it already has, unchanged, have run and are
   * not judged by migration-safety rules. Without it, the newest migration of each folder is.
   */
  migrationBase?: FileSet;
}

/** files ─▶ sources ─▶ model ─▶ rules ─▶ review: one complete review of one file set. */
export async function review(files: FileSet, options: ReviewOptions = {}): Promise<ReviewResult> {
  const rules = options.rules ?? allRules;
  const ruleIds = rules.map((rule) => rule.meta.id);
  const path = options.configPath ?? DEFAULT_CONFIG_PATH;
  // The config is read in the same batch as the project's files: one query for a GitHub commit.
  const clock = options.clock;
  const collected = await collectFiles(files, {
    ...(options.configText === undefined ? { alsoRead: [path] } : {}),
    ...(options.maxFiles ? { maxFiles: options.maxFiles } : {}),
    ...(clock ? { clock } : {}),
  });
  const { config, diagnostics: configDiagnostics, configPath } = loadConfig(collected, path, options, rules);
  const reading = await parseProject(collected, { ignore: config.ignore, ...(clock ? { clock } : {}) });
  const time = timeWith(clock);
  const { model } = reading;
  const scope = await scopeMigrations(model.migrations, reading.texts, options.migrationBase);
  const judged = new Set(scope.judgedFiles);
  const writtenMigrations = {
    ...model,
    migrations: model.migrations.filter((file) => judged.has(file.path)),
  };
  const findings = time('rules', () =>
    runRules(model, rules, { tier: config.tier, rules: config.rules }, writtenMigrations),
  );
  const {
    active,
    suppressed,
    diagnostics: suppressionDiagnostics,
  } = time('suppressions', () => applySuppressions(findings, reading.texts, ruleIds));
  const diagnostics = [...configDiagnostics, ...reading.model.diagnostics, ...suppressionDiagnostics];
  const sorted = active.sort(byImportance);
  // What the rules wrote (a message may quote a value they opened) is masked as it enters the result.
  const reported = maskCredentials({
    findings: sorted,
    suppressed,
    diagnostics,
    capacity: time('capacity', () => computeCapacity(reading.model, config.capacity)),
  });

  return {
    schemaVersion: 1,
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    target: files.label,
    tier: config.tier,
    ...reported,
    skipped: reading.skipped,
    gate: computeGate(sorted, diagnostics, { failOn: config.failOn, gateOn: config.gateOn, compared: false }),
    rules: rules.map((rule) => rule.meta),
    compared: false,
    ...(model.migrations.length > 0 ? { migrations: scope } : {}),
    forbidAcknowledge: config.forbidAcknowledge,
    ...(configPath ? { configPath } : {}),
  };
}

function loadConfig(
  collected: CollectedFiles,
  path: string,
  options: ReviewOptions,
  rules: readonly Rule[],
): { config: HeadroomConfig; diagnostics: Diagnostic[]; configPath?: string } {
  const text = options.configText ?? collected.texts.get(path);
  const diagnostics = collected.unreadable
    .filter((d) => d.location.path === path)
    .map((d) => ({ ...d, origin: 'config', severity: 'error' as const }));
  const parsed =
    text === undefined
      ? { config: defaultConfig(), diagnostics: [] }
      : parseConfig(
          text,
          path,
          rules.map((rule) => rule.meta.id),
          new Map(rules.flatMap((rule) => (rule.options ? [[rule.meta.id, rule.options]] : []))),
        );
  const config = { ...parsed.config, ...definedOnly(options.overrides ?? {}) };
  return {
    config,
    diagnostics: [...diagnostics, ...parsed.diagnostics],
    ...(text !== undefined ? { configPath: path } : {}),
  };
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, note: 2 };

function byImportance(a: Finding, b: Finding): number {
  return (
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    byCodeUnits(a.location.path, b.location.path) ||
    a.location.line - b.location.line ||
    byCodeUnits(a.ruleId, b.ruleId)
  );
}
