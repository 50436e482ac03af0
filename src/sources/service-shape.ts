import { parseConnectionUrl } from '../model/connection-url.ts';
import type { Location } from '../model/location.ts';
import type { Connection, Platform, Service, ServiceKind } from '../model/project-model.ts';

/** A service with the platform-neutral defaults: one instance, no env, no settings. */
export function baseService(
  platform: Platform,
  name: string,
  kind: ServiceKind,
  location: Location,
  rootDir: string,
): Service {
  return {
    id: `service:${name}`,
    name,
    platform,
    kind,
    instances: { min: 1, max: 1, autoscaling: false, location },
    env: [],
    rootDir,
    settings: {},
    location,
  };
}

export function directoryOf(path: string): string {
  return path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
}

/** The service name a platform file implies when it names none: its folder, or the platform. */
export function defaultName(path: string, platform: string): string {
  const directory = directoryOf(path);
  return directory ? (directory.split('/').at(-1) as string) : platform;
}

/** The connection URLs a hosting config writes literally into a service's environment. */
export function literalConnections(service: Service): Connection[] {
  return service.env.flatMap((binding) => {
    if (binding.source.kind !== 'value') return [];
    const url = parseConnectionUrl(binding.source.value.reveal());
    return url
      ? [
          {
            id: `env:${binding.key}`,
            key: binding.key,
            url,
            location: binding.location,
            service: service.name,
          },
        ]
      : [];
  });
}

/**
 * An exec-form command (`["sh", "-c", "a && b"]`) as one shell command: words that a shell would
 * split or expand are single-quoted, so the start-command reader reads back the same words.
 */
export function execFormCommand(words: readonly string[]): string {
  return words
    .map((word) => (/^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'"'"'`)}'`))
    .join(' ');
}
