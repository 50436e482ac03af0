import { serviceCapacity } from '../../src/capacity/compute.ts';
import { GUNICORN_SUGGESTED_WORKERS } from '../../src/catalog/servers.ts';
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
  check(model, { capacity: config }) {
    return model.services.flatMap((service) => {
      if (service.kind === 'static' || service.kind === 'serverless') return [];
      const capacity = serviceCapacity(model, service, config);
      const cpus = capacity.cpus?.value;
      // Defaults are sized by the server itself (celery, pm2 -i max) or are one process.
      if (!cpus || capacity.processes.source === 'default' || capacity.processes.source === 'assumed')
        return [];
      // A fractional CPU still gets one core's worth: gunicorn's formula on a single core.
      const counted = Math.max(1, cpus);
      const ceiling = Math.floor(perCpu * counted + plus);
      if (capacity.processes.value <= ceiling) return [];
      return [
        {
          entity: service.id,
          message: `${service.name} runs ${capacity.processes.value} processes (${capacity.processes.note}) on ${cpus} CPU (${capacity.cpus?.note}): more than ${ceiling} (${perCpu} × ${counted} CPU + ${plus}), so they queue for the CPU instead of serving in parallel.`,
          location: service.startCommand?.location ?? service.location,
          fix: { text: `Run at most ${ceiling} processes, or choose a plan with more CPU.` },
        },
      ];
    });
  },
});
