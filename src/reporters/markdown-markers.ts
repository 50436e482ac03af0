/** Hidden marker that finds Headroom's one comment on a pull request again, whoever posted it. */
export const COMMENT_MARKER = '<!-- headroom:review -->';

export interface ChecklistItem {
  fingerprint: string;
  checked: boolean;
  /** Login recorded as having acknowledged the finding, when the comment says. */
  ackBy?: string;
}

/** The hidden marker at the end of each checkbox line. */
export function findingMarker(fingerprint: string, ackBy?: string): string {
  return `<!-- headroom:fp=${fingerprint}${ackBy ? ` ack=${ackBy}` : ''} -->`;
}

const CHECKBOX = /^\s*[-*] \[( |x|X)\] /;
const MARKER = /<!-- headroom:fp=([0-9a-f]+)(?: ack=([A-Za-z0-9-]+(?:\[bot\])?))? -->/;

/** Reads the boxes of a Headroom comment back: which fingerprints are ticked, and by whom. */
export function parseChecklist(body: string): ChecklistItem[] {
  const items: ChecklistItem[] = [];
  for (const line of body.split(/\r?\n/)) {
    const box = CHECKBOX.exec(line);
    const marker = box ? MARKER.exec(line) : null;
    if (!box || !marker) continue;
    const item: ChecklistItem = { fingerprint: marker[1] as string, checked: box[1] !== ' ' };
    if (marker[2]) item.ackBy = marker[2];
    items.push(item);
  }
  return items;
}

/**
 * Rewrites the boxes of an existing comment to match `acks` (ticked and credited, or unticked),
 * for a run that has the comment but not the review behind it (the Action on a comment edit).
 */
export function rewriteChecklist(body: string, acks: ReadonlyMap<string, { by: string }>): string {
  return body
    .split('\n')
    .map((line) => {
      const box = CHECKBOX.exec(line);
      const marker = box ? MARKER.exec(line) : null;
      if (!box || !marker) return line;
      const fingerprint = marker[1] as string;
      const ack = acks.get(fingerprint);
      return line
        .replace(CHECKBOX, (whole) => whole.replace(/\[( |x|X)\]/, ack ? '[x]' : '[ ]'))
        .replace(MARKER, findingMarker(fingerprint, ack?.by));
    })
    .join('\n');
}
