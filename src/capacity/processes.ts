import { RENDER_COMPUTE_PLANS } from '../catalog/render.ts';
import { ASSUMED_PROCESS_MEMORY_MB, GUNICORN_DEFAULT_WORKERS } from '../catalog/runtimes.ts';
import type { ProjectModel, Service } from '../model/project-model.ts';
import type { Figure } from './capacity.ts';
import { type Invocation, startInvocations } from './command.ts';

export interface ServiceCapacityConfig {
  processes?: number;
  poolSize?: number;
  memoryPerProcessMb?: number;
}

/** Worker processes per instance, read from the start command where it says. */
export function processesOf(
  model: ProjectModel,
  service: Service,
  config: ServiceCapacityConfig = {},
): Figure {
  if (config.processes)
    return { value: config.processes, source: 'config', note: 'capacity.services in headroom.yml' };
  const envConcurrency = serviceEnv(service, 'WEB_CONCURRENCY');
  for (const invocation of startInvocations(model, service)) {
    const figure = serverProcesses(invocation, envConcurrency ?? invocation.env.WEB_CONCURRENCY);
    if (figure) return figure;
  }
  return {
    value: 1,
    source: 'default',
    note: service.startCommand ? `one process: \`${service.startCommand.value}\`` : 'no start command',
  };
}

function serverProcesses(invocation: Invocation, webConcurrency: string | undefined): Figure | undefined {
  const { program, args } = invocation;
  const server =
    program === 'python' || program === 'python3' ? (args[0] === '-m' ? args[1] : undefined) : program;
  const rest = program === server ? args : args.slice(2);
  const option = (...names: string[]) => optionValue(rest, names);
  const numeric = (value: string | undefined) =>
    value !== undefined && /^\d+$/.test(value) ? Number(value) : undefined;
  switch (server) {
    case 'gunicorn': {
      const workers = numeric(option('-w', '--workers'));
      if (workers) return { value: workers, source: 'read', note: `gunicorn --workers ${workers}` };
      const fromEnv = numeric(webConcurrency);
      if (fromEnv) return { value: fromEnv, source: 'read', note: `WEB_CONCURRENCY=${fromEnv}` };
      return {
        value: GUNICORN_DEFAULT_WORKERS.value,
        source: 'default',
        note: 'gunicorn runs 1 worker unless told (a gunicorn.conf.py is not read)',
      };
    }
    case 'uvicorn':
    case 'hypercorn': {
      const workers = numeric(option('-w', '--workers'));
      if (workers) return { value: workers, source: 'read', note: `${server} --workers ${workers}` };
      return { value: 1, source: 'default', note: `${server} runs 1 process unless --workers` };
    }
    case 'celery': {
      const concurrency = numeric(option('-c', '--concurrency'));
      if (concurrency)
        return { value: concurrency, source: 'read', note: `celery --concurrency ${concurrency}` };
      return undefined;
    }
    case 'puma': {
      const workers = numeric(option('-w', '--workers'));
      return workers ? { value: workers, source: 'read', note: `puma --workers ${workers}` } : undefined;
    }
    case 'pm2':
    case 'pm2-runtime': {
      const instances = numeric(option('-i', '--instances'));
      return instances ? { value: instances, source: 'read', note: `pm2 -i ${instances}` } : undefined;
    }
    default:
      return undefined;
  }
}

/** `-w 4`, `-w4`, `--workers 4`, `--workers=4`. */
function optionValue(args: readonly string[], names: readonly string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    for (const name of names) {
      if (arg === name) return args[i + 1];
      if (name.startsWith('--') && arg.startsWith(`${name}=`)) return arg.slice(name.length + 1);
      if (!name.startsWith('--') && arg.startsWith(name) && arg.length > name.length)
        return arg.slice(name.length);
    }
  }
  return undefined;
}

function serviceEnv(service: Service, key: string): string | undefined {
  const binding = service.env.find((e) => e.key === key);
  return binding?.source.kind === 'value' ? binding.source.value.reveal() : undefined;
}

/** RAM and CPU of the service's plan (Render, from the catalog) or machine size (Fly `[[vm]]`). */
export function planResources(service: Service): { memoryMb?: Figure; cpus?: Figure } {
  const { memoryMb, cpus } = service.settings;
  if (typeof memoryMb?.value === 'number') {
    const note = `${service.platform} machine size`;
    return {
      memoryMb: { value: memoryMb.value, source: 'read', note },
      ...(typeof cpus?.value === 'number'
        ? { cpus: { value: cpus.value, source: 'read' as const, note } }
        : {}),
    };
  }
  if (service.platform !== 'render' || !service.plan) return {};
  const plan = RENDER_COMPUTE_PLANS[service.plan.name];
  if (!plan) return {};
  const note = `Render ${service.plan.name}${service.plan.explicit ? '' : ' (the default plan)'}`;
  return {
    memoryMb: { value: plan.value.memoryMb, source: service.plan.explicit ? 'read' : 'default', note },
    cpus: { value: plan.value.cpus, source: service.plan.explicit ? 'read' : 'default', note },
  };
}

/** Memory of one process: the config's figure, or Headroom's assumption for the runtime. */
export function memoryPerProcess(
  model: ProjectModel,
  service: Service,
  config: ServiceCapacityConfig & { defaultMb?: number },
): Figure {
  if (config.memoryPerProcessMb)
    return { value: config.memoryPerProcessMb, source: 'config', note: 'capacity in headroom.yml' };
  if (config.defaultMb)
    return { value: config.defaultMb, source: 'config', note: 'capacity.memoryPerProcessMb in headroom.yml' };
  const runtime = runtimeOf(model, service);
  const value = ASSUMED_PROCESS_MEMORY_MB.value[runtime];
  return {
    value,
    source: 'assumed',
    note: `~${value} MB per ${runtime === 'other' ? '' : `${runtime} `}process, Headroom's estimate (set capacity.memoryPerProcessMb)`,
  };
}

export function runtimeOf(model: ProjectModel, service: Service): 'python' | 'node' | 'ruby' | 'other' {
  const runtime = service.runtime?.value;
  if (runtime === 'python' || runtime === 'node' || runtime === 'ruby') return runtime;
  const ecosystems = new Set(dependenciesOf(model, service).map((d) => d.ecosystem));
  return ecosystems.has('pypi') ? 'python' : ecosystems.has('npm') ? 'node' : 'other';
}

/** Dependencies declared in the service's root directory (the repository root by default). */
export function dependenciesOf(model: ProjectModel, service: Service) {
  const inDirectory = (manifest: string) =>
    (manifest.includes('/') ? manifest.slice(0, manifest.lastIndexOf('/')) : '') === service.rootDir;
  return model.dependencies.filter((d) => inDirectory(d.manifest) && !d.dev);
}
