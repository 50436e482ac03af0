import { parseAcknowledgementRecord, parseChecklist } from '../../reporters/markdown-markers.ts';
import type { Acknowledgement } from '../../review/acknowledge.ts';

export type Acknowledgements = Map<string, Acknowledgement>;

/**
 * Who a ticked box is credited to when the comment does not say yet: the box was ticked after
 * Headroom last wrote the comment, and the edit event naming the person has not been handled.
 * GitHub's own placeholder for an unknown account; the edit event replaces it with the real login.
 */
export const UNKNOWN_ACKNOWLEDGER = 'ghost';

/**
 * The acknowledgements a comment holds: every ticked box, credited to the login its marker
 * records, and every finding of the hidden record that has no box in this rendering (the
 * comment was collapsed to fit). A box shown unticked wins over the record: it was unticked.
 */
export function acknowledgementsIn(body: string | undefined): Acknowledgements {
  const items = parseChecklist(body ?? '');
  const record = parseAcknowledgementRecord(body ?? '');
  const shown = new Set(items.map((item) => item.fingerprint));
  const acks: Acknowledgements = new Map([...record].filter(([fingerprint]) => !shown.has(fingerprint)));
  for (const item of items) {
    if (item.checked)
      acks.set(item.fingerprint, item.ack ?? record.get(item.fingerprint) ?? { by: UNKNOWN_ACKNOWLEDGER });
  }
  return acks;
}

/** What one edit of the comment changed: boxes its author ticked and unticked. */
export interface ChecklistEdit {
  sender: string;
  /** When the edit was made (the comment's `updated_at`). */
  at?: string;
  ticked: string[];
  unticked: string[];
}

export function checklistEdit(before: string, after: string, sender: string, at?: string): ChecklistEdit {
  const was = new Map(parseChecklist(before).map((item) => [item.fingerprint, item.checked]));
  const ticked: string[] = [];
  const unticked: string[] = [];
  for (const item of parseChecklist(after)) {
    const wasChecked = was.get(item.fingerprint);
    if (wasChecked === undefined || wasChecked === item.checked) continue;
    (item.checked ? ticked : unticked).push(item.fingerprint);
  }
  return { sender, ...(at ? { at } : {}), ticked, unticked };
}

/**
 * Applies an edit to the acknowledgements read from the comment as it is now. The comment may
 * have been rewritten since the edit (a review finished in between), so the edit is replayed as
 * a change, not taken as the whole state.
 */
export function withEdit(current: Acknowledgements, edit: ChecklistEdit | undefined): Acknowledgements {
  if (!edit) return current;
  const next = new Map(current);
  for (const fingerprint of edit.ticked)
    next.set(fingerprint, { by: edit.sender, ...(edit.at ? { at: edit.at } : {}) });
  for (const fingerprint of edit.unticked) next.delete(fingerprint);
  return next;
}
