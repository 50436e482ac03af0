import type { Datastore, EnvBinding, ModelFragment } from '../../model/project-model.ts';
import { Secret } from '../../model/secret.ts';
import { type LocatedNode, parseLocatedYaml } from '../located-yaml.ts';
import { baseService, directoryOf, literalConnections } from '../service-shape.ts';
import type { Source } from '../source.ts';

const COMPOSE = /(^|\/)(docker-)?compose(\.[\w-]+)?\.ya?ml$/;
const DATASTORE_IMAGES: Array<[RegExp, Datastore['kind']]> = [
  [
    /^(postgres|postgis\/postgis|bitnami\/postgresql|supabase\/postgres|timescale\/timescaledb)(:|$)/,
    'postgres',
  ],
  [/^(redis|valkey\/valkey|bitnami\/redis|redis\/redis-stack)(:|$)/, 'redis'],
  [/^(mysql|mariadb)(:|$)/, 'mysql'],
];

/** docker-compose files: app services (replicas, command, environment) and database containers. */
export const dockerComposeSource: Source = {
  id: 'docker-compose',
  matches: (path) => COMPOSE.test(path),
  read(files) {
    const fragment: Required<Pick<ModelFragment, 'services' | 'datastores' | 'connections' | 'diagnostics'>> =
      {
        services: [],
        datastores: [],
        connections: [],
        diagnostics: [],
      };
    for (const file of files) {
      const { root, diagnostics } = parseLocatedYaml(file.path, file.text, 'docker-compose');
      fragment.diagnostics.push(...diagnostics);
      for (const [name, node] of root?.get('services')?.entries() ?? []) {
        const image = node.get('image')?.string() ?? '';
        const store = DATASTORE_IMAGES.find(([pattern]) => pattern.test(image));
        if (store) {
          fragment.datastores.push({
            id: `${store[1] === 'redis' ? 'keyvalue' : 'database'}:${name}`,
            name,
            kind: store[1],
            platform: 'docker-compose',
            settings: {},
            location: node.location,
          });
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
        fragment.connections.push(...literalConnections(service));
        fragment.services.push(service);
      }
    }
    return fragment;
  },
};

/** `command: npm start` or `command: ["npm", "start"]`. */
function commandText(node: LocatedNode | undefined): string | undefined {
  if (!node) return undefined;
  const items = node.items();
  return items.length ? items.map((item) => item.string() ?? '').join(' ') : node.string();
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
