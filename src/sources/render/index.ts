import type { Diagnostic, Location } from '../../model/location.ts';
import type {
  Connection,
  Datastore,
  EnvBinding,
  Located,
  ModelFragment,
  Service,
  ServiceKind,
} from '../../model/project-model.ts';
import { Secret } from '../../model/secret.ts';
import { type LocatedNode, parseLocatedYaml } from '../located-yaml.ts';
import { literalConnections } from '../service-shape.ts';
import type { Source } from '../source.ts';

const BLUEPRINT = /(^|\/)render\.ya?ml$/;

/** Blueprint service types; `redis` is the deprecated alias of `keyvalue` (platform-facts §1.3). */
const SERVICE_KINDS: Record<string, ServiceKind> = {
  web: 'web',
  worker: 'worker',
  pserv: 'private',
  cron: 'cron',
};

/** Render's defaults when `plan` is omitted (platform-facts §1.5, §1.9, §1.10). */
const DEFAULT_SERVICE_PLAN = 'starter';
const DEFAULT_DATABASE_PLAN = 'basic-256mb';
const DEFAULT_KEYVALUE_PLAN = 'starter';

/** Render Blueprints: services, databases and Key Value stores, with every value located. */
export const renderSource: Source = {
  id: 'render',
  matches: (path) => BLUEPRINT.test(path),
  read(files) {
    const fragment: Required<Pick<ModelFragment, 'services' | 'datastores' | 'connections' | 'diagnostics'>> =
      {
        services: [],
        datastores: [],
        connections: [],
        diagnostics: [],
      };
    for (const file of files) {
      const { root, diagnostics } = parseLocatedYaml(file.path, file.text, 'render');
      fragment.diagnostics.push(...diagnostics);
      if (!root) continue;
      if (!root.isMap) {
        fragment.diagnostics.push(
          problem(root.location, `${file.path} must be a mapping with \`services\` and \`databases\`.`),
        );
        continue;
      }
      readBlueprint(root, fragment);
    }
    return fragment;
  },
};

type Fragment = Required<Pick<ModelFragment, 'services' | 'datastores' | 'connections' | 'diagnostics'>>;

function readBlueprint(root: LocatedNode, fragment: Fragment): void {
  const groups = new Map<string, EnvBinding[]>();
  const scopes: LocatedNode[] = [root];
  for (const project of root.get('projects')?.items() ?? []) {
    for (const environment of project.get('environments')?.items() ?? []) scopes.push(environment);
  }
  const ungrouped = root.get('ungrouped');
  if (ungrouped) scopes.push(ungrouped);
  for (const scope of scopes) {
    for (const group of scope.get('envVarGroups')?.items() ?? []) {
      const name = group.get('name')?.string();
      if (name)
        groups.set(
          name,
          (group.get('envVars')?.items() ?? []).flatMap((item) => binding(item, fragment.diagnostics)),
        );
    }
  }
  for (const scope of scopes) {
    for (const node of scope.get('services')?.items() ?? []) readService(node, groups, fragment);
    for (const node of scope.get('databases')?.items() ?? []) readDatabase(node, fragment);
  }
}

function readService(node: LocatedNode, groups: Map<string, EnvBinding[]>, fragment: Fragment): void {
  const name = node.get('name')?.string();
  const type = node.get('type')?.string();
  if (!name) {
    fragment.diagnostics.push(problem(node.location, 'A Render service has no `name`; it was not read.'));
    return;
  }
  if (type === 'keyvalue' || type === 'redis') {
    fragment.datastores.push(readKeyValue(node, name));
    return;
  }
  const runtime = located(node.get('runtime') ?? node.get('env'), (n) => n.string());
  const staticSite = runtime?.value === 'static';
  const kind = staticSite ? 'static' : type ? SERVICE_KINDS[type] : undefined;
  if (!kind) {
    fragment.diagnostics.push(
      problem(
        node.get('type')?.location ?? node.location,
        `Service ${name} has an unknown type \`${type ?? '(none)'}\`; expected web, worker, pserv, cron or keyvalue.`,
      ),
    );
    return;
  }
  const env = (node.get('envVars')?.items() ?? []).flatMap((item) => {
    const groupName = item.get('fromGroup')?.string();
    return groupName ? (groups.get(groupName) ?? []) : binding(item, fragment.diagnostics);
  });
  const service: Service = {
    id: `service:${name}`,
    name,
    platform: 'render',
    kind,
    instances: instancesOf(node, name, fragment.diagnostics),
    env,
    rootDir:
      node
        .get('rootDir')
        ?.string()
        ?.replace(/^\.?\/?|\/$/g, '') ?? '',
    settings: settingsOf(node, [
      'region',
      'preDeployCommand',
      'autoDeployTrigger',
      'dockerfilePath',
      'maxShutdownDelaySeconds',
    ]),
    location: node.location,
  };
  if (runtime) service.runtime = runtime;
  if (!staticSite) service.plan = planOf(node, DEFAULT_SERVICE_PLAN);
  const start = located(node.get('startCommand') ?? node.get('dockerCommand'), (n) => n.string());
  if (start) service.startCommand = start;
  const build = located(node.get('buildCommand'), (n) => n.string());
  if (build) service.buildCommand = build;
  const health = located(node.get('healthCheckPath'), (n) => n.string());
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
  fragment.services.push(service);
  fragment.connections.push(...literalConnections(service));
}

function instancesOf(node: LocatedNode, name: string, diagnostics: Diagnostic[]): Service['instances'] {
  const scaling = node.get('scaling');
  if (scaling?.isMap) {
    const min = scaling.get('minInstances')?.number() ?? 1;
    const max = scaling.get('maxInstances')?.number() ?? min;
    return { min, max: Math.max(min, max), autoscaling: true, location: scaling.location };
  }
  const count = node.get('numInstances');
  const value = count?.number();
  if (count && (value === undefined || !Number.isInteger(value) || value < 1)) {
    diagnostics.push(
      problem(
        count.location,
        `Service ${name}: numInstances must be a whole number of at least 1; 1 is assumed.`,
      ),
    );
  }
  const instances = value !== undefined && Number.isInteger(value) && value >= 1 ? value : 1;
  return { min: instances, max: instances, autoscaling: false, location: count?.location ?? node.location };
}

function readKeyValue(node: LocatedNode, name: string): Datastore {
  const store: Datastore = {
    id: `keyvalue:${name}`,
    name,
    kind: 'redis',
    platform: 'render',
    plan: planOf(node, DEFAULT_KEYVALUE_PLAN),
    settings: settingsOf(node, ['region']),
    location: node.location,
  };
  const policy = located(node.get('maxmemoryPolicy'), (n) => n.string());
  if (policy) store.maxmemoryPolicy = policy;
  const allow = node.get('ipAllowList');
  if (allow)
    store.settings.ipAllowList = {
      value: allow.items().length === 0 ? 'internal' : 'open',
      location: allow.location,
    };
  return store;
}

function readDatabase(node: LocatedNode, fragment: Fragment): void {
  const name = node.get('name')?.string();
  if (!name) {
    fragment.diagnostics.push(problem(node.location, 'A Render database has no `name`; it was not read.'));
    return;
  }
  const database: Datastore = {
    id: `database:${name}`,
    name,
    kind: 'postgres',
    platform: 'render',
    plan: planOf(node, DEFAULT_DATABASE_PLAN),
    settings: settingsOf(node, ['region', 'postgresMajorVersion', 'diskSizeGB', 'databaseName']),
    location: node.location,
  };
  const pool = located(node.get('connectionPool'), (n) => n.string());
  if (pool && pool.value !== 'none') database.managedPooler = pool;
  const allow = node.get('ipAllowList');
  database.settings.ipAllowList = {
    value: !allow ? 'open' : allow.items().length === 0 ? 'internal' : 'open',
    location: allow?.location ?? node.location,
  };
  fragment.datastores.push(database);
}

function binding(item: LocatedNode, diagnostics: Diagnostic[]): EnvBinding[] {
  const key = item.get('key')?.string();
  if (!key) {
    if (!item.get('fromGroup'))
      diagnostics.push(problem(item.location, 'An envVars entry has no `key`; it was not read.'));
    return [];
  }
  const location = item.location;
  const fromDatabase = item.get('fromDatabase');
  if (fromDatabase?.isMap) {
    return [
      {
        key,
        location,
        source: {
          kind: 'fromDatabase',
          name: fromDatabase.get('name')?.string() ?? '',
          property: fromDatabase.get('property')?.string() ?? '',
        },
      },
    ];
  }
  const fromService = item.get('fromService');
  if (fromService?.isMap) {
    const source: EnvBinding['source'] = {
      kind: 'fromService',
      name: fromService.get('name')?.string() ?? '',
    };
    const type = fromService.get('type')?.string();
    const property = fromService.get('property')?.string();
    const envVarKey = fromService.get('envVarKey')?.string();
    return [
      {
        key,
        location,
        source: {
          ...source,
          ...(type ? { type } : {}),
          ...(property ? { property } : {}),
          ...(envVarKey ? { envVarKey } : {}),
        },
      },
    ];
  }
  if (item.get('generateValue')?.boolean()) return [{ key, location, source: { kind: 'generated' } }];
  if (item.get('sync')?.boolean() === false) return [{ key, location, source: { kind: 'unset' } }];
  const value = item.get('value')?.string();
  return [
    {
      key,
      location,
      source: value === undefined ? { kind: 'unset' } : { kind: 'value', value: new Secret(value) },
    },
  ];
}

function planOf(node: LocatedNode, fallback: string): NonNullable<Service['plan']> {
  const plan = node.get('plan');
  const name = plan?.string();
  return name
    ? { name: name.toLowerCase(), explicit: true, location: plan?.location ?? node.location }
    : { name: fallback, explicit: false, location: node.location };
}

function settingsOf(
  node: LocatedNode,
  keys: readonly string[],
): Record<string, Located<string | number | boolean>> {
  const settings: Record<string, Located<string | number | boolean>> = {};
  for (const key of keys) {
    const child = node.get(key);
    const value = child?.number() ?? child?.boolean() ?? child?.string();
    if (child && value !== undefined) settings[key] = { value, location: child.location };
  }
  return settings;
}

function located<T>(
  node: LocatedNode | undefined,
  read: (node: LocatedNode) => T | undefined,
): Located<T> | undefined {
  if (!node) return undefined;
  const value = read(node);
  return value === undefined ? undefined : { value, location: node.location };
}

function problem(location: Location, message: string): Diagnostic {
  return { severity: 'warning', origin: 'render', message, location };
}
