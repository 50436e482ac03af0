import { CLIENT_POOL_DEFAULTS } from '../catalog/drivers.ts';
import {
  PRISMA_7_PG_ADAPTER_POOL,
  PRISMA_DEFAULT_POOL,
  PRISMA_DRIVER_ADAPTERS_SINCE_MAJOR,
} from '../catalog/prisma.ts';
import { GOOD_JOB_DEFAULT_MAX_THREADS, SIDEKIQ_DEFAULT_CONCURRENCY } from '../catalog/servers.ts';
import type {
  ConnectionUrl,
  Dependency,
  ProjectModel,
  ServerConfig,
  Service,
} from '../model/project-model.ts';
import type { Figure, ServiceCapacityConfig } from './capacity.ts';
import { expandWord, type Invocation, invocationEnv, startInvocations } from './command.ts';
import {
  dependenciesOf,
  literalEnv,
  optionValue,
  resolveCount,
  serverConfigOf,
  wholeCpus,
} from './processes.ts';

/** How a service's Prisma client reaches the database, when it uses Prisma. */
export type PrismaClientKind = 'engine' | 'pg-adapter' | 'other-adapter';

/**
 * Prisma ≤ 6 pools in its query engine (`connection_limit`, `pgbouncer=true` apply). Prisma 7 — or
 * any version given a driver adapter — pools in the driver, where those URL parameters do nothing.
 */
export function prismaClientKind(dependencies: readonly Dependency[]): PrismaClientKind | undefined {
  const names = new Set(dependencies.map((d) => d.name));
  if (names.has('@prisma/adapter-pg')) return 'pg-adapter';
  if ([...names].some((name) => name.startsWith('@prisma/adapter-'))) return 'other-adapter';
  const client = dependencies.find((d) => d.name === '@prisma/client' || d.name === 'prisma');
  if (!client) return undefined;
  return majorOf(client.version) >= PRISMA_DRIVER_ADAPTERS_SINCE_MAJOR.value ? 'other-adapter' : 'engine';
}

/** Major version of a range as written (`^6.1.0`, `~7.0`, `6.x`); 0 when it cannot be read. */
function majorOf(range: string | undefined): number {
  const match = /(\d+)/.exec(range ?? '');
  return match ? Number(match[1]) : 0;
}

/**
 * Connections one process may open to Postgres: the config, the URL's `connection_limit` (only
 * Prisma's engine honours it), or the default of the client library the service depends on.
 */
export function poolSizeOf(
  model: ProjectModel,
  service: Service,
  cpus: number | undefined,
  url?: ConnectionUrl,
  config: ServiceCapacityConfig = {},
): Figure | undefined {
  if (config.poolSize)
    return {
      value: config.poolSize,
      source: 'config',
      note: `capacity.services.${service.name}.poolSize in headroom.yml`,
    };
  const threads = threadsOf(model, service);
  // Each thread serves one request and holds at most one connection of Active Record's pool
  // (Rails sizes `pool` to RAILS_MAX_THREADS): a process wants as many as it has threads.
  if (threads) return { ...threads, note: `${threads.note}, one connection each` };
  const dependencies = dependenciesOf(model, service);
  const prisma = prismaClientKind(dependencies);
  if (prisma === 'pg-adapter')
    return {
      value: PRISMA_7_PG_ADAPTER_POOL.value,
      source: 'default',
      note: `Prisma with @prisma/adapter-pg: node-postgres max ${PRISMA_7_PG_ADAPTER_POOL.value}`,
    };
  if (prisma === 'engine') {
    const limit = Number(url?.params.connection_limit);
    if (Number.isInteger(limit) && limit > 0)
      return { value: limit, source: 'read', note: `connection_limit=${limit}` };
    const whole = wholeCpus(cpus);
    const { perCpu, plus } = PRISMA_DEFAULT_POOL.value;
    return {
      value: whole * perCpu + plus,
      source: cpus === undefined ? 'assumed' : 'default',
      note: `Prisma default ${perCpu} × ${whole} CPU + ${plus}${cpus === undefined ? ' (CPU count unknown)' : ''}`,
    };
  }
  const names = new Set(dependencies.map((d) => d.name));
  const pool = CLIENT_POOL_DEFAULTS.find((p) => p.value.packages.some((name) => names.has(name)));
  if (!pool) return undefined;
  return { value: pool.value.size, source: 'default', note: `${pool.value.library} ${pool.value.detail}` };
}

/**
 * Threads per process that each hold a connection: the server config's request threads, or a job
 * runner's threads (Sidekiq's `-c`, GoodJob's `--max-threads`, else their defaults).
 */
export function threadsOf(model: ProjectModel, service: Service): Figure | undefined {
  for (const invocation of startInvocations(model, service)) {
    const config = serverConfigOf(model, service, invocation);
    const threads =
      invocation.program === 'sidekiq'
        ? sidekiqThreads(invocation, config, service)
        : invocation.program === 'good_job' && invocation.args[0] === 'start'
          ? goodJobThreads(invocation, service)
          : configuredThreads(config, service);
    if (threads) return threads;
  }
  return undefined;
}

/** A thread count given on the command line, `$VAR` expanded. */
function threadOption(invocation: Invocation, service: Service, names: string[]): number | undefined {
  const written = optionValue(invocation.args, names);
  return written === undefined
    ? undefined
    : positiveInteger(expandWord(written, invocationEnv(literalEnv(service), invocation)));
}

function positiveInteger(text: string | undefined): number | undefined {
  const value = Number(text);
  return text !== undefined && Number.isInteger(value) && value > 0 ? value : undefined;
}

function goodJobThreads(invocation: Invocation, service: Service): Figure {
  const option = threadOption(invocation, service, ['--max-threads']);
  if (option) return { value: option, source: 'read', note: `good_job --max-threads ${option}` };
  const fromEnv = positiveInteger(invocationEnv(literalEnv(service), invocation).GOOD_JOB_MAX_THREADS);
  if (fromEnv) return { value: fromEnv, source: 'read', note: `GOOD_JOB_MAX_THREADS=${fromEnv}` };
  return {
    value: GOOD_JOB_DEFAULT_MAX_THREADS.value,
    source: 'default',
    note: `good_job's default of ${GOOD_JOB_DEFAULT_MAX_THREADS.value} threads`,
  };
}

function sidekiqThreads(invocation: Invocation, config: ServerConfig | undefined, service: Service): Figure {
  const value = threadOption(invocation, service, ['-c', '--concurrency']);
  if (value) return { value, source: 'read', note: `sidekiq -c ${value}` };
  return (
    configuredThreads(config, service) ?? {
      value: SIDEKIQ_DEFAULT_CONCURRENCY.value,
      source: 'default',
      note: `sidekiq's default concurrency of ${SIDEKIQ_DEFAULT_CONCURRENCY.value} threads`,
    }
  );
}

function configuredThreads(config: ServerConfig | undefined, service: Service): Figure | undefined {
  if (!config?.threads) return undefined;
  const resolved = resolveCount(config.threads.count, literalEnv(service), undefined);
  if (!resolved || resolved.source === 'assumed') return undefined;
  return {
    value: resolved.value,
    source: resolved.source,
    note: `${config.server} threads ${resolved.value}${resolved.how} (${config.path}:${config.threads.location.line})`,
  };
}
