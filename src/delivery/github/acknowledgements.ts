import { parseChecklist } from '../../reporters/markdown-markers.ts';

export interface Acknowledgement {
  by: string;
  at?: string;
}

export type Acknowledgements = Map<string, Acknowledgement>;

/**
 * Who a ticked box is credited to when the comment does not say yet: the box was ticked after
 * Headroom last wrote the comment, and the edit event naming the person has not been handled.
 * GitHub's own placeholder for an unknown account; the edit event replaces it with the real login.
 */
export const UNKNOWN_ACKNOWLEDGER = 'ghost';

/** The acknowledgements a comment holds: every ticked box, credited to the login its marker records. */
export function acknowledgementsIn(body: string | undefined): Acknowledgements {
  const acks: Acknowledgements = new Map();
  for (const item of parseChecklist(body ?? '')) {
    if (item.checked) acks.set(item.fingerprint, { by: item.ackBy ?? UNKNOWN_ACKNOWLEDGER });
  }
  return acks;
}

/** What one edit of the comment changed: boxes its author ticked and unticked. */
export interface ChecklistEdit {
  sender: string;
  ticked: string[];
  unticked: string[];
}

export function checklistEdit(before: string, after: string, sender: string): ChecklistEdit {
  const was = new Map(parseChecklist(before).map((item) => [item.fingerprint, item.checked]));
  const ticked: string[] = [];
  const unticked: string[] = [];
  for (const item of parseChecklist(after)) {
    const wasChecked = was.get(item.fingerprint);
    if (wasChecked === undefined || wasChecked === item.checked) continue;
    (item.checked ? ticked : unticked).push(item.fingerprint);
  }
  return { sender, ticked, unticked };
}

/**
 * Applies an edit to the acknowledgements read from the comment as it is now. The comment may
 * have been rewritten since the edit (a review finished in between), so the edit is replayed as
 * a change, not taken as the whole state.
 */
export function withEdit(current: Acknowledgements, edit: ChecklistEdit | undefined): Acknowledgements {
  if (!edit) return current;
  const next = new Map(current);
  for (const fingerprint of edit.ticked) next.set(fingerprint, { by: edit.sender });
  for (const fingerprint of edit.unticked) next.delete(fingerprint);
  return next;
}
