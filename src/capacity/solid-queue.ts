import { SOLID_QUEUE_WORKER_DEFAULTS } from '../catalog/servers.ts';
import { repositoryPath } from '../files/repository-path.ts';
import type { EnvTest, ProcessGroup, ProjectModel, ServerConfig, Service } from '../model/project-model.ts';
import type { Figure } from './capacity.ts';
import { type Invocation, invocationEnv, startInvocations } from './command.ts';
import { literalEnv, optionValue, resolveCount, serverConfigOf } from './processes.ts';

/** Processes of one kind the supervisor forks, and the connections each holds. */
interface SupervisedGroup {
  label: string;
  processes: Figure;
  connectionsEach: Figure;
}

/**
 * Solid Queue's supervisor as a service runs it: on its own (`bin/jobs`), or inside Puma through
 * `plugin :solid_queue`, where it forks beside the web workers in every instance.
 */
export interface SolidQueueRun {
  inPuma: boolean;
  /** The supervisor, its workers and its dispatchers. */
  groups: SupervisedGroup[];
  /** Processes per instance, supervisor included. */
  processes: Figure;
}

/** `bin/jobs`, `bin/jobs start`, `rails solid_queue:start`, `rake solid_queue:start`. */
function isSolidQueueSupervisor({ program, args }: Invocation): boolean {
  if (program === 'jobs') return args[0] === undefined || args[0] === 'start' || args[0].startsWith('-');
  return (program === 'rails' || program === 'rake') && args.includes('solid_queue:start');
}

/** How the service runs Solid Queue, if it does. */
export function solidQueueOf(model: ProjectModel, service: Service): SolidQueueRun | undefined {
  const serviceEnv = literalEnv(service);
  for (const invocation of startInvocations(model, service)) {
    const env = invocationEnv(serviceEnv, invocation);
    if (isSolidQueueSupervisor(invocation)) {
      const written =
        invocation.program === 'jobs' ? optionValue(invocation.args, ['-c', '--config_file']) : undefined;
      return supervisorRun(queueConfig(model, service, written ?? env.SOLID_QUEUE_CONFIG), env, false);
    }
    const server = serverConfigOf(model, service, invocation);
    if (server?.server !== 'puma') continue;
    const plugin = server.plugins.find((p) => p.name === 'solid_queue');
    if (plugin && holds(plugin.when, env))
      return supervisorRun(queueConfig(model, service, env.SOLID_QUEUE_CONFIG), env, true);
  }
  return undefined;
}

function queueConfig(
  model: ProjectModel,
  service: Service,
  written: string | undefined,
): ServerConfig | undefined {
  const path = repositoryPath(service.rootDir, written ?? 'config/queue.yml');
  return model.serverConfigs.find((config) => config.server === 'solid_queue' && config.path === path);
}

/** Ruby's truth: `ENV["X"]` is true when X is set at all, `"false"` included. */
function holds(test: EnvTest | undefined, env: Record<string, string>): boolean {
  if (!test) return true;
  const value = env[test.env];
  const result = test.equals === undefined ? value !== undefined : value === test.equals;
  return test.negated ? !result : result;
}

/** What a queue.yml lists, or Solid Queue's defaults when there is none. */
type Declared = Pick<ProcessGroup, 'role' | 'processes' | 'threads'> & { line?: number };

function supervisorRun(
  config: ServerConfig | undefined,
  env: Record<string, string>,
  inPuma: boolean,
): SolidQueueRun {
  const defaults = SOLID_QUEUE_WORKER_DEFAULTS.value;
  const declared: Declared[] = config?.processGroups?.map((g) => ({ ...g, line: g.location.line })) ?? [
    { role: 'workers', processes: { value: defaults.workers } },
    { role: 'dispatchers', processes: { value: defaults.dispatchers } },
  ];
  const groups: SupervisedGroup[] = [
    {
      label: 'Solid Queue supervisor',
      processes: { value: 1, source: 'default', note: 'one supervisor' },
      connectionsEach: { value: 1, source: 'default', note: 'its heartbeat' },
    },
  ];
  for (const group of declared) {
    const processes = processesFigure(group, env, config);
    if (group.role === 'dispatchers') {
      groups.push({
        label: 'Solid Queue dispatcher',
        processes,
        connectionsEach: { value: 2, source: 'default', note: 'polling and heartbeat' },
      });
      continue;
    }
    const threads = group.threads ? resolveCount(group.threads, env, undefined) : undefined;
    const threadCount = threads?.value ?? defaults.threads;
    groups.push({
      label: 'Solid Queue workers',
      processes,
      connectionsEach: {
        value: threadCount + defaults.connectionsBeyondThreads,
        source: threads ? threads.source : 'default',
        note: `${threadCount} job threads${threads ? threads.how : " (Solid Queue's default)"} + ${defaults.connectionsBeyondThreads} for polling and heartbeat`,
      },
    });
  }
  const total = groups.reduce((sum, g) => sum + g.processes.value, 0);
  const summary = groups.map((g) => `${g.processes.value} ${g.label.replace('Solid Queue ', '')}`).join(', ');
  return {
    inPuma,
    groups,
    processes: {
      value: total,
      source: config ? 'read' : 'default',
      note: `Solid Queue: ${summary} (${config ? config.path : 'no config/queue.yml: its defaults'})`,
    },
  };
}

function processesFigure(
  group: Declared,
  env: Record<string, string>,
  config: ServerConfig | undefined,
): Figure {
  const resolved = resolveCount(group.processes, env, undefined);
  const at = config ? ` (${config.path}:${group.line})` : '';
  if (!resolved) return { value: 1, source: 'assumed', note: `count not readable${at}: 1 assumed` };
  return {
    value: resolved.value,
    source: config ? resolved.source : 'default',
    note: `${resolved.value}${resolved.how}${at}`,
  };
}
