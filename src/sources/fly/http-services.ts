import { FLY_AUTO_STOP_DEFAULT, FLY_MIN_MACHINES_DEFAULT } from '../../catalog/fly.ts';
import type { Diagnostic, Location } from '../../model/location.ts';
import type { Located } from '../../model/project-model.ts';
import { asRecord, type LocatedToml } from '../located-toml.ts';

/**
 * One way into the app's machines: the `[http_service]` table or one `[[services]]` entry (the
 * older, more general form). Both carry the autostop settings, concurrency and checks.
 */
export interface FlyHttpService {
  /** Process groups it routes to; undefined when the section names none. */
  processes?: string[];
  /** Reachable from the internet (`[http_service]`, or `[[services]]` with `ports`). */
  public: boolean;
  autoStop: Located<'off' | 'stop' | 'suspend'>;
  autoStart: Located<boolean>;
  minRunning: Located<number>;
  concurrency: Partial<Record<'type' | 'soft_limit' | 'hard_limit', Located<string | number>>>;
  httpCheck?: Located<string>;
  tcpCheck?: Location;
  location: Location;
}

export function readHttpServices(
  toml: LocatedToml,
  path: string,
  diagnostics: Diagnostic[],
): FlyHttpService[] {
  const sections: Array<[string, Record<string, unknown>, boolean]> = [];
  if (toml.data.http_service !== undefined)
    sections.push(['http_service', asRecord(toml.data.http_service), true]);
  const legacy = Array.isArray(toml.data.services) ? toml.data.services : [];
  legacy.forEach((entry, index) => {
    const section = asRecord(entry);
    sections.push([`services.${index}`, section, Array.isArray(section.ports) && section.ports.length > 0]);
  });
  return sections.map(([key, section, isPublic]) => {
    const at = (name: string): Location => ({ path, line: toml.lineOf(`${key}.${name}`) });
    const service: FlyHttpService = {
      public: isPublic,
      autoStop: {
        value: autoStopMode(section.auto_stop_machines, at('auto_stop_machines'), diagnostics),
        location: at('auto_stop_machines'),
      },
      autoStart: { value: section.auto_start_machines !== false, location: at('auto_start_machines') },
      minRunning: {
        value: count(section.min_machines_running, at('min_machines_running'), diagnostics),
        location: at('min_machines_running'),
      },
      concurrency: {},
      location: at(''),
    };
    if (Array.isArray(section.processes)) service.processes = section.processes.map(String);
    const concurrency = asRecord(section.concurrency);
    for (const name of ['type', 'soft_limit', 'hard_limit'] as const) {
      const value = concurrency[name];
      if (typeof value === 'string' || typeof value === 'number')
        service.concurrency[name] = { value, location: at(`concurrency.${name}`) };
    }
    const checks: Array<[string, unknown]> = [
      ['checks', section.checks],
      ['http_checks', section.http_checks],
    ];
    for (const [name, list] of checks) {
      if (!Array.isArray(list) || service.httpCheck) continue;
      const index = list.findIndex((check) => typeof asRecord(check).path === 'string');
      if (index >= 0)
        service.httpCheck = {
          value: asRecord(list[index]).path as string,
          location: at(`${name}.${index}.path`),
        };
    }
    if (Array.isArray(section.tcp_checks) && section.tcp_checks.length > 0)
      service.tcpCheck = at('tcp_checks.0');
    return service;
  });
}

/** `"off" | "stop" | "suspend"`, or the legacy booleans (`true` ≙ stop). */
function autoStopMode(
  value: unknown,
  location: Location,
  diagnostics: Diagnostic[],
): 'off' | 'stop' | 'suspend' {
  if (value === undefined) return FLY_AUTO_STOP_DEFAULT.value as 'stop';
  if (value === true) return 'stop';
  if (value === false) return 'off';
  if (value === 'off' || value === 'stop' || value === 'suspend') return value;
  diagnostics.push({
    severity: 'warning',
    origin: 'fly',
    message: `auto_stop_machines = ${JSON.stringify(value)} is not one of "off", "stop", "suspend" or a boolean; Headroom read it as the default ("${FLY_AUTO_STOP_DEFAULT.value}").`,
    location,
  });
  return FLY_AUTO_STOP_DEFAULT.value as 'stop';
}

function count(value: unknown, location: Location, diagnostics: Diagnostic[]): number {
  if (value === undefined) return FLY_MIN_MACHINES_DEFAULT.value;
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return value;
  diagnostics.push({
    severity: 'warning',
    origin: 'fly',
    message: `min_machines_running = ${JSON.stringify(value)} is not a whole number; Headroom read it as ${FLY_MIN_MACHINES_DEFAULT.value}.`,
    location,
  });
  return FLY_MIN_MACHINES_DEFAULT.value;
}
