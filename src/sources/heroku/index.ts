import type { Diagnostic } from '../../model/location.ts';
import type { ModelFragment, Service } from '../../model/project-model.ts';
import { directoryOf } from '../service-shape.ts';
import type { Source, SourceFile } from '../source.ts';
import { type AppJson, readAppJson } from './app-json.ts';
import { readProcfile } from './procfile.ts';

/**
 * A Procfile: one service per process type (`web` serves HTTP; `release` runs at deploy and is
 * no service), sized and counted by the `formation` of an `app.json` beside it. An app.json
 * without a Procfile is left alone: Expo and other tools use the same file name.
 */
export const herokuSource: Source = {
  id: 'heroku',
  matches: (path) => /(^|\/)(Procfile|app\.json)$/.test(path),
  read(files) {
    const fragment: Required<Pick<ModelFragment, 'services' | 'diagnostics'>> = {
      services: [],
      diagnostics: [],
    };
    const appJsons = new Map(
      files.filter((f) => f.path.endsWith('app.json')).map((f) => [directoryOf(f.path), f] as const),
    );
    for (const file of files.filter((f) => !f.path.endsWith('app.json'))) {
      const services = readProcfile(file, fragment.diagnostics);
      const appJson = appJsons.get(directoryOf(file.path));
      if (appJson) applyAppJson(services, appJson, fragment.diagnostics);
      fragment.services.push(...services);
    }
    return fragment;
  },
};

function applyAppJson(services: Service[], file: SourceFile, diagnostics: Diagnostic[]): void {
  const app: AppJson | undefined = readAppJson(file, diagnostics);
  if (!app) return;
  for (const service of services) {
    service.env = app.env;
    const formation = app.formation.get(service.name);
    if (!formation) continue;
    if (formation.quantity)
      service.instances = {
        min: formation.quantity.value,
        max: formation.quantity.value,
        autoscaling: false,
        location: formation.quantity.location,
      };
    if (formation.size) {
      service.plan = { name: formation.size.value, explicit: true, location: formation.size.location };
      if (formation.memoryMb !== undefined)
        service.settings.memoryMb = { value: formation.memoryMb, location: formation.size.location };
    }
  }
}
