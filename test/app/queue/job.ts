import type { ReviewJob } from '../../../src/delivery/app/review-job.ts';

let deliveries = 0;

/** A pull request's job as the front door makes it; each call is a new delivery unless given one. */
export function reviewJob(changes: Partial<ReviewJob> = {}): ReviewJob {
  deliveries++;
  return {
    deliveryId: `d-${process.pid}-${deliveries}`,
    event: 'pull_request.synchronize',
    installationId: 1,
    owner: 'acme',
    repo: 'shop',
    number: 1,
    headSha: `sha-${deliveries}`,
    freshCheckRun: false,
    reviewAsked: true,
    edits: [],
    receivedAt: Date.now(),
    ...changes,
  };
}
