import type { ModelFragment } from '../../model/project-model.ts';
import { asRecord, parseLocatedToml } from '../located-toml.ts';
import { type LocatedNode, parseLocatedYaml } from '../located-yaml.ts';
import { baseService, defaultName, directoryOf } from '../service-shape.ts';
import type { Source } from '../source.ts';

/** `railway.json` / `railway.toml` (config as code): start command, replicas, sleep, health check, cron. */
export const railwaySource: Source = {
  id: 'railway',
  matches: (path) => /(^|\/)railway\.(json|toml)$/.test(path),
  read(files) {
    const fragment: Required<Pick<ModelFragment, 'services' | 'diagnostics'>> = {
      services: [],
      diagnostics: [],
    };
    for (const file of files) {
      const deploy = file.path.endsWith('.toml')
        ? tomlDeploy(file.path, file.text, fragment)
        : jsonDeploy(file.path, file.text, fragment);
      if (!deploy) continue;
      const service = baseService(
        'railway',
        defaultName(file.path, 'railway'),
        deploy.cron ? 'cron' : 'web',
        deploy.location,
        directoryOf(file.path),
      );
      if (deploy.startCommand) service.startCommand = deploy.startCommand;
      if (deploy.healthcheckPath) service.healthCheckPath = deploy.healthcheckPath;
      service.instances = {
        min: deploy.replicas,
        max: deploy.replicas,
        autoscaling: false,
        location: deploy.replicasLocation,
      };
      if (deploy.sleep) service.settings.sleepApplication = { value: true, location: deploy.sleep };
      fragment.services.push(service);
    }
    return fragment;
  },
};

interface Deploy {
  location: { path: string; line: number };
  startCommand?: { value: string; location: { path: string; line: number } };
  healthcheckPath?: { value: string; location: { path: string; line: number } };
  replicas: number;
  replicasLocation: { path: string; line: number };
  sleep?: { path: string; line: number };
  cron: boolean;
}

function jsonDeploy(
  path: string,
  text: string,
  fragment: Required<Pick<ModelFragment, 'diagnostics'>>,
): Deploy | undefined {
  const { root, diagnostics } = parseLocatedYaml(path, text, 'railway');
  fragment.diagnostics.push(...diagnostics);
  const deploy = root?.get('deploy');
  if (!root?.isMap) return undefined;
  const string = (node?: LocatedNode) => {
    const value = node?.string();
    return value === undefined || !node ? undefined : { value, location: node.location };
  };
  const regions = deploy?.get('multiRegionConfig')?.entries() ?? [];
  const replicas = regions.length
    ? regions.reduce((sum, [, region]) => sum + (region.get('numReplicas')?.number() ?? 1), 0)
    : (deploy?.get('numReplicas')?.number() ?? 1);
  const result: Deploy = {
    location: (deploy ?? root).location,
    replicas,
    replicasLocation: (deploy?.get('multiRegionConfig') ?? deploy?.get('numReplicas') ?? deploy ?? root)
      .location,
    cron: deploy?.get('cronSchedule') !== undefined,
  };
  const start = string(deploy?.get('startCommand'));
  if (start) result.startCommand = start;
  const health = string(deploy?.get('healthcheckPath'));
  if (health) result.healthcheckPath = health;
  if (deploy?.get('sleepApplication')?.boolean()) result.sleep = deploy.get('sleepApplication')?.location;
  return result;
}

function tomlDeploy(
  path: string,
  text: string,
  fragment: Required<Pick<ModelFragment, 'diagnostics'>>,
): Deploy | undefined {
  const { toml, diagnostics } = parseLocatedToml(path, text, 'railway');
  fragment.diagnostics.push(...diagnostics);
  if (!toml) return undefined;
  const deploy = asRecord(toml.data.deploy);
  const at = (key: string) => ({ path, line: toml.lineOf(`deploy.${key}`) });
  const regions = Object.values(asRecord(deploy.multiRegionConfig));
  const replicas = regions.length
    ? regions.reduce((sum: number, region) => sum + Number(asRecord(region).numReplicas ?? 1), 0)
    : Number(deploy.numReplicas ?? 1);
  const result: Deploy = {
    location: at(''),
    replicas,
    replicasLocation: at(regions.length ? 'multiRegionConfig' : 'numReplicas'),
    cron: deploy.cronSchedule !== undefined,
  };
  if (typeof deploy.startCommand === 'string')
    result.startCommand = { value: deploy.startCommand, location: at('startCommand') };
  if (typeof deploy.healthcheckPath === 'string')
    result.healthcheckPath = { value: deploy.healthcheckPath, location: at('healthcheckPath') };
  if (deploy.sleepApplication === true) result.sleep = at('sleepApplication');
  return result;
}
