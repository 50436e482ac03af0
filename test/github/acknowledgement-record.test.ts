import { describe, expect, it } from 'vitest';
import { acknowledgementsIn, checklistEdit, withEdit } from '../../src/delivery/github/acknowledgements.ts';
import {
  acknowledgementRecord,
  COMMENT_MARKER,
  rewriteChecklist,
} from '../../src/reporters/markdown-markers.ts';

const A = 'aaaaaaaaaaaaaaaa';
const B = 'bbbbbbbbbbbbbbbb';
const AT = '2026-12-01T10:00:00Z';

describe('the hidden acknowledgement record', () => {
  it('credits findings that have no box in a collapsed comment, with who and when', () => {
    const body = [
      COMMENT_MARKER,
      '## ❌ Headroom: Failed',
      acknowledgementRecord([[A, { by: 'ana', at: AT }]]),
      '- **rule**: 1 (@ana)',
    ].join('\n');
    expect(acknowledgementsIn(body)).toEqual(new Map([[A, { by: 'ana', at: AT }]]));
  });

  it('gives way to a box shown unticked: the person unticked it', () => {
    const body = [
      COMMENT_MARKER,
      acknowledgementRecord([
        [A, { by: 'ana', at: AT }],
        [B, { by: 'bo' }],
      ]),
      `- [ ] x <!-- headroom:fp=${A} ack=ana at=${AT} -->`,
    ].join('\n');
    expect(acknowledgementsIn(body)).toEqual(new Map([[B, { by: 'bo' }]]));
  });

  it('is rewritten with the boxes when an edit is credited, keeping when it was made', () => {
    const before = [
      COMMENT_MARKER,
      acknowledgementRecord([[B, { by: 'bo' }]]),
      `- [ ] x <!-- headroom:fp=${A} -->`,
    ].join('\n');
    const after = before.replace('- [ ]', '- [x]');
    const acks = withEdit(acknowledgementsIn(after), checklistEdit(before, after, 'ana', AT));
    const rewritten = rewriteChecklist(after, acks);
    expect(rewritten.split('\n')).toEqual([
      COMMENT_MARKER,
      `<!-- headroom:acks ${B}=bo ${A}=ana@${AT} -->`,
      `- [x] x <!-- headroom:fp=${A} ack=ana at=${AT} -->`,
    ]);
    expect(acknowledgementsIn(rewritten)).toEqual(acks);
  });
});
