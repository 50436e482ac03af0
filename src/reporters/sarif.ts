import { TOOL_URI } from '../meta.ts';
import type { Finding } from '../review/finding.ts';
import type { ReviewResult } from '../review/review-result.ts';
import type { RuleMeta, Severity } from '../rules/rule.ts';
import { docsUrl } from '../rules/run-rules.ts';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  note: 'note',
};

/** SARIF 2.1.0 for code scanning: rules with help, results with fingerprints, suppressions kept. */
export function renderSarif(result: ReviewResult): string {
  const rules = [...result.rules];
  const ruleIndex = new Map(rules.map((rule, i) => [rule.id, i]));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'headroom',
            version: result.tool.version,
            semanticVersion: result.tool.version,
            informationUri: TOOL_URI,
            rules: rules.map((rule) => sarifRule(rule, result)),
          },
        },
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: result.diagnostics.map((d) => ({
              level: d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'note',
              message: { text: d.message },
              locations: [physical(d.location.path, d.location.line)],
            })),
          },
        ],
        results: [
          ...result.findings.map((f) => ({
            ...sarifResult(f, ruleIndex),
            // A ticked box in the pull request: accepted by a person, outside the code.
            ...(f.acknowledgement
              ? {
                  suppressions: [
                    {
                      kind: 'external',
                      status: 'accepted',
                      justification: `Acknowledged by @${f.acknowledgement.by} in the pull request.`,
                    },
                  ],
                }
              : {}),
          })),
          ...result.suppressed.map((f) => ({
            ...sarifResult(f, ruleIndex),
            suppressions: [
              {
                kind: 'inSource',
                justification: f.suppression?.reason ?? '',
                ...(f.suppression
                  ? { location: physical(f.suppression.location.path, f.suppression.location.line) }
                  : {}),
              },
            ],
          })),
        ],
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}

function sarifRule(rule: RuleMeta, result: ReviewResult) {
  const level = rule.severity[result.tier];
  return {
    id: rule.id,
    name: rule.title,
    shortDescription: { text: rule.summary },
    fullDescription: { text: rule.ramification },
    help: { text: rule.fix, markdown: `**${rule.title}**\n\n${rule.ramification}\n\n**Fix:** ${rule.fix}` },
    helpUri: docsUrl(rule.id),
    defaultConfiguration: { enabled: level !== 'off', level: level === 'off' ? 'none' : LEVEL[level] },
    properties: { category: rule.category, tags: ['scaling', rule.category] },
  };
}

function sarifResult(finding: Finding, ruleIndex: Map<string, number>) {
  const index = ruleIndex.get(finding.ruleId);
  return {
    ruleId: finding.ruleId,
    ...(index === undefined ? {} : { ruleIndex: index }),
    level: LEVEL[finding.severity],
    message: { text: finding.fix ? `${finding.message} Fix: ${finding.fix.text}` : finding.message },
    locations: [physical(finding.location.path, finding.location.line, finding.location.endLine)],
    partialFingerprints: { 'headroom/v1': finding.fingerprint },
    properties: {
      entity: finding.entity,
      ...(finding.database ? { database: finding.database } : {}),
      ...(finding.status ? { status: finding.status } : {}),
    },
  };
}

function physical(path: string, line: number, endLine?: number) {
  return {
    physicalLocation: {
      artifactLocation: { uri: path, uriBaseId: '%SRCROOT%' },
      region: { startLine: Math.max(1, line), ...(endLine && endLine > line ? { endLine } : {}) },
    },
  };
}
