import { COMMENT_MARKER } from '../../reporters/markdown-markers.ts';
import { checklistEdit } from '../github/acknowledgements.ts';
import { CHECK_NAME } from '../github/check-run.ts';
import type { ReviewJob } from './review-job.ts';

/** The events the App subscribes to (app.yml), with the actions that can mean work. */
export const HANDLED_EVENTS = [
  'pull_request.opened',
  'pull_request.synchronize',
  'pull_request.reopened',
  'pull_request.ready_for_review',
  'check_run.rerequested',
  'check_suite.rerequested',
  'issue_comment.edited',
] as const;

export interface Delivery {
  id: string;
  name: string;
  payload: unknown;
}

interface PullLike {
  number: number;
  head: { sha: string };
}

interface Payload {
  action?: string;
  installation?: { id: number };
  repository?: { name: string; owner: { login: string } };
  pull_request?: PullLike & { draft?: boolean; state?: string };
  check_run?: { name: string; head_sha: string; pull_requests: PullLike[] };
  check_suite?: { head_sha: string; pull_requests: PullLike[] };
  issue?: { number: number; state: string; pull_request?: unknown };
  comment?: { body: string; updated_at?: string; user?: { login: string; type: string } | null };
  sender?: { login: string; type: string };
  changes?: { body?: { from: string } };
}

/**
 * The jobs a delivery asks for, decided from the payload alone: no GitHub request is made while
 * the webhook waits for its answer. Drafts, closed pull requests, other checks, other comments and
 * edits that tick no box ask for none.
 */
export function jobsFromDelivery(delivery: Delivery, now = Date.now()): ReviewJob[] {
  const payload = delivery.payload as Payload;
  const installationId = payload.installation?.id;
  const repository = payload.repository;
  if (installationId === undefined || !repository) return [];
  const event = `${delivery.name}.${payload.action}`;
  const base = {
    deliveryId: delivery.id,
    event,
    installationId,
    owner: repository.owner.login,
    repo: repository.name,
    freshCheckRun: false,
    reviewAsked: true,
    edits: [],
    receivedAt: now,
  };
  const forPull = (pull: PullLike, changes: Partial<ReviewJob> = {}): ReviewJob => ({
    ...base,
    number: pull.number,
    headSha: pull.head.sha,
    ...changes,
  });
  /** A re-run: one job per pull request GitHub names, or one that finds them for a fork's head. */
  const reruns = (headSha: string, pulls: PullLike[]): ReviewJob[] =>
    pulls.length > 0
      ? pulls.map((pull) => forPull(pull, { freshCheckRun: true }))
      : [{ ...base, headSha, freshCheckRun: true }];

  switch (delivery.name) {
    case 'pull_request': {
      const pull = payload.pull_request;
      if (!pull || !HANDLED_EVENTS.includes(event as never)) return [];
      return pull.draft || pull.state !== 'open' ? [] : [forPull(pull)];
    }
    case 'check_run': {
      const run = payload.check_run;
      if (payload.action !== 'rerequested' || run?.name !== CHECK_NAME) return [];
      return reruns(run.head_sha, run.pull_requests);
    }
    case 'check_suite': {
      const suite = payload.check_suite;
      return payload.action === 'rerequested' && suite ? reruns(suite.head_sha, suite.pull_requests) : [];
    }
    case 'issue_comment':
      return payload.action === 'edited' ? checklistJob(payload, base) : [];
    default:
      return [];
  }
}

function checklistJob(payload: Payload, base: Omit<ReviewJob, 'headSha'>): ReviewJob[] {
  const { comment, issue, sender, changes } = payload;
  if (!comment || !issue?.pull_request || issue.state !== 'open') return [];
  // Headroom's own rewrites come back as edits by its bot; other bots do not tick boxes.
  if (!sender || sender.type === 'Bot') return [];
  if (comment.user?.type !== 'Bot' || !comment.body.includes(COMMENT_MARKER)) return [];
  const before = changes?.body?.from;
  if (before === undefined) return [];
  const edit = checklistEdit(before, comment.body, sender.login, comment.updated_at);
  if (edit.ticked.length === 0 && edit.unticked.length === 0) return [];
  // The payload does not say which commit the comment was about; the job reads the head.
  const edits = [{ ...edit, commentAuthor: comment.user.login }];
  return [{ ...base, number: issue.number, headSha: '', reviewAsked: false, edits }];
}
