import { HEROKU_ADDON_CONFIG_VARS } from '../../catalog/heroku.ts';
import type { Diagnostic, Location } from '../../model/location.ts';
import type { ModelFragment, Service } from '../../model/project-model.ts';
import { directoryOf } from '../service-shape.ts';
import type { Source } from '../source.ts';
import { type AppJson, readAppJson } from './app-json.ts';
import { readProcfile } from './procfile.ts';

/**
 * A Procfile: one service per process type (`web` serves HTTP; `release` runs at deploy and is
 * no service), sized and counted by the `formation` of an `app.json` beside it. An app.json
 * without a Procfile gives no service (Expo and other tools use the same file name), only the
 * variables it declares when it is Heroku's.
 */
export const herokuSource: Source = {
  id: 'heroku',
  matches: (path) => /(^|\/)(Procfile|app\.json)$/.test(path),
  read(files) {
    const fragment: Required<Pick<ModelFragment, 'services' | 'envDeclarations' | 'diagnostics'>> = {
      services: [],
      envDeclarations: [],
      diagnostics: [],
    };
    // Each app.json is read once: for the Procfile beside it, and for the variables it declares
    // even without one (a Heroku button, a container deploy).
    const appJsons = new Map<string, { app?: AppJson; diagnostics: Diagnostic[] }>();
    for (const file of files.filter((f) => f.path.endsWith('app.json'))) {
      const diagnostics: Diagnostic[] = [];
      const app = readAppJson(file, diagnostics);
      appJsons.set(directoryOf(file.path), { ...(app ? { app } : {}), diagnostics });
      if (app) fragment.envDeclarations.push(...herokuDeclarations(app));
    }
    for (const file of files.filter((f) => !f.path.endsWith('app.json'))) {
      const services = readProcfile(file, fragment.diagnostics);
      // Only an app.json a Procfile uses is Heroku's for sure: its problems are reported then.
      const beside = appJsons.get(directoryOf(file.path));
      if (beside) fragment.diagnostics.push(...beside.diagnostics);
      if (beside?.app) applyAppJson(services, beside.app);
      fragment.services.push(...services);
    }
    return fragment;
  },
};

function applyAppJson(services: Service[], app: AppJson): void {
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

/** The env keys of an app.json that is Heroku's, and the config vars its add-ons set; none of Expo's. */
function herokuDeclarations(app: AppJson): Array<{ key: string; location: Location }> {
  if (!app.heroku) return [];
  return [
    ...app.env.map(({ key, location }) => ({ key, location })),
    ...app.addons.flatMap(({ value, location }) =>
      (HEROKU_ADDON_CONFIG_VARS.value[value] ?? []).map((key) => ({ key, location })),
    ),
  ];
}
