import { NETLIFY_ASSUMED_CONCURRENCY } from '../../catalog/serverless.ts';
import type { ModelFragment, Service } from '../../model/project-model.ts';
import { asRecord, type LocatedToml, parseLocatedToml, tomlEnvBindings } from '../located-toml.ts';
import { baseService, defaultName, directoryOf, literalConnections } from '../service-shape.ts';
import type { Source } from '../source.ts';

/**
 * `netlify.toml`: the site's functions as one serverless service (platform-facts §4.2), with the
 * build, its base directory, the production environment and the scheduled functions.
 */
export const netlifySource: Source = {
  id: 'netlify',
  matches: (path) => path === 'netlify.toml' || path.endsWith('/netlify.toml'),
  read(files) {
    const fragment: Required<Pick<ModelFragment, 'services' | 'connections' | 'diagnostics'>> = {
      services: [],
      connections: [],
      diagnostics: [],
    };
    for (const file of files) {
      const { toml, diagnostics } = parseLocatedToml(file.path, file.text, 'netlify');
      fragment.diagnostics.push(...diagnostics);
      if (!toml) continue;
      const service = readSite(toml, file.path);
      fragment.services.push(service);
      fragment.connections.push(...literalConnections(service));
    }
    return fragment;
  },
};

function readSite(toml: LocatedToml, path: string): Service {
  const at = (key: string) => ({ path, line: toml.lineOf(key) });
  const build = asRecord(toml.data.build);
  const functions = asRecord(toml.data.functions);
  // `base` is relative to the repository root, where Netlify starts the build.
  const base = typeof build.base === 'string' ? build.base.replace(/^\.?\/+|\/+$/g, '') : undefined;
  const service = baseService(
    'netlify',
    defaultName(path, 'netlify'),
    'serverless',
    at(toml.data.functions ? 'functions' : 'build'),
    base ?? directoryOf(path),
  );
  service.instances = {
    min: 0,
    max: NETLIFY_ASSUMED_CONCURRENCY.value,
    autoscaling: true,
    location: service.location,
  };
  if (typeof build.command === 'string' && build.command)
    service.buildCommand = { value: build.command, location: at('build.command') };
  const directory = functions.directory ?? build.functions;
  if (typeof directory === 'string')
    service.settings.functionsDirectory = {
      value: directory,
      location: at(functions.directory !== undefined ? 'functions.directory' : 'build.functions'),
    };
  // Per-function tables sit beside the settings for all functions: `[functions."name"]`.
  const scheduled = Object.entries(functions).filter(
    ([, value]) => typeof asRecord(value).schedule === 'string',
  );
  if (scheduled.length)
    service.settings.scheduledFunctions = {
      value: scheduled.length,
      location: at(`functions.${scheduled[0]?.[0]}.schedule`),
    };
  const production = asRecord(asRecord(asRecord(toml.data.context).production).environment);
  service.env = [
    ...tomlEnvBindings(asRecord(build.environment), 'build.environment', at),
    ...tomlEnvBindings(production, 'context.production.environment', at),
  ];
  return service;
}
