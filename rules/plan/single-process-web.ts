import { serviceCapacity } from '../../src/capacity/compute.ts';
import { defineRule } from '../../src/rules/rule.ts';
import { isInternalDashboard } from '../../src/rules/service-facts.ts';

/**
 * Runtimes whose one process serves on every core with threads or lightweight processes (Go's
 * goroutines, Rust's async executors, the BEAM, the JVM): one process is not one request at a time.
 */
const CONCURRENT_RUNTIMES = new Set(['go', 'rust', 'elixir', 'java', 'jvm']);

export default defineRule({
  meta: {
    id: 'plan/single-process-web',
    title: 'Web service with one process and one instance',
    category: 'plan',
    severity: { launch: 'off', growth: 'warning', scale: 'error', enterprise: 'error' },
    summary: 'A production web service that runs a single process on a single instance.',
    ramification:
      'One slow request (a report, an upload, a cold query) holds the only worker and every other visitor waits behind it; a crash or a deploy takes the whole service down. It is the first wall the seeds’ plans hit after launch.',
    fix: 'Run several workers (`gunicorn -w`, `uvicorn --workers`, `WEB_CONCURRENCY`, a cluster) sized to the plan, and/or more than one instance (`numInstances`, `scaling`).',
    examples: {
      bad: {
        path: 'render.yaml',
        text: 'services:\n  - type: web\n    name: api\n    runtime: python\n    plan: standard\n    startCommand: uvicorn main:app --host 0.0.0.0 --port $PORT\n',
      },
      good: {
        path: 'render.yaml',
        text: 'services:\n  - type: web\n    name: api\n    runtime: python\n    plan: standard\n    startCommand: gunicorn main:app -k uvicorn.workers.UvicornWorker -w 3\n',
      },
    },
  },
  check(model, { tier }) {
    return model.services.flatMap((service) => {
      if (service.kind !== 'web' || service.instances.max > 1) return [];
      if (CONCURRENT_RUNTIMES.has(service.runtime?.value ?? '')) return [];
      // A dashboard the team opens now and then has no traffic to share out.
      if (isInternalDashboard(model, service)) return [];
      // `hard_limit = 1`: the team has Fly hand each machine one request at a time, by design.
      if (service.settings['concurrency.hard_limit']?.value === 1) return [];
      const capacity = serviceCapacity(model, service);
      // Threads serve requests side by side in the one process (Puma's `threads 5, 5`): a slow
      // request does not hold the others back.
      if (capacity.processes.value > 1 || (capacity.threadsPerProcess?.value ?? 1) > 1) return [];
      // A count Headroom had to assume (a server config that is not in the repository) says nothing.
      if (capacity.processes.source === 'assumed') return [];
      return [
        {
          entity: service.id,
          message: `${service.name} serves every request with one process on one instance (${capacity.processes.note}): past the ${tier} tier one slow request makes everyone wait, and a crash is an outage.`,
          location: service.startCommand?.location ?? service.location,
          fix: { text: 'Run several worker processes sized to the plan, or several instances.' },
        },
      ];
    });
  },
});
