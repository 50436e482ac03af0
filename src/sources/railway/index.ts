import type { Diagnostic, Location } from '../../model/location.ts';
import type { ModelFragment, Service } from '../../model/project-model.ts';
import { asRecord, parseLocatedToml } from '../located-toml.ts';
import { type LocatedNode, parseLocatedYaml } from '../located-yaml.ts';
import { baseService, defaultName, directoryOf } from '../service-shape.ts';
import type { Source } from '../source.ts';

/**
 * `railway.json` / `railway.toml` (config as code, platform-facts §4.4): one service per file,
 * with its start command, replicas (`numReplicas`, or the sum over `multiRegionConfig`), app
 * sleeping, health check, restart policy and cron schedule.
 */
export const railwaySource: Source = {
  id: 'railway',
  matches: (path) => /(^|\/)railway\.(json|toml)$/.test(path),
  read(files) {
    const fragment: Required<Pick<ModelFragment, 'services' | 'diagnostics'>> = {
      services: [],
      diagnostics: [],
    };
    for (const file of files) {
      const config = file.path.endsWith('.toml')
        ? tomlConfig(file.path, file.text, fragment.diagnostics)
        : jsonConfig(file.path, file.text, fragment.diagnostics);
      if (config) fragment.services.push(readService(file.path, config, fragment.diagnostics));
    }
    return fragment;
  },
};

/** A value of the config with where it was written, whichever the file's syntax. */
interface Field {
  value: unknown;
  location: Location;
}
type Lookup = (dotted: string) => Field | undefined;

function readService(path: string, field: Lookup, diagnostics: Diagnostic[]): Service {
  const deploy = field('deploy') ?? (field('') as Field);
  const cron = field('deploy.cronSchedule');
  const service = baseService(
    'railway',
    defaultName(path, 'railway'),
    typeof cron?.value === 'string' && cron.value ? 'cron' : 'web',
    deploy.location,
    directoryOf(path),
  );
  const text = (key: string) => {
    const found = field(key);
    return typeof found?.value === 'string' && found.value
      ? { value: found.value, location: found.location }
      : undefined;
  };
  const start = text('deploy.startCommand');
  if (start) service.startCommand = start;
  const build = text('build.buildCommand');
  if (build) service.buildCommand = build;
  const health = text('deploy.healthcheckPath');
  if (health) service.healthCheckPath = health;
  const replicas = replicaCount(field, diagnostics);
  if (replicas)
    service.instances = {
      min: replicas.value,
      max: replicas.value,
      autoscaling: false,
      location: replicas.location,
    };
  for (const key of ['sleepApplication', 'restartPolicyType', 'restartPolicyMaxRetries', 'cronSchedule']) {
    const found = field(`deploy.${key}`);
    const value = found?.value;
    if (found && (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'))
      service.settings[key] = { value, location: found.location };
  }
  const preDeploy = field('deploy.preDeployCommand');
  const preDeployText = Array.isArray(preDeploy?.value) ? preDeploy.value.join(' && ') : preDeploy?.value;
  if (preDeploy && typeof preDeployText === 'string' && preDeployText)
    service.settings.preDeployCommand = { value: preDeployText, location: preDeploy.location };
  return service;
}

/** `multiRegionConfig` (the current form) sums its regions' replicas; else `numReplicas`. */
function replicaCount(
  field: Lookup,
  diagnostics: Diagnostic[],
): { value: number; location: Location } | undefined {
  const regions = field('deploy.multiRegionConfig');
  const perRegion = Object.entries(asRecord(regions?.value));
  if (regions && perRegion.length) {
    const value = perRegion.reduce((sum, [region, config]) => {
      const replicas = asRecord(config).numReplicas ?? 1;
      return (
        sum +
        wholeNumber(replicas, field(`deploy.multiRegionConfig.${region}.numReplicas`) ?? regions, diagnostics)
      );
    }, 0);
    return { value, location: regions.location };
  }
  const replicas = field('deploy.numReplicas');
  return replicas
    ? { value: wholeNumber(replicas.value, replicas, diagnostics), location: replicas.location }
    : undefined;
}

function wholeNumber(value: unknown, at: Field, diagnostics: Diagnostic[]): number {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return value;
  diagnostics.push({
    severity: 'warning',
    origin: 'railway',
    message: `numReplicas ${JSON.stringify(value)} is not a whole number; Headroom counted 1 replica.`,
    location: at.location,
  });
  return 1;
}

function jsonConfig(path: string, text: string, diagnostics: Diagnostic[]): Lookup | undefined {
  const { root, diagnostics: found } = parseLocatedYaml(path, text, 'railway');
  diagnostics.push(...found);
  if (!root) return undefined;
  if (!root.isMap) {
    diagnostics.push({
      severity: 'error',
      origin: 'railway',
      message: `${path} should hold a JSON object with \`build\` and \`deploy\`; it was skipped.`,
      location: root.location,
    });
    return undefined;
  }
  return (dotted) => {
    let node: LocatedNode | undefined = root;
    for (const key of dotted ? dotted.split('.') : []) node = node?.get(key);
    return node ? { value: node.node?.toJSON(), location: node.location } : undefined;
  };
}

function tomlConfig(path: string, text: string, diagnostics: Diagnostic[]): Lookup | undefined {
  const { toml, diagnostics: found } = parseLocatedToml(path, text, 'railway');
  diagnostics.push(...found);
  if (!toml) return undefined;
  return (dotted) => {
    let value: unknown = toml.data;
    for (const key of dotted ? dotted.split('.') : []) value = asRecord(value)[key];
    return value === undefined ? undefined : { value, location: { path, line: toml.lineOf(dotted) } };
  };
}
