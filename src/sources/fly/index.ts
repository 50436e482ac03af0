import { repositoryPath } from '../../files/repository-path.ts';
import type { Diagnostic } from '../../model/location.ts';
import type { ModelFragment, Service } from '../../model/project-model.ts';
import { isInfrastructureImage } from '../infrastructure-images.ts';
import { asRecord, type LocatedToml, parseLocatedToml, tomlEnvBindings } from '../located-toml.ts';
import { baseService, defaultName, directoryOf, literalConnections } from '../service-shape.ts';
import type { Source } from '../source.ts';
import { type FlyHttpService, readHttpServices } from './http-services.ts';
import { readVm } from './vm.ts';

/**
 * `fly.toml`: one service per process group (`[processes]`, else the implicit `app` group),
 * with the machine settings of the `[http_service]` / `[[services]]` that route to it, its
 * `[[vm]]` size, checks and `[env]` (platform-facts §4.3).
 */
export const flySource: Source = {
  id: 'fly',
  matches: (path) => path === 'fly.toml' || path.endsWith('/fly.toml'),
  read(files) {
    const fragment: Required<Pick<ModelFragment, 'services' | 'connections' | 'diagnostics'>> = {
      services: [],
      connections: [],
      diagnostics: [],
    };
    for (const file of files) {
      const { toml, diagnostics } = parseLocatedToml(file.path, file.text, 'fly');
      fragment.diagnostics.push(...diagnostics);
      if (!toml) continue;
      const services = readFlyApp(toml, file.path, fragment.diagnostics);
      fragment.services.push(...services);
      fragment.connections.push(...services.flatMap(literalConnections));
    }
    return fragment;
  },
};

function readFlyApp(toml: LocatedToml, path: string, diagnostics: Diagnostic[]): Service[] {
  const at = (key: string) => ({ path, line: toml.lineOf(key) });
  const { data } = toml;
  // An app built from a datastore's image (`[build] image = "nats:alpine"`) runs no app process.
  const image = asRecord(data.build).image;
  if (typeof image === 'string' && isInfrastructureImage(image)) return [];
  const app = typeof data.app === 'string' && data.app ? data.app : defaultName(path, 'fly');
  const declared = Object.entries(asRecord(data.processes));
  const groups: Array<[string, unknown]> = declared.length ? declared : [['app', undefined]];
  const routes = readHttpServices(toml, path, diagnostics);
  const env = tomlEnvBindings(asRecord(data.env), 'env', at);
  const release = asRecord(data.deploy).release_command;
  return groups.map(([group, command]) => {
    // A section naming no process group routes to every group when the app declares none, else to `app`.
    const serving = routes.filter((route) =>
      (route.processes ?? (declared.length ? ['app'] : [group])).includes(group),
    );
    const main = serving.find((route) => route.public) ?? serving[0];
    const service = baseService(
      'fly',
      groups.length > 1 ? `${app}-${group}` : app,
      !main ? 'worker' : main.public ? 'web' : 'private',
      main?.location ?? at(declared.length ? `processes.${group}` : 'app'),
      directoryOf(path),
    );
    service.env = env;
    const built = flyImage(data, path);
    if (built) service.image = built;
    if (typeof command === 'string')
      service.startCommand = { value: command, location: at(`processes.${group}`) };
    if (main) applyMachineSettings(service, main, serving);
    if (!service.healthCheckPath) applyMachineChecks(service, toml, path, group);
    Object.assign(service.settings, readVm(toml, path, group, diagnostics));
    if (typeof release === 'string')
      service.settings.release_command = { value: release, location: at('deploy.release_command') };
    return service;
  });
}

/**
 * Top-level `[checks.<name>]`: machine checks, which Fly runs on every machine of the groups they
 * name (all when they name none) and which deploys wait on. An HTTP one is the health check.
 */
function applyMachineChecks(service: Service, toml: LocatedToml, path: string, group: string): void {
  for (const [name, raw] of Object.entries(asRecord(toml.data.checks))) {
    const check = asRecord(raw);
    const groups = Array.isArray(check.processes) ? check.processes.map(String) : undefined;
    if (groups && !groups.includes(group)) continue;
    if (check.type === 'http' && typeof check.path === 'string') {
      service.healthCheckPath = {
        value: check.path,
        location: { path, line: toml.lineOf(`checks.${name}.path`) },
      };
      return;
    }
    if (check.type === 'tcp' && !service.settings.tcp_check)
      service.settings.tcp_check = { value: true, location: { path, line: toml.lineOf(`checks.${name}`) } };
  }
}

/** Autostop, minimum machines, concurrency and checks of the section that routes to the group. */
function applyMachineSettings(service: Service, main: FlyHttpService, serving: FlyHttpService[]): void {
  const minRunning = main.minRunning.value;
  // The machine count itself is set with `fly scale count`, outside the file: what the file fixes is
  // how many stay running, and whether the proxy may start more.
  service.instances = {
    min: main.autoStop.value === 'off' ? Math.max(1, minRunning) : minRunning,
    max: Math.max(1, minRunning),
    autoscaling: main.autoStart.value && main.autoStop.value !== 'off',
    location: main.minRunning.location,
  };
  service.settings.auto_stop_machines = main.autoStop;
  service.settings.auto_start_machines = main.autoStart;
  service.settings.min_machines_running = main.minRunning;
  for (const [name, value] of Object.entries(main.concurrency))
    service.settings[`concurrency.${name}`] = value;
  const httpCheck = serving.find((route) => route.httpCheck)?.httpCheck;
  if (httpCheck) service.healthCheckPath = httpCheck;
  const tcpCheck = serving.find((route) => route.tcpCheck)?.tcpCheck;
  if (tcpCheck) service.settings.tcp_check = { value: true, location: tcpCheck };
}

/**
 * `[build] dockerfile` (and its `build-target` stage), else the `Dockerfile` beside fly.toml,
 * unless the app deploys a prebuilt image or a builder.
 */
function flyImage(data: Record<string, unknown>, path: string): Service['image'] {
  const build = asRecord(data.build);
  if (build.image || build.builder || build.buildpacks) return undefined;
  const folder = directoryOf(path);
  const target = build['build-target'];
  return {
    context: folder,
    dockerfile: repositoryPath(
      folder,
      typeof build.dockerfile === 'string' ? build.dockerfile : 'Dockerfile',
    ),
    ...(typeof target === 'string' ? { target } : {}),
  };
}
