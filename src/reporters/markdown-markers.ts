import type { Acknowledgement } from '../review/acknowledge.ts';

/** Hidden marker that finds Headroom's one comment on a pull request again, whoever posted it. */
export const COMMENT_MARKER = '<!-- headroom:review -->';

export interface ChecklistItem {
  fingerprint: string;
  checked: boolean;
  /** Who the comment records as having acknowledged the finding, when it says. */
  ack?: Acknowledgement;
}

const LOGIN = String.raw`[A-Za-z0-9-]+(?:\[bot\])?`;
const TIME = String.raw`\d{4}-\d{2}-\d{2}T[\d:.]+Z`;

/** The hidden marker at the end of each checkbox line. */
export function findingMarker(fingerprint: string, ack?: Acknowledgement): string {
  return `<!-- headroom:fp=${fingerprint}${ack ? ` ack=${ack.by}${ack.at ? ` at=${ack.at}` : ''}` : ''} -->`;
}

const CHECKBOX = /^\s*[-*] \[( |x|X)\] /;
const MARKER = new RegExp(`<!-- headroom:fp=([0-9a-f]+)(?: ack=(${LOGIN})(?: at=(${TIME}))?)? -->`);

/**
 * Every acknowledgement of the review in one hidden line, written near the top of the comment
 * at every collapse level: when the comment is too long to list acknowledged findings one by
 * one, they still keep their fingerprint, who ticked them and when, and the next review reads
 * them back.
 */
export function acknowledgementRecord(acks: Iterable<[string, Acknowledgement]>): string {
  const entries = [...acks].map(
    ([fingerprint, ack]) => `${fingerprint}=${ack.by}${ack.at ? `@${ack.at}` : ''}`,
  );
  return entries.length ? `<!-- headroom:acks ${entries.join(' ')} -->` : '';
}

const RECORD = /<!-- headroom:acks ([^>]*) -->/;
const RECORD_ENTRY = new RegExp(`^([0-9a-f]+)=(${LOGIN})(?:@(${TIME}))?$`);

/** The acknowledgements the hidden record of a comment holds. */
export function parseAcknowledgementRecord(body: string): Map<string, Acknowledgement> {
  const record = new Map<string, Acknowledgement>();
  for (const entry of RECORD.exec(body)?.[1]?.split(' ') ?? []) {
    const match = RECORD_ENTRY.exec(entry);
    if (match)
      record.set(match[1] as string, { by: match[2] as string, ...(match[3] ? { at: match[3] } : {}) });
  }
  return record;
}

/** Reads the boxes of a Headroom comment back: which fingerprints are ticked, and by whom. */
export function parseChecklist(body: string): ChecklistItem[] {
  const items: ChecklistItem[] = [];
  for (const line of body.split(/\r?\n/)) {
    const box = CHECKBOX.exec(line);
    const marker = box ? MARKER.exec(line) : null;
    if (!box || !marker) continue;
    const item: ChecklistItem = { fingerprint: marker[1] as string, checked: box[1] !== ' ' };
    if (marker[2]) item.ack = { by: marker[2], ...(marker[3] ? { at: marker[3] } : {}) };
    items.push(item);
  }
  return items;
}

/**
 * Rewrites the boxes of an existing comment to match `acks` (ticked and credited, or unticked),
 * for a run that has the comment but not the review behind it (the Action on a comment edit).
 */
export function rewriteChecklist(body: string, acks: ReadonlyMap<string, Acknowledgement>): string {
  const record = acknowledgementRecord(acks);
  const lines = body.split('\n');
  // The record is rewritten where it stands, or added below the marker when the comment had none.
  const at = lines.findIndex((line) => RECORD.test(line));
  if (at >= 0) lines.splice(at, 1, ...(record ? [record] : []));
  else if (record) lines.splice(lines.indexOf(COMMENT_MARKER) + 1, 0, record);
  return lines
    .map((line) => {
      const box = CHECKBOX.exec(line);
      const marker = box ? MARKER.exec(line) : null;
      if (!box || !marker) return line;
      const fingerprint = marker[1] as string;
      const ack = acks.get(fingerprint);
      return line
        .replace(CHECKBOX, (whole) => whole.replace(/\[( |x|X)\]/, ack ? '[x]' : '[ ]'))
        .replace(MARKER, findingMarker(fingerprint, ack));
    })
    .join('\n');
}
