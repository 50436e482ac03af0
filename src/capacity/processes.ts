import { ASSUMED_PROCESS_MEMORY_MB, type RuntimeFamily } from '../catalog/process-memory.ts';
import { RENDER_COMPUTE_PLANS } from '../catalog/render.ts';
import {
  CELERY_DEFAULT_CONCURRENCY,
  GUNICORN_DEFAULT_WORKERS,
  HYPERCORN_DEFAULT_WORKERS,
  PM2_MAX_INSTANCES,
  PUMA_DEFAULT_WORKERS,
  PUMA_READS_WEB_CONCURRENCY,
  UVICORN_DEFAULT_WORKERS,
  WEB_CONCURRENCY_READERS,
} from '../catalog/servers.ts';
import { repositoryPath } from '../files/repository-path.ts';
import type { ConfigCount, ProjectModel, ServerConfig, Service } from '../model/project-model.ts';
import type { Figure, ServiceCapacityConfig } from './capacity.ts';
import { expandWord, type Invocation, invocationEnv, invocationsOf, startInvocations } from './command.ts';

/** Whole CPUs a process manager or runtime sees on a plan: max(1, floor(CPUs)). */
export function wholeCpus(cpus: number | undefined): number {
  return Math.max(1, Math.floor(cpus ?? 1));
}

/** Worker processes per instance, read from the start command where it says. */
export function processesOf(
  model: ProjectModel,
  service: Service,
  config: ServiceCapacityConfig = {},
  cpus: number | undefined = planResources(service).cpus?.value,
): Figure {
  if (config.processes)
    return { value: config.processes, source: 'config', note: 'capacity.services in headroom.yml' };
  const serviceEnv = literalEnv(service);
  const invocations = startInvocations(model, service);
  for (const invocation of invocations) {
    const env = invocationEnv(serviceEnv, invocation);
    const figure = serverProcesses(invocation, env, cpus, serverConfigOf(model, service, invocation));
    if (figure) return figure;
  }
  const last = invocations.at(-1);
  // With no command to read (an image whose CMD is not in the repository), the count is a guess.
  if (!last)
    return { value: 1, source: 'assumed', note: 'no start command in the repository: 1 process assumed' };
  // An interpreter runs one process; a binary Headroom does not know (a Go server, a process
  // manager such as navigator) may run any number, and saying "one" would be a guess.
  if (SINGLE_PROCESS_PROGRAMS.test(last.program))
    return {
      value: 1,
      source: 'default',
      note: `one process: \`${[last.program, ...last.args].join(' ')}\``,
    };
  return {
    value: 1,
    source: 'assumed',
    note: `\`${last.program}\` is not a server Headroom knows: 1 process assumed`,
  };
}

/** Interpreters and runtimes that run the script they are given in one process. */
const SINGLE_PROCESS_PROGRAMS =
  /^(node|nodejs|bun|deno|tsx|ts-node|ruby|php|python[\d.]*|rackup|thin|manage\.py|flask|celery|sidekiq|rq|dramatiq|huey|arq)$/;

/** The processes one server invocation starts, or `undefined` when it is not a known server. */
function serverProcesses(
  invocation: Invocation,
  env: Record<string, string>,
  cpus: number | undefined,
  config: ServerConfig | undefined,
): Figure | undefined {
  const { program } = invocation;
  // Gunicorn also takes options from GUNICORN_CMD_ARGS; the command line wins.
  const args =
    program === 'gunicorn' && env.GUNICORN_CMD_ARGS
      ? [...(invocationsOf(`x ${env.GUNICORN_CMD_ARGS}`)[0]?.args ?? []), ...invocation.args]
      : invocation.args;
  const option = (...names: string[]) => {
    const written = optionValue(args, names);
    return written === undefined ? undefined : { written, value: expandWord(written, env) };
  };
  const count = (value: string | undefined) =>
    value !== undefined && /^\d+$/.test(value) && Number(value) > 0 ? Number(value) : undefined;
  const fromOption = (names: string[], label: string): Figure | undefined => {
    const found = option(...names);
    const value = count(found?.value);
    if (!found || value === undefined) return undefined;
    const how = found.written === found.value ? '' : ` (${found.written})`;
    return { value, source: 'read', note: `${label} ${value}${how}` };
  };
  const fromWebConcurrency = (): Figure | undefined => {
    const value = count(env.WEB_CONCURRENCY);
    return value && WEB_CONCURRENCY_READERS.value.includes(program)
      ? { value, source: 'read', note: `WEB_CONCURRENCY=${value}, read by ${program}` }
      : undefined;
  };
  const perCpu = (perCpuFactor: number, how: string): Figure => ({
    value: Math.max(1, wholeCpus(cpus) * perCpuFactor),
    source: cpus === undefined ? 'assumed' : 'default',
    note: `${how}: ${cpus === undefined ? 'CPU count unknown, 1 assumed' : `${wholeCpus(cpus)} whole CPU(s) of the plan`}`,
  });
  switch (program) {
    case 'gunicorn':
      // The command line (GUNICORN_CMD_ARGS included) wins over the config file, which wins over
      // WEB_CONCURRENCY, gunicorn's default for `workers`.
      return (
        fromOption(['-w', '--workers'], 'gunicorn --workers') ??
        configuredWorkers(config, env, cpus) ??
        fromWebConcurrency() ?? {
          value: GUNICORN_DEFAULT_WORKERS.value,
          source: 'default',
          note: `gunicorn's default of ${GUNICORN_DEFAULT_WORKERS.value} worker${config ? `: ${config.path} sets none` : ''}`,
        }
      );
    case 'uwsgi':
      return (
        fromOption(['-p', '--processes', '--workers'], 'uwsgi --processes') ??
        configuredWorkers(config, env, cpus) ?? {
          value: 1,
          source: 'default',
          note: `uwsgi runs 1 worker unless --processes${config ? `: ${config.path} sets none` : ''}`,
        }
      );
    case 'uvicorn':
      return (
        fromOption(['--workers'], 'uvicorn --workers') ??
        fromWebConcurrency() ?? {
          value: UVICORN_DEFAULT_WORKERS.value,
          source: 'default',
          note: 'uvicorn runs 1 process unless --workers',
        }
      );
    case 'fastapi':
      // fastapi-cli's `run` starts uvicorn with the workers it is given (`fastapi dev` is the laptop's).
      if (args[0] !== 'run') return undefined;
      return (
        fromOption(['--workers'], 'fastapi run --workers') ?? {
          value: UVICORN_DEFAULT_WORKERS.value,
          source: 'default',
          note: 'fastapi run starts uvicorn with 1 process unless --workers',
        }
      );
    case 'hypercorn':
      return (
        fromOption(['-w', '--workers'], 'hypercorn --workers') ?? {
          value: HYPERCORN_DEFAULT_WORKERS.value,
          source: 'default',
          note: 'hypercorn runs 1 worker unless --workers',
        }
      );
    case 'celery': {
      if (!args.includes('worker')) return { value: 1, source: 'read', note: 'celery beat/other: 1 process' };
      const pool = option('-P', '--pool')?.value;
      if (pool && pool !== 'prefork' && pool !== 'processes')
        return { value: 1, source: 'read', note: `celery --pool ${pool} runs in one process` };
      return (
        fromOption(['-c', '--concurrency'], 'celery --concurrency') ??
        perCpu(CELERY_DEFAULT_CONCURRENCY.value.perCpu, 'celery default concurrency = CPUs')
      );
    }
    case 'rails':
    case 'rails.rb':
      if (invocation.args[0] !== 's' && invocation.args[0] !== 'server') return undefined;
      // A Rails app always has a config/puma.rb; without one here, the app's code is in an image.
      return config
        ? pumaProcesses(config, env, cpus)
        : {
            value: PUMA_DEFAULT_WORKERS.value,
            source: 'assumed',
            note: 'rails server loads a config/puma.rb that is not in the repository: its workers are unknown',
          };
    case 'puma':
      return (
        fromOption(['-w', '--workers'], 'puma --workers') ??
        (config && pumaProcesses(config, env, cpus)) ?? {
          value: PUMA_DEFAULT_WORKERS.value,
          source: 'default',
          note: 'puma runs single mode unless --workers, and there is no config/puma.rb',
        }
      );
    case 'pm2':
    case 'pm2-runtime': {
      const instances = option('-i', '--instances')?.value;
      if (instances === 'max' || instances === '0')
        return perCpu(PM2_MAX_INSTANCES.value.perCpu, `pm2 -i ${instances}`);
      if (instances === '-1') {
        const all = perCpu(PM2_MAX_INSTANCES.value.perCpu, 'pm2 -i -1 = CPUs − 1');
        return { ...all, value: Math.max(1, all.value - 1) };
      }
      return (
        fromOption(['-i', '--instances'], 'pm2 -i') ?? {
          value: 1,
          source: 'default',
          note: 'pm2 without -i runs 1 process; an ecosystem file is not read',
        }
      );
    }
    case 'next':
      return args[0] === 'start'
        ? { value: 1, source: 'default', note: 'next start runs one Node.js process' }
        : undefined;
    default:
      return undefined;
  }
}

/**
 * The server config an invocation loads: `puma -C file`, else `config/puma.rb`, which `puma` and
 * `rails server` both load; `gunicorn -c file`, else `gunicorn.conf.py`, which gunicorn reads from
 * the folder it starts in. Paths are the service's folder's. `undefined` for other programs, and
 * when the file is not in the repository.
 */
export function serverConfigOf(
  model: ProjectModel,
  service: Service,
  invocation: Invocation,
): ServerConfig | undefined {
  const { program, args } = invocation;
  const rails = (program === 'rails' || program === 'rails.rb') && (args[0] === 's' || args[0] === 'server');
  const server = rails
    ? 'puma'
    : program in CONFIG_FILES
      ? (program as keyof typeof CONFIG_FILES)
      : undefined;
  if (!server) return undefined;
  const files = CONFIG_FILES[server];
  const written = rails
    ? undefined
    : (optionValue(args, files.options) ??
      (server === 'uwsgi' ? args.find((arg) => arg.endsWith('.ini')) : undefined));
  const file = written ?? files.default;
  if (!file) return undefined;
  const path = repositoryPath(service.rootDir, file);
  return model.serverConfigs.find((config) => config.server === server && config.path === path);
}

/**
 * The option that names each server's config file, and the file it loads from the folder it
 * starts in when none does (`uwsgi app.ini` loads only the file it is given). Solid Queue's
 * supervisor is not a program of its own name (`bin/jobs`, a Puma plugin): solid-queue.ts finds its file.
 */
const CONFIG_FILES: Record<
  Exclude<ServerConfig['server'], 'solid_queue'>,
  { options: string[]; default?: string }
> = {
  puma: { options: ['-C', '--config'], default: 'config/puma.rb' },
  gunicorn: { options: ['-c', '--config'], default: 'gunicorn.conf.py' },
  sidekiq: { options: ['-C', '--config'], default: 'config/sidekiq.yml' },
  uwsgi: { options: ['--ini'] },
};

/** The workers a server's config file sets, with the service's env applied. */
function configuredWorkers(
  config: ServerConfig | undefined,
  env: Record<string, string>,
  cpus: number | undefined,
): Figure | undefined {
  if (!config?.workers) return undefined;
  const resolved = resolveCount(config.workers.count, env, cpus);
  return resolved
    ? {
        value: resolved.value,
        source: resolved.source,
        note: `${config.server} workers ${resolved.value}${resolved.how} (${config.path}:${config.workers.location.line})`,
      }
    : undefined;
}

/** Puma's workers as its config sets them, or WEB_CONCURRENCY, which Puma reads itself. */
function pumaProcesses(config: ServerConfig, env: Record<string, string>, cpus: number | undefined): Figure {
  const concurrency = resolveCount({ env: 'WEB_CONCURRENCY' }, env, cpus);
  return (
    configuredWorkers(config, env, cpus) ??
    (concurrency
      ? {
          value: concurrency.value,
          source: concurrency.source,
          note: `puma workers ${concurrency.value}${concurrency.how}, read by puma`,
        }
      : {
          value: PUMA_DEFAULT_WORKERS.value,
          source: 'default',
          note: `puma runs single mode: ${config.path} sets no workers${PUMA_READS_WEB_CONCURRENCY.value ? ' and WEB_CONCURRENCY is not set' : ''}`,
        })
  );
}

/**
 * A config count with the service's env applied. `how` says where the number came from
 * (` (WEB_CONCURRENCY=4)`, ` (2 × 1 CPU + 1)`, empty for a literal); a count per CPU is
 * `assumed` when the plan's CPUs are unknown.
 */
export function resolveCount(
  count: ConfigCount,
  env: Record<string, string | undefined>,
  cpus: number | undefined,
): { value: number; how: string; source: Figure['source'] } | undefined {
  const resolved = resolveCountBare(count, env, cpus);
  return resolved && { ...resolved, how: resolved.how ? ` (${resolved.how})` : '' };
}

function resolveCountBare(
  count: ConfigCount,
  env: Record<string, string | undefined>,
  cpus: number | undefined,
): { value: number; how: string; source: Figure['source'] } | undefined {
  if ('value' in count) return { value: count.value, how: '', source: 'read' };
  if ('perCpu' in count) {
    const whole = wholeCpus(cpus);
    return {
      value: Math.max(1, whole * count.perCpu + count.plus),
      how: `${count.perCpu} × ${whole} CPU${count.plus ? ` + ${count.plus}` : ''}${cpus === undefined ? ', CPU count unknown' : ''}`,
      source: cpus === undefined ? 'assumed' : 'read',
    };
  }
  const set = env[count.env];
  if (set === 'auto') {
    const auto = resolveCountBare({ perCpu: 1, plus: 0 }, env, cpus);
    return auto && { ...auto, how: `${count.env}=auto: ${auto.how}` };
  }
  if (set !== undefined && /^\d+$/.test(set) && Number(set) > 0)
    return { value: Number(set), how: `${count.env}=${set}`, source: 'read' };
  const fallback = count.otherwise && resolveCountBare(count.otherwise, env, cpus);
  return fallback ? { ...fallback, how: `${count.env} unset: ${fallback.how || 'default'}` } : undefined;
}

/** `-w 4`, `-w4`, `--workers 4`, `--workers=4`. */
export function optionValue(args: readonly string[], names: readonly string[]): string | undefined {
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

/** Env vars the hosting config sets to a literal value on the service. */
export function literalEnv(service: Service): Record<string, string> {
  const env: Record<string, string> = {};
  for (const binding of service.env)
    if (binding.source.kind === 'value') env[binding.key] = binding.source.value.reveal();
  return env;
}

/** RAM and CPU of the service's plan (Render, from the catalog) or machine size (Fly `[[vm]]`). */
export function planResources(service: Service): { memoryMb?: Figure; cpus?: Figure; note?: string } {
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
  if (service.platform !== 'render' || !service.plan)
    return { note: `no plan size Headroom can read for ${service.platform}: RAM and CPU unknown` };
  const plan = RENDER_COMPUTE_PLANS[service.plan.name];
  if (!plan)
    return { note: `Render plan "${service.plan.name}" is not in Headroom's catalog: RAM and CPU unknown` };
  const note = `Render ${service.plan.name}${service.plan.explicit ? '' : ' (the default plan)'}`;
  const source = service.plan.explicit ? 'read' : 'default';
  return {
    memoryMb: { value: plan.value.memoryMb, source, note },
    cpus: { value: plan.value.cpus, source, note },
  };
}

/** Memory of one process: the config's figure, or Headroom's assumption for the runtime. */
export function memoryPerProcess(
  model: ProjectModel,
  service: Service,
  config: ServiceCapacityConfig & { defaultMb?: number },
): Figure {
  if (config.memoryPerProcessMb)
    return {
      value: config.memoryPerProcessMb,
      source: 'config',
      note: `capacity.services.${service.name}.memoryPerProcessMb in headroom.yml`,
    };
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

export function runtimeOf(model: ProjectModel, service: Service): RuntimeFamily {
  const runtime = service.runtime?.value;
  if (runtime === 'python' || runtime === 'node' || runtime === 'ruby') return runtime;
  const ecosystems = new Set(dependenciesOf(model, service).map((d) => d.ecosystem));
  if (ecosystems.has('rubygems')) return 'ruby';
  return ecosystems.has('pypi') ? 'python' : ecosystems.has('npm') ? 'node' : 'other';
}

/** Dependencies declared in the service's root directory (the repository root by default). */
export function dependenciesOf(model: ProjectModel, service: Service) {
  const inDirectory = (manifest: string) =>
    (manifest.includes('/') ? manifest.slice(0, manifest.lastIndexOf('/')) : '') === service.rootDir;
  return model.dependencies.filter((d) => inDirectory(d.manifest) && !d.dev);
}
