import type { EnvBinding, ModelFragment, Service } from '../../model/project-model.ts';
import { Secret } from '../../model/secret.ts';
import { asRecord, type LocatedToml, parseLocatedToml } from '../located-toml.ts';
import { baseService, defaultName, directoryOf } from '../service-shape.ts';
import type { Source } from '../source.ts';

/**
 * `fly.toml`: one service per process group (`[processes]`, default `app`), with the HTTP
 * service's machine settings, `[[vm]]` size, checks and `[env]` (platform-facts §4.3).
 */
export const flySource: Source = {
  id: 'fly',
  matches: (path) => path === 'fly.toml' || path.endsWith('/fly.toml'),
  read(files) {
    const fragment: Required<Pick<ModelFragment, 'services' | 'diagnostics'>> = {
      services: [],
      diagnostics: [],
    };
    for (const file of files) {
      const { toml, diagnostics } = parseLocatedToml(file.path, file.text, 'fly');
      fragment.diagnostics.push(...diagnostics);
      if (toml) fragment.services.push(...readFlyApp(toml, file.path));
    }
    return fragment;
  },
};

function readFlyApp(toml: LocatedToml, path: string): Service[] {
  const at = (key: string) => ({ path, line: toml.lineOf(key) });
  const data = toml.data;
  const app = typeof data.app === 'string' ? data.app : defaultName(path, 'fly');
  const processes = Object.entries(asRecord(data.processes));
  const groups = processes.length ? processes : [['app', undefined] as const];
  const http = asRecord(data.http_service);
  const httpProcesses = Array.isArray(http.processes) ? (http.processes as string[]) : ['app'];
  const vm = asRecord(Array.isArray(data.vm) ? data.vm[0] : data.vm);
  const env: EnvBinding[] = Object.entries(asRecord(data.env)).map(([key, value]) => ({
    key,
    source: { kind: 'value', value: new Secret(String(value)) },
    location: at(`env.${key}`),
  }));
  return groups.map(([group, command]) => {
    const serves = Object.keys(http).length > 0 && (httpProcesses.includes(group) || processes.length === 0);
    const name = groups.length > 1 ? `${app}-${group}` : app;
    const service = baseService(
      'fly',
      name,
      serves ? 'web' : 'worker',
      at(serves ? 'http_service' : 'app'),
      directoryOf(path),
    );
    service.env = env;
    if (typeof command === 'string')
      service.startCommand = { value: command, location: at(`processes.${group}`) };
    if (serves) {
      const minRunning = Number(http.min_machines_running ?? 0);
      service.instances = {
        min: minRunning,
        max: Math.max(1, minRunning),
        autoscaling: http.auto_start_machines !== false,
        location: at('http_service.min_machines_running'),
      };
      const autoStop = http.auto_stop_machines;
      service.settings.auto_stop_machines = {
        value:
          autoStop === undefined
            ? 'stop'
            : autoStop === true
              ? 'stop'
              : autoStop === false
                ? 'off'
                : String(autoStop),
        location: at('http_service.auto_stop_machines'),
      };
      service.settings.min_machines_running = {
        value: minRunning,
        location: at('http_service.min_machines_running'),
      };
      const concurrency = asRecord(http.concurrency);
      for (const key of ['type', 'soft_limit', 'hard_limit'] as const) {
        const value = concurrency[key];
        if (typeof value === 'string' || typeof value === 'number')
          service.settings[`concurrency.${key}`] = { value, location: at(`http_service.concurrency.${key}`) };
      }
      const checks = Array.isArray(http.checks) ? (http.checks as unknown[]) : [];
      const checkPath = asRecord(checks[0]).path;
      if (typeof checkPath === 'string')
        service.healthCheckPath = { value: checkPath, location: at('http_service.checks.0.path') };
    }
    const vmTable = Array.isArray(data.vm) ? 'vm.0' : 'vm';
    const memory = memoryMb(vm.memory ?? vm.memory_mb);
    if (memory) service.settings.memoryMb = { value: memory, location: at(`${vmTable}.memory`) };
    if (typeof vm.cpus === 'number')
      service.settings.cpus = { value: vm.cpus, location: at(`${vmTable}.cpus`) };
    const release = asRecord(data.deploy).release_command;
    if (typeof release === 'string')
      service.settings.release_command = { value: release, location: at('deploy.release_command') };
    return service;
  });
}

/** `"1gb"`, `"512mb"`, `1024` → MB. */
function memoryMb(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string') return undefined;
  const match = /^(\d+(?:\.\d+)?)\s*(gb|mb)?$/i.exec(value.trim());
  if (!match) return undefined;
  return Number(match[1]) * (match[2]?.toLowerCase() === 'gb' ? 1024 : 1);
}
