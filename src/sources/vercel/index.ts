import { VERCEL_MAX_CONCURRENCY } from '../../catalog/serverless.ts';
import type { ModelFragment } from '../../model/project-model.ts';
import { parseLocatedYaml } from '../located-yaml.ts';
import { baseService, defaultName, directoryOf } from '../service-shape.ts';
import type { Source } from '../source.ts';

/**
 * `vercel.json`: the project's functions as one serverless service. A Next.js app without
 * vercel.json is not assumed to be on Vercel: it may run on any Node host.
 */
export const vercelSource: Source = {
  id: 'vercel',
  matches: (path) => path === 'vercel.json' || path.endsWith('/vercel.json'),
  read(files) {
    const fragment: Required<Pick<ModelFragment, 'services' | 'diagnostics'>> = {
      services: [],
      diagnostics: [],
    };
    for (const file of files) {
      const { root, diagnostics } = parseLocatedYaml(file.path, file.text, 'vercel');
      fragment.diagnostics.push(...diagnostics);
      if (!root?.isMap) continue;
      const service = baseService(
        'vercel',
        root.get('name')?.string() ?? defaultName(file.path, 'vercel'),
        'serverless',
        root.location,
        directoryOf(file.path),
      );
      service.instances = {
        min: 0,
        max: VERCEL_MAX_CONCURRENCY.value,
        autoscaling: true,
        location: root.location,
      };
      for (const [, config] of root.get('functions')?.entries() ?? []) {
        for (const key of ['maxDuration', 'memory']) {
          const value = config.get(key)?.number();
          if (value !== undefined)
            service.settings[key] = { value, location: config.get(key)?.location ?? config.location };
        }
      }
      const regions = root
        .get('regions')
        ?.items()
        .map((r) => r.string())
        .filter(Boolean);
      if (regions?.length)
        service.settings.regions = {
          value: regions.join(','),
          location: root.get('regions')?.location ?? root.location,
        };
      const crons = root.get('crons')?.items() ?? [];
      if (crons.length)
        service.settings.crons = {
          value: crons.length,
          location: root.get('crons')?.location ?? root.location,
        };
      fragment.services.push(service);
    }
    return fragment;
  },
};
