import type { Diagnostic } from '../../model/location.ts';
import type { Service } from '../../model/project-model.ts';
import { baseService, directoryOf } from '../service-shape.ts';
import type { SourceFile } from '../source.ts';

/** `<process type>: <command>` per line; `release` is a deploy step, not a running service. */
export function readProcfile(file: SourceFile, diagnostics: Diagnostic[]): Service[] {
  const services: Service[] = [];
  file.text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const location = { path: file.path, line: index + 1 };
    const colon = line.indexOf(':');
    const type = colon > 0 ? line.slice(0, colon).trim() : '';
    const command = line.slice(colon + 1).trim();
    if (!/^[A-Za-z0-9_-]+$/.test(type) || !command) {
      diagnostics.push({
        severity: 'warning',
        origin: 'heroku',
        message: `${file.path}: expected \`<process type>: <command>\`; this line was skipped.`,
        location,
      });
      return;
    }
    if (type === 'release') return;
    if (services.some((s) => s.name === type)) {
      diagnostics.push({
        severity: 'warning',
        origin: 'heroku',
        message: `${file.path}: process type \`${type}\` is declared twice; Heroku keeps the last one.`,
        location,
      });
      services.splice(
        services.findIndex((s) => s.name === type),
        1,
      );
    }
    const service = baseService(
      'heroku',
      type,
      type === 'web' ? 'web' : 'worker',
      location,
      directoryOf(file.path),
    );
    service.startCommand = { value: command, location };
    services.push(service);
  });
  return services;
}
