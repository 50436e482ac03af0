import { fileName } from '../files/repository-path.ts';
import type { Diagnostic, Location } from '../model/location.ts';
import type { Finding } from './finding.ts';

const DIRECTIVE = 'headroom-ignore';

export interface Suppression {
  ruleId: string;
  reason?: string;
  location: Location;
}

/** The comment openers of each kind of file Headroom reads (`/*` for block comments). */
function commentMarkers(path: string): string[] {
  const name = fileName(path).toLowerCase();
  if (name.endsWith('.sql')) return ['--', '/*'];
  if (/\.(prisma|[cm]?[jt]sx?)$/.test(name)) return ['//', '/*'];
  if (/\.(ya?ml|toml|txt|py|cfg|ini)$/.test(name) || name.startsWith('.env') || name === 'procfile')
    return ['#'];
  return [];
}

/**
 * Finds `headroom-ignore <rule-id> -- <reason>` written in a comment: a line comment, or a
 * block comment that opens on the same line. It applies to a finding on its own line or on
 * the line after it, like ESLint's `disable-next-line`, so it can sit above the code or at
 * the end of the line.
 */
export function findSuppressions(path: string, text: string): Suppression[] {
  const markers = commentMarkers(path);
  if (markers.length === 0 || !text.includes(DIRECTIVE)) return [];
  const found: Suppression[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    const at = line.indexOf(DIRECTIVE);
    if (at < 0) return;
    const opener = openingMarker(line.slice(0, at), markers);
    if (!opener) return;
    let body = line.slice(at + DIRECTIVE.length);
    // A block comment ends the directive; code may follow it on the same line.
    if (opener === '/*' && body.includes('*/')) body = body.slice(0, body.indexOf('*/'));
    const separator = body.indexOf('--');
    const ruleId = (separator < 0 ? body : body.slice(0, separator)).trim();
    const reason = separator < 0 ? undefined : body.slice(separator + 2).trim() || undefined;
    found.push({ ruleId, ...(reason ? { reason } : {}), location: { path, line: index + 1 } });
  });
  return found;
}

/** The comment marker nearest before the directive, if the directive is inside a comment at all. */
function openingMarker(before: string, markers: readonly string[]): string | undefined {
  let nearest: { marker: string; at: number } | undefined;
  for (const marker of markers) {
    const at = before.lastIndexOf(marker);
    if (at >= 0 && (!nearest || at > nearest.at)) nearest = { marker, at };
  }
  return nearest?.marker;
}

/** Splits findings into active and suppressed, and reports suppressions that are wrong or unused. */
export function applySuppressions(
  findings: readonly Finding[],
  texts: ReadonlyMap<string, string>,
  knownRuleIds: readonly string[],
): { active: Finding[]; suppressed: Finding[]; diagnostics: Diagnostic[] } {
  const suppressions = [...texts].flatMap(([path, text]) => findSuppressions(path, text));
  const used = new Set<Suppression>();
  const diagnostics: Diagnostic[] = [];
  const valid = suppressions.filter((suppression) => {
    const problem = !suppression.ruleId
      ? 'names no rule'
      : !knownRuleIds.includes(suppression.ruleId)
        ? `names unknown rule \`${suppression.ruleId}\``
        : !suppression.reason
          ? `for \`${suppression.ruleId}\` gives no reason (write \`-- why\`); it does not apply`
          : undefined;
    if (problem) diagnostics.push(suppressionDiagnostic(suppression, `This headroom-ignore ${problem}.`));
    return problem === undefined;
  });
  const active: Finding[] = [];
  const suppressed: Finding[] = [];
  for (const finding of findings) {
    const match = valid.find(
      (s) =>
        s.ruleId === finding.ruleId &&
        s.location.path === finding.location.path &&
        (finding.location.line === s.location.line || finding.location.line === s.location.line + 1),
    );
    if (!match) {
      active.push(finding);
      continue;
    }
    used.add(match);
    suppressed.push({
      ...finding,
      suppression: { reason: match.reason as string, location: match.location },
    });
  }
  for (const suppression of valid) {
    if (!used.has(suppression)) {
      diagnostics.push(
        suppressionDiagnostic(
          suppression,
          `This headroom-ignore for \`${suppression.ruleId}\` suppresses nothing on this line or the next; remove it.`,
        ),
      );
    }
  }
  return { active, suppressed, diagnostics };
}

function suppressionDiagnostic(suppression: Suppression, message: string): Diagnostic {
  return { severity: 'warning', origin: 'suppression', message, location: suppression.location };
}
