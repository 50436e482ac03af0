import type { CapacitySummary } from '../capacity/capacity.ts';
import type { Finding } from '../review/finding.ts';
import { migrationScopeNote } from '../review/migration-scope.ts';
import type { ReviewResult } from '../review/review-result.ts';
import { SEVERITIES } from '../rules/rule.ts';
import { acknowledgementRecord, COMMENT_MARKER, findingMarker } from './markdown-markers.ts';
import { CONCLUSION_LABEL, figure, partitionFindings, verdictSentence } from './verdict.ts';

export interface MarkdownOptions {
  /** `comment`: the pull-request comment; `check`: a check-run summary; `summary`: an Actions job summary. */
  context: 'comment' | 'check' | 'summary';
  /** Boxes are acknowledgements (the App, or the Action listening to comment edits). */
  interactive?: boolean;
  /** GitHub's limit for a comment body is 65,536 characters; a check summary 65,535. */
  maxLength?: number;
}

const ICON = { success: '✅', neutral: '⚠️', failure: '❌' } as const;
const SEVERITY_ICON = { error: '🔴', warning: '🟠', note: '🔵' } as const;

/**
 * The checklist shared by the App's comment and check run and the Action's summary.
 * Over `maxLength` it collapses step by step (fixes of existing findings, then existing
 * findings to counts, then fixes, then the tail of the list) and never drops the verdict.
 */
export function renderMarkdown(result: ReviewResult, options: MarkdownOptions): string {
  const maxLength = options.maxLength ?? 65_536;
  let text = '';
  for (let level = 0; level <= MAX_LEVEL; level++) {
    text = render(result, options, level);
    if (text.length <= maxLength) return text;
  }
  return cutToFit(text, maxLength);
}

const CUT_NOTE = "\n… (cut to fit GitHub's limit; run `headroom` locally for the full review)\n";
const CLOSE_DETAILS = '\n</details>';

/** The last resort: whole lines from the top (the verdict first), with open `<details>` closed. */
function cutToFit(text: string, maxLength: number): string {
  const kept: string[] = [];
  let length = 0;
  let open = 0;
  for (const line of text.split('\n')) {
    const opens = open + (line.startsWith('<details>') ? 1 : 0) - (line === '</details>' ? 1 : 0);
    if (length + line.length + 1 + CUT_NOTE.length + opens * CLOSE_DETAILS.length > maxLength) break;
    kept.push(line);
    length += line.length + 1;
    open = opens;
  }
  return `${kept.join('\n')}${CLOSE_DETAILS.repeat(open)}${CUT_NOTE}`;
}

const MAX_LEVEL = 5;

function render(result: ReviewResult, options: MarkdownOptions, level: number): string {
  const lines: string[] = [];
  if (options.context === 'comment') lines.push(COMMENT_MARKER);
  lines.push(
    `## ${ICON[result.gate.conclusion]} Headroom: ${CONCLUSION_LABEL[result.gate.conclusion]}`,
    '',
    `**${verdictSentence(result)}** Target tier: **${result.tier}**.${severityCounts(result)}`,
  );
  if (options.context === 'comment') {
    // With the verdict at the top, so no collapse level and no cut ever drops an acknowledgement.
    const record = acknowledgementRecord(
      result.findings.flatMap((f) =>
        f.acknowledgement ? [[f.fingerprint, f.acknowledgement] as const] : [],
      ),
    );
    if (record) lines.push(record);
  }
  lines.push(...capacityTable(result.capacity));

  const { current, existing, acknowledged } = partitionFindings(result);
  const withFix = level < 3;
  if (current.length > 0) {
    const limit = level >= 5 ? 50 : level >= 4 ? 200 : Number.POSITIVE_INFINITY;
    lines.push(
      '',
      result.compared ? `### New findings (${current.length})` : `### Findings (${current.length})`,
      '',
    );
    lines.push(...current.slice(0, limit).flatMap((f) => findingLines(f, withFix)));
    if (current.length > limit)
      lines.push(`- … and ${current.length - limit} more; run \`headroom\` locally for the full list.`);
  }
  if (existing.length > 0) {
    lines.push(
      '',
      `<details><summary>Findings already on the base branch (${existing.length})</summary>`,
      '',
    );
    lines.push(
      ...(level >= 2 ? countsByRule(existing) : existing.flatMap((f) => findingLines(f, level < 1))),
    );
    lines.push('', '</details>');
  }
  if (acknowledged.length > 0) {
    lines.push('', `### Acknowledged (${acknowledged.length})`, '');
    lines.push(
      ...(level >= 2
        ? countsByRule(acknowledged, (f) => f.acknowledgement?.by)
        : acknowledged.flatMap((f) => findingLines(f, false))),
    );
  }
  if (result.suppressed.length > 0) {
    lines.push('', `<details><summary>Suppressed in the code (${result.suppressed.length})</summary>`, '');
    lines.push(
      ...(level >= 2
        ? countsByRule(result.suppressed)
        : result.suppressed.map(
            (f) =>
              `- **${f.ruleId}** \`${f.entity}\` — ${f.suppression?.reason ?? ''} (${f.suppression?.location.path}:${f.suppression?.location.line})`,
          )),
    );
    lines.push('', '</details>');
  }
  const scopeNote = migrationScopeNote(result.migrations);
  if (scopeNote) lines.push('', `<sub>${scopeNote}</sub>`);
  if (result.diagnostics.length > 0) {
    const shown = level >= 4 ? result.diagnostics.slice(0, 20) : result.diagnostics;
    lines.push('', `### Could not read everything (${result.diagnostics.length})`, '');
    lines.push(
      ...shown.map(
        (d) =>
          `- ${d.severity === 'error' ? '❗' : '⚠️'} \`${d.location.path}:${d.location.line}\` ${d.message}`,
      ),
    );
    if (shown.length < result.diagnostics.length)
      lines.push(`- … and ${result.diagnostics.length - shown.length} more.`);
  }
  if (result.skipped.length > 0) {
    lines.push('', `<details><summary>Skipped (${result.skipped.length})</summary>`, '');
    lines.push(...result.skipped.slice(0, level >= 2 ? 10 : 100).map((s) => `- \`${s.path}\`: ${s.reason}`));
    lines.push('', '</details>');
  }
  lines.push('', footer(result, options));
  return `${lines.join('\n')}\n`;
}

function findingLines(finding: Finding, withFix: boolean): string[] {
  const box = finding.acknowledgement ? '[x]' : '[ ]';
  const where = `${finding.location.path}:${finding.location.line}`;
  const head = `- ${box} ${SEVERITY_ICON[finding.severity]} **[${finding.ruleId}](${finding.docsUrl})** \`${finding.entity}\` ${finding.message} (${where}) ${findingMarker(finding.fingerprint, finding.acknowledgement)}`;
  const lines = [head];
  if (finding.acknowledgement)
    lines.push(
      `  Acknowledged by @${finding.acknowledgement.by}${finding.acknowledgement.at ? ` on ${finding.acknowledgement.at.slice(0, 10)}` : ''}.`,
    );
  else if (withFix && finding.fix) {
    lines.push(`  Fix: ${finding.fix.text}`);
    if (finding.fix.replacement)
      lines.push('', '  ```', ...finding.fix.replacement.split('\n').map((l) => `  ${l}`), '  ```');
  }
  return lines;
}

/** ` 🔴 2 error · 🟠 1 warning`: the counts double as the legend of the icons. */
function severityCounts(result: ReviewResult): string {
  const parts = SEVERITIES.filter((s) => result.gate.counts[s] > 0).map(
    (s) => `${SEVERITY_ICON[s]} ${result.gate.counts[s]} ${s}`,
  );
  return parts.length ? ` ${parts.join(' · ')}` : '';
}

/** `- **rule**: 3`, or `- **rule**: 3 (@ana, @bo)` with the people `who` names. */
function countsByRule(
  findings: readonly Finding[],
  who?: (finding: Finding) => string | undefined,
): string[] {
  const byRule = new Map<string, { count: number; people: Set<string> }>();
  for (const finding of findings) {
    const entry = byRule.get(finding.ruleId) ?? { count: 0, people: new Set<string>() };
    entry.count++;
    const person = who?.(finding);
    if (person) entry.people.add(`@${person}`);
    byRule.set(finding.ruleId, entry);
  }
  return [...byRule].map(
    ([rule, { count, people }]) =>
      `- **${rule}**: ${count}${people.size ? ` (${[...people].join(', ')})` : ''}`,
  );
}

function capacityTable(capacity: CapacitySummary): string[] {
  const lines: string[] = [];
  if (capacity.services.length > 0) {
    lines.push(
      '',
      '### Capacity',
      '',
      '| Service | Plan | Instances | Processes | RAM | CPU | Memory per process |',
      '| --- | --- | --- | --- | --- | --- | --- |',
    );
    for (const s of capacity.services) {
      const instances =
        s.instances.min === s.instances.max ? `${s.instances.max}` : `${s.instances.min}–${s.instances.max}`;
      lines.push(
        `| ${s.service} (${s.platform}) | ${s.plan ?? '—'} | ${instances} | ${figure(s.processes)}${s.jobProcesses ? ` + ${figure(s.jobProcesses)} Solid Queue` : ''} | ${figure(s.memoryMb, ' MB')} | ${figure(s.cpus)} | ${figure(s.memoryPerProcessMb, ' MB')} |`,
      );
    }
  }
  if (capacity.databases.length > 0) {
    lines.push(
      '',
      '| Database | Plan | Connection demand | Limit | Use |',
      '| --- | --- | --- | --- | --- |',
    );
    for (const d of capacity.databases) {
      const use = d.percent === undefined ? '—' : `${Math.round(d.percent)}%${d.percent > 100 ? ' ❗' : ''}`;
      lines.push(`| ${d.datastore} | ${d.plan ?? '—'} | ${demandText(d)} | ${figure(d.limit)} | ${use} |`);
    }
  }
  const assumed = [
    ...capacity.services.flatMap((s) => [
      s.processes,
      s.jobProcesses,
      s.memoryPerProcessMb,
      s.memoryMb,
      s.cpus,
    ]),
    ...capacity.databases.map((d) => d.limit),
  ]
    .filter((f) => f && f.source !== 'read')
    .map((f) => f?.note)
    .filter((note): note is string => Boolean(note));
  if (assumed.length > 0)
    lines.push('', `<sub>Not read from your files: ${[...new Set(assumed)].join('; ')}.</sub>`);
  const notes = [
    ...capacity.services.map((s) => [s.service, s.notes] as const),
    ...capacity.databases.map((d) => [d.datastore, d.notes] as const),
  ].flatMap(([name, entries]) => (entries ?? []).map((note) => `- **${name}**: ${note}`));
  if (notes.length > 0) lines.push('', ...notes);
  return lines;
}

/** `60 = 1 × 4 × 15 (photos-api)`: the sum spelled out, one term per service. */
function demandText(database: CapacitySummary['databases'][number]): string {
  const terms = database.contributors.map(
    (c) => `${c.instances} × ${c.processes.value} × ${c.poolSize.value} (${c.service})`,
  );
  return terms.length ? `${database.demand} = ${terms.join(' + ')}` : `${database.demand}`;
}

function footer(result: ReviewResult, options: MarkdownOptions): string {
  const boxes =
    options.context === 'check'
      ? ''
      : options.interactive
        ? ' Tick a box to acknowledge a finding: it stops blocking the merge and your name is recorded.'
        : ' The boxes are informational here.';
  return `<sub>Headroom ${result.tool.version} reviewed \`${result.target}\`.${boxes} Silence one in code with \`headroom-ignore <rule-id> -- <reason>\`.</sub>`;
}
