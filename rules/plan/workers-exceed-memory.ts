import * as z from 'zod/mini';
import { serviceCapacity } from '../../src/capacity/compute.ts';
import { defineRule } from '../../src/rules/rule.ts';

export default defineRule({
  meta: {
    id: 'plan/workers-exceed-memory',
    title: 'Worker processes that do not fit in the plan’s memory',
    category: 'plan',
    severity: { launch: 'warning', growth: 'error', scale: 'error', enterprise: 'error' },
    summary: 'Processes per instance × memory per process exceeds the plan’s RAM.',
    ramification:
      'Each worker process holds its own copy of the application. When together they outgrow the plan, the instance swaps or the platform kills it for running out of memory: requests fail in bursts, usually at the busiest moment, and restarts loop.',
    fix: 'Run fewer workers (`-w`/`--workers`, `WEB_CONCURRENCY`), or move to a plan with more memory. State the real per-process memory in `capacity.memoryPerProcessMb` when you have measured it.',
    examples: {
      bad: {
        path: 'render.yaml',
        text: 'services:\n  - type: web\n    name: api\n    runtime: python\n    plan: starter\n    startCommand: gunicorn app:app -w 8\n    healthCheckPath: /healthz\n',
      },
      good: {
        path: 'render.yaml',
        text: 'services:\n  - type: web\n    name: api\n    runtime: python\n    plan: standard\n    startCommand: gunicorn app:app -w 8\n    healthCheckPath: /healthz\n',
      },
    },
  },
  options: z.strictObject({
    headroomPercent: z
      ._default(z.number().check(z.minimum(0), z.maximum(90)), 10)
      .check(z.describe('RAM kept free for the OS and spikes.')),
  }),
  check(model, { options, capacity: config }) {
    return model.services.flatMap((service) => {
      if (service.kind === 'static' || service.kind === 'serverless') return [];
      const capacity = serviceCapacity(model, service, config);
      const ram = capacity.memoryMb?.value;
      const perProcess = capacity.memoryPerProcessMb?.value;
      if (!ram || !perProcess) return [];
      const usable = ram * (1 - options.headroomPercent / 100);
      // Solid Queue's forks under Puma are Rails processes too, and share the instance's memory.
      const processes = capacity.processes.value + (capacity.jobProcesses?.value ?? 0);
      const needed = processes * perProcess;
      if (needed <= usable) return [];
      const assumed =
        capacity.memoryPerProcessMb?.source === 'assumed'
          ? ' (assumed: set capacity.memoryPerProcessMb)'
          : ` (${capacity.memoryPerProcessMb?.source})`;
      return [
        {
          entity: service.id,
          message: `${service.name} runs ${processes} processes${capacity.jobProcesses ? ` (${capacity.processes.value} Puma, ${capacity.jobProcesses.value} Solid Queue)` : ''} × ~${perProcess} MB${assumed} = ${needed} MB, more than ${Math.round(usable)} MB usable of ${ram} MB (${capacity.memoryMb?.note}): it will run out of memory.`,
          location: service.startCommand?.location ?? service.location,
          fix: {
            text: `Run at most ${Math.max(1, Math.floor(usable / perProcess))} processes here, or choose a plan with at least ${Math.ceil(needed / (1 - options.headroomPercent / 100))} MB.`,
          },
        },
      ];
    });
  },
});
