import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { InstallationBudget, RequestObservation } from '../queue/installation-budget.ts';
import type { Enqueued, JobQueue, JobReport } from '../queue/job-queue.ts';

/**
 * The App's Prometheus metrics, in a registry of its own. Installation ids label the GitHub
 * series: one series per installation, which an App's installations number in the thousands at most.
 */
export class AppMetrics {
  readonly registry = new Registry();
  readonly #answers = new Histogram({
    name: 'headroom_webhook_answer_seconds',
    help: 'Time from a webhook request to its answer.',
    labelNames: ['status'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5],
    registers: [this.registry],
  });
  readonly #deliveries = new Counter({
    name: 'headroom_jobs_enqueued_total',
    help: 'Jobs handed to the queue, by what the queue did with them (queued, merged, duplicate).',
    labelNames: ['result'],
    registers: [this.registry],
  });
  readonly #jobs = new Histogram({
    name: 'headroom_job_duration_seconds',
    help: 'Time a job ran, by how it ended (reviewed, superseded, skipped, expanded, retry, failed).',
    labelNames: ['outcome'],
    buckets: [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120],
    registers: [this.registry],
  });
  readonly #requests = new Counter({
    name: 'headroom_github_requests_total',
    help: 'GitHub API answers received, per installation.',
    labelNames: ['installation'],
    registers: [this.registry],
  });

  constructor(queue: JobQueue, budget: InstallationBudget) {
    const registers = [this.registry];
    new Gauge({
      name: 'headroom_queue_jobs',
      help: 'Jobs in the queue by state (waiting, active, delayed).',
      labelNames: ['state'],
      registers,
      async collect() {
        const stats = await queue.stats();
        for (const state of ['waiting', 'active', 'delayed'] as const) this.set({ state }, stats[state]);
      },
    });
    new Gauge({
      name: 'headroom_queue_oldest_waiting_seconds',
      help: 'Age of the oldest job not yet started.',
      registers,
      async collect() {
        this.set((await queue.stats()).oldestWaitingMs / 1000);
      },
    });
    new Gauge({
      name: 'headroom_github_rate_limit_remaining',
      help: 'Requests left in the installation’s current rate-limit window, as GitHub last said.',
      labelNames: ['installation'],
      registers,
      collect() {
        for (const [installation, limit] of budget.limits()) this.set({ installation }, limit.remaining);
      },
    });
  }

  webhookAnswered(seconds: number, status: number): void {
    this.#answers.observe({ status: String(status) }, seconds);
  }

  enqueued(results: readonly Enqueued[]): void {
    for (const result of results) this.#deliveries.inc({ result });
  }

  job(report: JobReport): void {
    const outcome = 'outcome' in report ? report.outcome.kind : report.willRetry ? 'retry' : 'failed';
    this.#jobs.observe({ outcome }, report.durationMs / 1000);
  }

  request(observation: RequestObservation): void {
    this.#requests.inc({ installation: String(observation.installationId) });
  }
}
