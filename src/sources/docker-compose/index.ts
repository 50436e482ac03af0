import { repositoryPath } from '../../files/repository-path.ts';
import type { Datastore, EnvBinding, ModelFragment, Service } from '../../model/project-model.ts';
import { Secret } from '../../model/secret.ts';
import { isInfrastructureImage } from '../infrastructure-images.ts';
import { type LocatedNode, parseLocatedYaml } from '../located-yaml.ts';
import { baseService, directoryOf, execFormCommand, literalConnections } from '../service-shape.ts';
import type { Source } from '../source.ts';
import { fileRole, isDevelopmentTarget } from './roles.ts';

/** `compose.yaml`, `docker-compose.prod.yml`; and cookiecutter-django's `production.yml` at the root. */
const COMPOSE = /((^|\/)(docker-)?compose(\.[\w-]+)?|^(production|prod|staging))\.ya?ml$/;
const DATASTORE_IMAGES: Array<[RegExp, Datastore['kind']]> = [
  [
    /^(postgres|postgis\/postgis|bitnami\/postgresql|supabase\/postgres|timescale\/timescaledb(-ha)?|pgvector\/pgvector|ankane\/pgvector|pgautoupgrade\/pgautoupgrade)(:|@|$)/,
    'postgres',
  ],
  [
    /^(redis|valkey\/valkey|bitnami\/redis|bitnami\/valkey|redis\/redis-stack(-server)?|eqalpha\/keydb)(:|@|$)/,
    'redis',
  ],
  [/^(mysql|mariadb|bitnami\/mysql|bitnami\/mariadb)(:|@|$)/, 'mysql'],
];

/**
 * `docker.io/library/postgres:16` and `postgres:16` name the same image; `${IMAGE:-vllm/vllm-openai}`
 * names its default, which is what runs unless someone sets the variable.
 */
function imageName(image: string): string {
  return image
    .replace(/\$\{[A-Za-z_]\w*:?-([^}]*)\}/g, '$1')
    .replace(/^(docker\.io\/|registry-1\.docker\.io\/)?(library\/)?/, '');
}

/** docker-compose files: app services (replicas, command, environment) and database containers. */
export const dockerComposeSource: Source = {
  id: 'docker-compose',
  matches: (path) => COMPOSE.test(path),
  read(files) {
    const fragment: Required<
      Pick<ModelFragment, 'services' | 'datastores' | 'connections' | 'envDeclarations' | 'diagnostics'>
    > = {
      services: [],
      datastores: [],
      connections: [],
      envDeclarations: [],
      diagnostics: [],
    };
    for (const file of files) {
      const role = fileRole(file.path);
      const { root, diagnostics } = parseLocatedYaml(file.path, file.text, 'docker-compose');
      const entries = root?.get('services')?.entries() ?? [];
      // Every compose file, the laptop's included, names variables the app reads.
      for (const [, node] of entries)
        for (const { key, location } of environment(node.get('environment')))
          fragment.envDeclarations.push({ key, location });
      if (role === 'development') continue;
      const assumed = role === 'unnamed' ? { assumedDeployment: true } : {};
      fragment.diagnostics.push(...diagnostics);
      const builtImages = imagesBuilt(entries, directoryOf(file.path));
      const datastores: Datastore[] = [];
      const services: Service[] = [];
      let developmentServices = 0;
      for (const [name, node] of entries) {
        // Neither `image` nor `build`: a fragment that another file of a `-f a.yml -f b.yml` set
        // completes (full-stack-fastapi-template's compose.deploy.yml); the base file holds the service.
        if (!node.get('image') && !node.get('build') && !node.get('extends')) continue;
        const image = imageName(node.get('image')?.string() ?? '');
        const store = DATASTORE_IMAGES.find(([pattern]) => pattern.test(image));
        if (store) {
          datastores.push({
            id: `${store[1] === 'redis' ? 'keyvalue' : 'database'}:${name}`,
            name,
            kind: store[1],
            platform: 'docker-compose',
            settings: {},
            ...assumed,
            location: node.location,
          });
          continue;
        }
        if (isInfrastructureImage(image)) continue;
        const built = composeImage(node.get('build'), directoryOf(file.path)) ?? builtImages.get(image);
        if (isDevelopmentService(node, built)) {
          developmentServices++;
          continue;
        }
        const service = baseService(
          'docker-compose',
          name,
          node.get('ports') ? 'web' : 'worker',
          node.location,
          directoryOf(file.path),
        );
        const replicas = node.get('deploy')?.get('replicas');
        const count = replicas?.number() ?? 1;
        service.instances = {
          min: count,
          max: count,
          autoscaling: false,
          location: replicas?.location ?? node.location,
        };
        const command = commandText(node.get('command'));
        if (command)
          service.startCommand = { value: command, location: node.get('command')?.location ?? node.location };
        service.env = environment(node.get('environment'));
        Object.assign(service.settings, limits(node));
        Object.assign(service, assumed);
        if (built) service.image = built;
        services.push(service);
      }
      // Every service it builds is for development: the file is the laptop's stack, databases and
      // the images it pulls included.
      if (developmentServices > 0 && !services.some((service) => service.image)) continue;
      fragment.datastores.push(...datastores);
      fragment.services.push(...services);
      for (const service of services) fragment.connections.push(...literalConnections(service));
    }
    return fragment;
  },
};

/**
 * Memory and CPU caps: `deploy.resources.limits` (Compose spec) or the older `mem_limit`/`cpus`.
 * Compose sizes are bytes with an optional unit (`512m`, `1g`, `1.5gb`).
 */
function limits(node: LocatedNode): Service['settings'] {
  const settings: Service['settings'] = {};
  const deployLimits = node.get('deploy')?.get('resources')?.get('limits');
  const memory = deployLimits?.get('memory') ?? node.get('mem_limit');
  const megabytes = memory ? composeMegabytes(memory.string()) : undefined;
  if (memory && megabytes !== undefined) settings.memoryMb = { value: megabytes, location: memory.location };
  const cpus = deployLimits?.get('cpus') ?? node.get('cpus');
  const cpuCount = cpus?.number();
  if (cpus && cpuCount !== undefined && cpuCount > 0)
    settings.cpus = { value: cpuCount, location: cpus.location };
  return settings;
}

function composeMegabytes(text: string | undefined): number | undefined {
  const match = /^(\d+(?:\.\d+)?)\s*([bkmg])?b?$/i.exec(text?.trim() ?? '');
  if (!match) return undefined;
  const factor = { b: 1 / 1024 / 1024, k: 1 / 1024, m: 1, g: 1024 }[(match[2] ?? 'b').toLowerCase() as 'b'];
  return Math.round(Number(match[1]) * factor);
}

/** `command: npm start` or `command: ["npm", "start"]`. */
function commandText(node: LocatedNode | undefined): string | undefined {
  if (!node) return undefined;
  const items = node.items();
  // Exec form: words that hold spaces are quoted so `["sh", "-c", "a && b"]` reads back as one script.
  return items.length ? execFormCommand(items.map((item) => item.string() ?? '')) : node.string();
}

/** `environment:` as a map (`KEY: value`) or a list (`- KEY=value`). */
function environment(node: LocatedNode | undefined): EnvBinding[] {
  if (!node) return [];
  const pairs: Array<[string, string | undefined, LocatedNode]> = node.isMap
    ? node.entries().map(([key, value]) => [key, value.string(), value])
    : node.items().map((item) => {
        const text = item.string() ?? '';
        const equals = text.indexOf('=');
        return equals < 0 ? [text, undefined, item] : [text.slice(0, equals), text.slice(equals + 1), item];
      });
  return pairs.map(([key, value, at]) => ({
    key,
    source: value === undefined ? { kind: 'unset' } : { kind: 'value', value: new Secret(value) },
    location: at.location,
  }));
}

/**
 * `build: ./api` or `build: { context: ./api, dockerfile: Dockerfile.prod, target: web }`, from the
 * compose file's folder.
 */
function composeImage(node: LocatedNode | undefined, folder: string): Service['image'] {
  if (!node) return undefined;
  const context = repositoryPath(folder, (node.isMap ? node.get('context')?.string() : node.string()) ?? '.');
  const dockerfile = node.isMap ? node.get('dockerfile')?.string() : undefined;
  const target = node.isMap ? node.get('target')?.string() : undefined;
  return {
    context,
    dockerfile: repositoryPath(context, dockerfile ?? 'Dockerfile'),
    ...(target ? { target } : {}),
  };
}

/**
 * Images the file builds, by the tag it gives them: a sibling that runs `image: app_django`
 * without `build` runs that same image (cookiecutter-django's celery and cron services).
 */
function imagesBuilt(entries: Array<[string, LocatedNode]>, folder: string): Map<string, Service['image']> {
  const built = new Map<string, Service['image']>();
  for (const [, node] of entries) {
    const tag = node.get('image')?.string();
    const image = composeImage(node.get('build'), folder);
    if (tag && image) built.set(imageName(tag), image);
  }
  return built;
}

/**
 * A service for the laptop inside a file that may deploy: one built from a development Dockerfile
 * or stage (`Dockerfile-dev`, `compose/local/…`, `target: development`), or one behind `profiles`,
 * which `docker compose up` does not start unless asked.
 */
function isDevelopmentService(node: LocatedNode, image: Service['image']): boolean {
  return (
    node.get('profiles') !== undefined ||
    isDevelopmentTarget(image?.target) ||
    (image !== undefined && fileRole(image.dockerfile) === 'development')
  );
}
