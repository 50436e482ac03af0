import { HEROKU_ADDON_CONFIG_VARS } from '../../catalog/heroku.ts';
import type { Diagnostic, Location } from '../../model/location.ts';
import type { ModelFragment, Service } from '../../model/project-model.ts';
import { parseLocatedYaml } from '../located-yaml.ts';
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
    const fragment: Required<Pick<ModelFragment, 'services' | 'envDeclarations' | 'diagnostics'>> = {
      services: [],
      envDeclarations: [],
      diagnostics: [],
    };
    const appJsons = new Map(
      files.filter((f) => f.path.endsWith('app.json')).map((f) => [directoryOf(f.path), f] as const),
    );
    // A Heroku app.json declares its variables even without a Procfile (a Heroku button, a Docker deploy).
    for (const file of appJsons.values()) fragment.envDeclarations.push(...herokuDeclarations(file));
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

/** The env keys of an app.json that is Heroku's, and the config vars its add-ons set; none of Expo's. */
function herokuDeclarations(file: SourceFile): Array<{ key: string; location: Location }> {
  const { root } = parseLocatedYaml(file.path, file.text, 'heroku');
  const addons = (root?.get('addons')?.items() ?? []).map((item) => ({
    name: (item.isMap ? item.get('plan')?.string() : item.string())?.split(':')[0],
    location: item.location,
  }));
  const heroku = addons.length > 0 || ['formation', 'buildpacks', 'stack'].some((key) => root?.get(key));
  if (!root || !heroku) return [];
  return [
    ...(root.get('env')?.entries() ?? []).map(([key, node]) => ({ key, location: node.location })),
    ...addons.flatMap(({ name, location }) =>
      (HEROKU_ADDON_CONFIG_VARS.value[name ?? ''] ?? []).map((key) => ({ key, location })),
    ),
  ];
}
