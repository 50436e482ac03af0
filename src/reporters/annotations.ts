import type { ReviewResult } from '../review/review-result.ts';
import type { Severity } from '../rules/rule.ts';

/** The shape of a check-run annotation in GitHub's REST API. */
export interface Annotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: 'failure' | 'warning' | 'notice';
  title: string;
  message: string;
  raw_details?: string;
}

const LEVEL: Record<Severity, Annotation['annotation_level']> = {
  error: 'failure',
  warning: 'warning',
  note: 'notice',
};

/** Config and suppression problems are the reader's own mistakes, not files Headroom failed on. */
function diagnosticTitle(origin: string): string {
  if (origin === 'config') return 'headroom: invalid configuration';
  if (origin === 'suppression') return 'headroom: headroom-ignore problem';
  return `headroom could not read this (${origin})`;
}

/** Active findings first (most severe first), then problems reading files; all masked. */
export function toAnnotations(result: ReviewResult): Annotation[] {
  const findings = result.findings
    .filter((f) => !f.acknowledgement)
    .map(
      (f): Annotation => ({
        path: f.location.path,
        start_line: f.location.line,
        end_line: Math.max(f.location.endLine ?? f.location.line, f.location.line),
        annotation_level: LEVEL[f.severity],
        title: `${f.ruleId}${f.status === 'existing' ? ' (already on base)' : ''}`,
        message: f.fix ? `${f.message}\nFix: ${f.fix.text}` : f.message,
        ...(f.fix?.replacement ? { raw_details: f.fix.replacement } : {}),
      }),
    );
  const diagnostics = result.diagnostics
    .filter((d) => d.location.path)
    .map(
      (d): Annotation => ({
        path: d.location.path,
        start_line: d.location.line,
        end_line: d.location.line,
        annotation_level: d.severity === 'error' ? 'failure' : 'warning',
        title: diagnosticTitle(d.origin),
        message: d.message,
      }),
    );
  return [...findings, ...diagnostics];
}
