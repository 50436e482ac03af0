import { serviceCapacity } from '../../src/capacity/compute.ts';
import { GUNICORN_SUGGESTED_WORKERS } from '../../src/catalog/runtimes.ts';
import { defineRule } from '../../src/rules/rule.ts';

const { perCpu, plus } = GUNICORN_SUGGESTED_WORKERS.value;

export default defineRule({
  meta: {
    id: 'plan/workers-exceed-cpu',
    title: 'More worker processes than the plan’s CPU can run',
    category: 'plan',
    severity: { launch: 'note', growth: 'warning', scale: 'warning', enterprise: 'error' },
    summary: `More worker processes per instance than ${perCpu} × CPUs + ${plus} (at least ${perCpu + plus}), the most a CPU-bound server benefits from.`,
    ramification:
      'Processes beyond what the CPU share can run only wait for it: each request gets slower, memory is spent on idle copies of the app, and on a fractional CPU (0.1 on free) the whole instance is throttled.',
    fix: `Size workers to the plan: about ${perCpu} × CPUs + ${plus}, or move to a plan with more CPU.`,
    examples: {
      bad: {
        path: 'render.yaml',
        text: 'services:\n  - type: web\n    name: api\n    runtime: python\n    plan: standard\n    startCommand: gunicorn app:app -w 8\n',
      },
      good: {
        path: 'render.yaml',
        text: 'services:\n  - type: web\n    name: api\n    runtime: python\n    plan: standard\n    startCommand: gunicorn app:app -w 3\n',
      },
    },
  },
  check(model) {
    return model.services.flatMap((service) => {
      const capacity = serviceCapacity(model, service);
      const cpus = capacity.cpus?.value;
      if (!cpus || capacity.processes.source === 'default') return [];
      const ceiling = Math.max(perCpu + plus, Math.floor(cpus * perCpu + plus));
      if (capacity.processes.value <= ceiling) return [];
      return [
        {
          entity: service.id,
          message: `${service.name} runs ${capacity.processes.value} processes on ${cpus} CPU (${capacity.plan}): more than ${ceiling}, so they queue for the CPU instead of serving in parallel.`,
          location: service.startCommand?.location ?? service.location,
          fix: { text: `Run at most ${ceiling} processes, or choose a plan with more CPU.` },
        },
      ];
    });
  },
});
