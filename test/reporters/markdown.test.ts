import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/reporters/markdown.ts';
import { COMMENT_MARKER, parseChecklist } from '../../src/reporters/markdown-markers.ts';
import { applyAcknowledgements } from '../../src/review/acknowledge.ts';
import { compareWithBase } from '../../src/review/compare.ts';
import { reviewWithEnvRule } from '../review/env-rule.ts';

/** A pull request that adds NEW and TICKED on top of OLD, silences QUIET, and has a config typo. */
async function pullRequest() {
  const base = await reviewWithEnvRule({ '.env': 'OLD=warning\n' });
  const head = await reviewWithEnvRule({
    '.env':
      'OLD=warning\nNEW=error\nTICKED=error\n# headroom-ignore test/env-says -- seeded locally\nQUIET=error\n',
    '.github/headroom.yml': 'tier: growth\nfailon: warning\n',
  });
  const compared = compareWithBase(head, base);
  const ticked = compared.findings.find((f) => f.entity === 'env:TICKED')?.fingerprint as string;
  return applyAcknowledgements(compared, new Map([[ticked, { by: 'octocat' }]]));
}

function section(body: string, heading: string): string {
  const start = body.indexOf(heading);
  expect(start).toBeGreaterThanOrEqual(0);
  return body.slice(start, body.indexOf('\n\n', body.indexOf('\n\n', start) + 2));
}

describe('the markdown checklist', () => {
  it('opens the comment with the marker, the verdict and the tier', async () => {
    const body = renderMarkdown(await pullRequest(), { context: 'comment', interactive: true });
    const [marker, heading] = body.split('\n');
    expect(marker).toBe(COMMENT_MARKER);
    expect(heading).toBe('## ❌ Headroom: Failed');
    expect(body).toContain('Target tier: **growth**');
    expect(body).toContain('Tick a box to acknowledge');
    expect(renderMarkdown(await pullRequest(), { context: 'check' })).not.toContain(COMMENT_MARKER);
  });

  it('lists new findings first, existing ones collapsed, acknowledged ones ticked, suppressed apart', async () => {
    const result = await pullRequest();
    const body = renderMarkdown(result, { context: 'comment' });
    const fp = (entity: string) => result.findings.find((f) => f.entity === entity)?.fingerprint;
    const order = [
      '### New findings (1)',
      '`env:NEW`',
      '<details><summary>Findings already on the base branch (1)',
      '`env:OLD`',
      '### Acknowledged (1)',
      '`env:TICKED`',
      'Suppressed in the code (1)',
      '`env:QUIET` — seeded locally (.env:4)',
    ].map((text) => body.indexOf(text));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(body).toMatch(
      /- \[ \] 🔴 \*\*\[test\/env-says\]\([^)]+\)\*\* `env:NEW` NEW asks for a finding\. \(\.env:2\)/,
    );
    expect(body).toContain('  Fix: Remove NEW.');
    expect(parseChecklist(body)).toEqual([
      { fingerprint: fp('env:NEW'), checked: false },
      { fingerprint: fp('env:OLD'), checked: false },
      { fingerprint: fp('env:TICKED'), checked: true, ack: { by: 'octocat' } },
    ]);
  });

  it('lists config errors with their file and line', async () => {
    const body = renderMarkdown(await pullRequest(), { context: 'check' });
    expect(section(body, '### Could not read everything')).toContain(
      '`.github/headroom.yml:2` .github/headroom.yml: unknown key `failon` in the file (did you mean `failOn`?)',
    );
  });

  it('reads a box ticked in the comment text back', async () => {
    const result = await reviewWithEnvRule({ '.env': 'A=error\nB=note\n' });
    const body = renderMarkdown(result, { context: 'comment', interactive: true });
    const b = result.findings.find((f) => f.entity === 'env:B')?.fingerprint as string;
    const edited = body.replace(new RegExp(`- \\[ \\](.*fp=${b})`), '- [x]$1');
    expect(parseChecklist(edited).filter((item) => item.checked)).toEqual([
      { fingerprint: b, checked: true },
    ]);
  });

  it('says all clear when nothing is left', async () => {
    const body = renderMarkdown(await reviewWithEnvRule({ '.env.example': '' }), { context: 'comment' });
    expect(body).toContain('## ✅ Headroom: Passed');
    expect(body).toContain('All clear: no scaling findings.');
    expect(parseChecklist(body)).toEqual([]);
  });

  it.each([65_536, 20_000, 4_000])(
    'fits 2,000 findings in %i characters and keeps the verdict',
    async (maxLength) => {
      const env = Array.from({ length: 2000 }, (_, i) => `KEY_${i}=${i % 3 === 0 ? 'error' : 'warning'}`);
      const base = await reviewWithEnvRule({ '.env': env.slice(0, 1000).join('\n') });
      const head = await reviewWithEnvRule({
        '.env': env.join('\n'),
        '.github/headroom.yml': Array.from({ length: 300 }, (_, i) => `unknown_${i}: 1`).join('\n'),
      });
      const result = compareWithBase(head, base);
      expect(result.findings).toHaveLength(2000);
      const body = renderMarkdown(result, { context: 'comment', maxLength });
      expect(body.length).toBeLessThanOrEqual(maxLength);
      expect(body.startsWith(`${COMMENT_MARKER}\n## ❌ Headroom: Failed`)).toBe(true);
      expect(body).toContain('2000 findings (1000 new); 333 new at or above error block the merge.');
      expect(body.split('<details>').length).toBe(body.split('</details>').length);
      expect(parseChecklist(body).length).toBeGreaterThan(0);
    },
  );
});
