import type { ChecklistEdit } from '../github/acknowledgements.ts';

/** A ticked or unticked box, with the comment it was made on, checked against the App's login in the job. */
export interface CommentEdit extends ChecklistEdit {
  commentAuthor: string;
}

/**
 * What a delivery asks of Headroom, taken from the payload alone: serialisable, so it travels to a
 * worker thread or through Redis unchanged. The job reads the pull request as it is when it runs,
 * so a job for an older head reviews the newest one.
 */
export interface ReviewJob {
  deliveryId: string;
  /** `pull_request.synchronize`, `issue_comment.edited`, … for logs. */
  event: string;
  installationId: number;
  owner: string;
  repo: string;
  /** Absent for a re-run on a commit GitHub did not tie to a pull request (a fork's head). */
  number?: number;
  /** The head the delivery was about. */
  headSha: string;
  /** A re-run asked for on GitHub gets a new check run; everything else updates the head's run. */
  freshCheckRun: boolean;
  /** False for a checklist edit alone: then it is only worth a review if an edit is on Headroom's comment. */
  reviewAsked: boolean;
  /** Checklist edits to replay on the comment, oldest first. */
  edits: CommentEdit[];
  /** Milliseconds since the epoch, when the delivery was answered: for queue age. */
  receivedAt: number;
}

/** Jobs with one key run one at a time, across every worker: one pull request, or one commit of a fork. */
export function jobKey(job: Pick<ReviewJob, 'owner' | 'repo' | 'number' | 'headSha'>): string {
  const repo = `${job.owner}/${job.repo}`;
  return job.number === undefined ? `${repo}@${job.headSha}` : `${repo}#${job.number}`;
}

/**
 * A job queued behind another for the same key takes its place: the newer delivery's head,
 * the edits of both in order, and a fresh check run if either asked for one.
 */
export function mergeJobs(older: ReviewJob, newer: ReviewJob): ReviewJob {
  return {
    ...newer,
    headSha: newer.headSha || older.headSha,
    edits: [...older.edits, ...newer.edits],
    freshCheckRun: older.freshCheckRun || newer.freshCheckRun,
    reviewAsked: older.reviewAsked || newer.reviewAsked,
    receivedAt: older.receivedAt,
  };
}

/** The fields every log line of a job carries. */
export function jobLogFields(job: ReviewJob): Record<string, unknown> {
  return {
    delivery: job.deliveryId,
    event: job.event,
    installation: job.installationId,
    pull: jobKey(job),
  };
}
