import { repositoryPath } from '../../files/repository-path.ts';
import type { Diagnostic } from '../../model/location.ts';
import type { Service, ServiceKind } from '../../model/project-model.ts';
import { isInfrastructureImage } from '../infrastructure-images.ts';
import type { LocatedNode } from '../located-yaml.ts';
import { planOf, problem, type Settings, settingsOf, text } from './blueprint-values.ts';
import { type EnvGroups, readServiceEnv } from './env-vars.ts';

const SERVICE_KINDS: Record<string, ServiceKind> = {
  web: 'web',
  worker: 'worker',
  pserv: 'private',
  cron: 'cron',
};

/** Omitted `plan` on a new service (platform-facts §1.5). */
const DEFAULT_SERVICE_PLAN = 'starter';

const SETTINGS = [
  'region',
  'preDeployCommand',
  'autoDeployTrigger',
  'autoDeploy',
  'dockerfilePath',
  'maxShutdownDelaySeconds',
  'schedule',
  'staticPublishPath',
] as const;

/** A web, private, worker, cron service or static site; undefined (with a diagnostic) otherwise. */
export function readService(
  node: LocatedNode,
  name: string,
  type: string | undefined,
  scope: Settings,
  groups: EnvGroups,
  diagnostics: Diagnostic[],
): Service | undefined {
  const runtime = text(node.get('runtime') ?? node.get('env'));
  const isStatic = runtime?.value === 'static';
  const kind = isStatic ? 'static' : type === undefined ? undefined : SERVICE_KINDS[type];
  if (!kind) {
    diagnostics.push(
      problem(
        node.get('type')?.location ?? node.location,
        `Service ${name} has ${type === undefined ? 'no `type`' : `the unknown type \`${type}\``}; expected web, pserv, worker, cron or keyvalue. It was not read.`,
      ),
    );
    return undefined;
  }
  if (kind === 'private' && runsInfrastructure(node, name)) return undefined;
  const service: Service = {
    id: `service:${name}`,
    name,
    platform: 'render',
    kind,
    instances: instancesOf(node, name, diagnostics),
    env: readServiceEnv(node, groups, diagnostics),
    rootDir: normalizeRootDir(node.get('rootDir')?.string() ?? ''),
    settings: { ...scope, ...settingsOf(node, SETTINGS), ...scalingTargets(node) },
    location: node.location,
  };
  if (runtime) service.runtime = runtime;
  if (runtime?.value === 'docker' && !node.get('image')) service.image = renderImage(node, service.rootDir);
  // Static sites have no plan: they are always free (platform-facts §1.3).
  if (!isStatic) service.plan = planOf(node, DEFAULT_SERVICE_PLAN);
  const start = text(node.get('startCommand') ?? node.get('dockerCommand'));
  if (start) service.startCommand = start;
  const build = text(node.get('buildCommand'));
  if (build) service.buildCommand = build;
  const health = text(node.get('healthCheckPath'));
  if (health) service.healthCheckPath = health;
  const disk = node.get('disk');
  if (disk?.isMap) {
    const sizeGB = disk.get('sizeGB')?.number();
    const mountPath = disk.get('mountPath')?.string();
    service.disk = {
      location: disk.location,
      ...(sizeGB !== undefined ? { sizeGB } : {}),
      ...(mountPath ? { mountPath } : {}),
    };
  }
  return service;
}

/** `scaling` wins over `numInstances`, which Render then ignores (platform-facts §1.5). */
function instancesOf(node: LocatedNode, name: string, diagnostics: Diagnostic[]): Service['instances'] {
  const scaling = node.get('scaling');
  if (scaling?.isMap) {
    const min =
      positiveInteger(scaling.get('minInstances'), `${name}: scaling.minInstances`, diagnostics) ?? 1;
    const max =
      positiveInteger(scaling.get('maxInstances'), `${name}: scaling.maxInstances`, diagnostics) ?? min;
    if (max < min)
      diagnostics.push(
        problem(
          scaling.location,
          `Service ${name}: maxInstances (${max}) is below minInstances (${min}); ${min} is assumed.`,
        ),
      );
    return { min, max: Math.max(min, max), autoscaling: true, location: scaling.location };
  }
  const count = node.get('numInstances');
  const instances = positiveInteger(count, `${name}: numInstances`, diagnostics) ?? 1;
  return { min: instances, max: instances, autoscaling: false, location: count?.location ?? node.location };
}

function positiveInteger(
  node: LocatedNode | undefined,
  what: string,
  diagnostics: Diagnostic[],
): number | undefined {
  if (!node) return undefined;
  const value = node.number();
  if (value !== undefined && Number.isInteger(value) && value >= 1) return value;
  diagnostics.push(
    problem(
      node.location,
      `Service ${what} must be a whole number of at least 1, not \`${node.string() ?? '(empty)'}\`; the default was assumed.`,
    ),
  );
  return undefined;
}

function scalingTargets(node: LocatedNode): Settings {
  const scaling = node.get('scaling');
  return scaling ? settingsOf(scaling, ['targetCPUPercent', 'targetMemoryPercent']) : {};
}

/** `./apps/api/` → `apps/api`, the form the rest of the model uses for directories. */
function normalizeRootDir(rootDir: string): string {
  return rootDir
    .split('/')
    .filter((part) => part !== '' && part !== '.')
    .join('/');
}

/**
 * A private service that runs a datastore or a tool (forem's blueprint runs Redis and
 * Elasticsearch as pservs, from `repo: …/redis.git` and `dockerContext: ./elasticsearch`): no
 * app process to count, no health check or error tracker to ask of it.
 */
function runsInfrastructure(node: LocatedNode, name: string): boolean {
  const last = (path: string | undefined) =>
    path
      ?.replace(/\.git$/, '')
      .replace(/\/+$/, '')
      .split('/')
      .at(-1);
  const names = [
    name,
    node.get('image')?.get('url')?.string(),
    last(node.get('repo')?.string()),
    last(node.get('dockerContext')?.string()),
  ];
  return names.some((candidate) => candidate !== undefined && isInfrastructureImage(candidate));
}

/**
 * What a Docker service builds: `dockerContext` (default: the root directory) and `dockerfilePath`
 * (default: `Dockerfile` there), both relative to the repository root.
 */
function renderImage(node: LocatedNode, rootDir: string): { dockerfile: string; context: string } {
  const context = repositoryPath('', node.get('dockerContext')?.string() ?? rootDir);
  const dockerfile = node.get('dockerfilePath')?.string();
  return {
    context,
    dockerfile: dockerfile ? repositoryPath('', dockerfile) : repositoryPath(context, 'Dockerfile'),
  };
}
