import type { ApplicationFunction, Probot } from 'probot';
import { type Delivery, HANDLED_EVENTS, jobsFromDelivery } from './front-door.ts';
import { probotEnvironment } from './job-environment.ts';
import { EmbeddedQueue } from './queue/embedded-queue.ts';
import { InlineRunner } from './queue/inline-runner.ts';
import { InstallationBudget } from './queue/installation-budget.ts';
import type { Enqueued, JobQueue } from './queue/job-queue.ts';
import type { ReviewOptions } from './review-pull-request.ts';

export interface HeadroomAppOptions {
  /** Passed to every review (tests give their own small rules). */
  review?: ReviewOptions;
  /** The queue deliveries go to. By default an embedded one running jobs on this thread, one at a time. */
  queue?: (app: Probot) => JobQueue;
  /** Told of the queue once it exists, and of each delivery's jobs. */
  onQueue?: (queue: JobQueue) => void;
  onDelivery?: (delivery: Delivery, results: Enqueued[]) => void;
}

/** One job at a time on the webhook's own thread: the simplest queue, for tests and embedding. */
export function inlineQueue(app: Probot, review?: ReviewOptions): EmbeddedQueue {
  const budget = new InstallationBudget(1);
  const environment = probotEnvironment(app, {
    reviewOptions: review,
    observe: (seen) => budget.observe(seen),
  });
  return new EmbeddedQueue({ runner: new InlineRunner(environment), budget, concurrency: 1 });
}

/**
 * The Headroom GitHub App's front door. A delivery is turned into jobs from its payload alone and
 * queued; the webhook is answered then, with no GitHub request and no review inside it.
 */
export function createHeadroomApp(options: HeadroomAppOptions = {}): ApplicationFunction {
  return (app: Probot) => {
    const queue = options.queue?.(app) ?? inlineQueue(app, options.review);
    options.onQueue?.(queue);
    app.on([...HANDLED_EVENTS], async (context) => {
      const delivery = { id: context.id, name: context.name, payload: context.payload };
      const results: Enqueued[] = [];
      for (const job of jobsFromDelivery(delivery)) results.push(await queue.add(job));
      options.onDelivery?.(delivery, results);
    });
  };
}

export const headroomApp: ApplicationFunction = createHeadroomApp();
export default headroomApp;
