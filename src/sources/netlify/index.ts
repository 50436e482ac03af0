import { NETLIFY_ASSUMED_CONCURRENCY } from '../../catalog/serverless.ts';
import type { EnvBinding, ModelFragment } from '../../model/project-model.ts';
import { Secret } from '../../model/secret.ts';
import { asRecord, parseLocatedToml } from '../located-toml.ts';
import { baseService, defaultName, directoryOf } from '../service-shape.ts';
import type { Source } from '../source.ts';

/** `netlify.toml`: the site's functions as one serverless service, with `[build.environment]`. */
export const netlifySource: Source = {
  id: 'netlify',
  matches: (path) => path === 'netlify.toml' || path.endsWith('/netlify.toml'),
  read(files) {
    const fragment: Required<Pick<ModelFragment, 'services' | 'diagnostics'>> = {
      services: [],
      diagnostics: [],
    };
    for (const file of files) {
      const { toml, diagnostics } = parseLocatedToml(file.path, file.text, 'netlify');
      fragment.diagnostics.push(...diagnostics);
      if (!toml) continue;
      const at = (key: string) => ({ path: file.path, line: toml.lineOf(key) });
      const service = baseService(
        'netlify',
        defaultName(file.path, 'netlify'),
        'serverless',
        at('functions'),
        directoryOf(file.path),
      );
      service.instances = {
        min: 0,
        max: NETLIFY_ASSUMED_CONCURRENCY.value,
        autoscaling: true,
        location: at('functions'),
      };
      const build = asRecord(toml.data.build);
      if (typeof build.command === 'string')
        service.buildCommand = { value: build.command, location: at('build.command') };
      service.env = Object.entries(asRecord(build.environment)).map(
        ([key, value]): EnvBinding => ({
          key,
          source: { kind: 'value', value: new Secret(String(value)) },
          location: at(`build.environment.${key}`),
        }),
      );
      fragment.services.push(service);
    }
    return fragment;
  },
};
