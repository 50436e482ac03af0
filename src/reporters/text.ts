import type { Finding } from '../review/finding.ts';
import { migrationScopeNote } from '../review/migration-scope.ts';
import type { ReviewResult } from '../review/review-result.ts';
import { SEVERITIES } from '../rules/rule.ts';
import { CONCLUSION_LABEL, figure, verdictSentence } from './verdict.ts';

export interface TextOptions {
  /** ANSI colours; the CLI turns them on only for a TTY without NO_COLOR. */
  color?: boolean;
}

const CODES = { red: 31, yellow: 33, blue: 34, green: 32, dim: 2, bold: 1 } as const;

/** The terminal report: verdict, findings grouped by severity, capacity, what could not be read. */
export function renderText(result: ReviewResult, options: TextOptions = {}): string {
  const paint = (code: keyof typeof CODES, text: string) =>
    options.color ? `\u001b[${CODES[code]}m${text}\u001b[0m` : text;
  const lines: string[] = [];
  const tone =
    result.gate.conclusion === 'failure' ? 'red' : result.gate.conclusion === 'neutral' ? 'yellow' : 'green';
  lines.push(paint('bold', `Headroom ${result.tool.version} — ${result.target} (tier: ${result.tier})`));
  lines.push(paint(tone, `${CONCLUSION_LABEL[result.gate.conclusion]}: ${verdictSentence(result)}`));

  for (const severity of SEVERITIES) {
    const group = result.findings.filter((f) => f.severity === severity && !f.acknowledgement);
    if (group.length === 0) continue;
    const color = severity === 'error' ? 'red' : severity === 'warning' ? 'yellow' : 'blue';
    lines.push('', paint(color, `${severity.toUpperCase()} (${group.length})`));
    for (const finding of group) lines.push(...findingLines(finding, paint));
  }
  const acknowledged = result.findings.filter((f) => f.acknowledgement);
  if (acknowledged.length > 0) {
    lines.push('', paint('dim', `ACKNOWLEDGED (${acknowledged.length})`));
    for (const f of acknowledged)
      lines.push(
        `  ${f.location.path}:${f.location.line}  ${f.ruleId}  ${f.entity} (by ${f.acknowledgement?.by})`,
      );
  }
  if (result.suppressed.length > 0) {
    lines.push('', paint('dim', `SUPPRESSED (${result.suppressed.length})`));
    for (const f of result.suppressed)
      lines.push(
        `  ${f.location.path}:${f.location.line}  ${f.ruleId}  ${f.entity} — ${f.suppression?.reason}`,
      );
  }
  const scopeNote = migrationScopeNote(result.migrations);
  if (scopeNote) lines.push('', paint('dim', scopeNote));
  const { services, databases } = result.capacity;
  if (services.length + databases.length > 0) {
    lines.push('', paint('bold', 'CAPACITY'));
    for (const s of services) {
      const instances =
        s.instances.min === s.instances.max ? `${s.instances.max}` : `${s.instances.min}-${s.instances.max}`;
      lines.push(
        `  ${s.service} (${s.platform}, ${s.plan ?? 'no plan'}): ${instances} instance(s) × ${figure(s.processes)} process(es)${s.threadsPerProcess ? ` × ${figure(s.threadsPerProcess)} thread(s)` : ''}${s.jobProcesses ? ` + ${figure(s.jobProcesses)} Solid Queue process(es)` : ''}; RAM ${figure(s.memoryMb, ' MB')}, CPU ${figure(s.cpus)}, per process ${figure(s.memoryPerProcessMb, ' MB')}`,
        ...capacityNotes(s.notes, paint),
      );
    }
    for (const d of databases) {
      const use = d.percent === undefined ? '' : ` (${Math.round(d.percent)}%)`;
      const terms = d.contributors.map(
        (c) =>
          `${c.instances} instance(s) × ${figure(c.processes)} process(es) × pool ${figure(c.poolSize)} (${c.service})`,
      );
      lines.push(
        `  ${d.datastore} (${d.plan ?? 'no plan'}): ${d.demand} connections wanted of ${figure(d.limit)}${use}${terms.length ? ` = ${terms.join(' + ')}` : ''}`,
        ...capacityNotes(d.notes, paint),
      );
    }
  }
  if (result.diagnostics.length > 0) {
    lines.push('', paint('yellow', `COULD NOT READ (${result.diagnostics.length})`));
    for (const d of result.diagnostics) lines.push(`  ${d.location.path}:${d.location.line}  ${d.message}`);
  }
  if (result.skipped.length > 0) {
    lines.push('', paint('dim', `SKIPPED (${result.skipped.length})`));
    for (const s of result.skipped.slice(0, 20)) lines.push(paint('dim', `  ${s.path}: ${s.reason}`));
    if (result.skipped.length > 20) lines.push(paint('dim', `  … and ${result.skipped.length - 20} more`));
  }
  return `${lines.join('\n')}\n`;
}

type Paint = (code: keyof typeof CODES, text: string) => string;

function capacityNotes(notes: readonly string[] | undefined, paint: Paint): string[] {
  return (notes ?? []).map((note) => paint('dim', `    ${note}`));
}

function findingLines(finding: Finding, paint: Paint): string[] {
  const status = finding.status === 'existing' ? paint('dim', ' (already on base)') : '';
  const lines = [
    `  ${paint('bold', `${finding.location.path}:${finding.location.line}`)}  ${finding.ruleId}  ${finding.entity}${status}`,
    `    ${finding.message}`,
  ];
  if (finding.fix) lines.push(`    Fix: ${finding.fix.text}`);
  if (finding.fix?.replacement) lines.push(...finding.fix.replacement.split('\n').map((l) => `      ${l}`));
  lines.push(paint('dim', `    ${finding.docsUrl}`));
  return lines;
}
