import { VERCEL_MAX_CONCURRENCY } from '../../catalog/serverless.ts';
import type { Diagnostic } from '../../model/location.ts';
import type { ModelFragment, Service } from '../../model/project-model.ts';
import { type LocatedNode, parseLocatedYaml } from '../located-yaml.ts';
import { baseService, defaultName, directoryOf } from '../service-shape.ts';
import type { Source } from '../source.ts';

/**
 * `vercel.json`: the project's functions as one serverless service (Vercel runs one instance
 * per concurrent request), with the largest `maxDuration`/`memory` its `functions` ask for,
 * its regions and crons.
 *
 * A Next.js app without vercel.json is not taken for a Vercel project: the same app runs on
 * Render, Fly, Netlify or a VPS with `next start`, and nothing in the repository says which. A
 * wrong guess would turn every pooling rule on a long-lived server into serverless advice.
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
      if (!root) continue;
      if (!root.isMap) {
        fragment.diagnostics.push(problem(root, `${file.path} should hold a JSON object; it was skipped.`));
        continue;
      }
      fragment.services.push(readProject(file.path, root, fragment.diagnostics));
    }
    return fragment;
  },
};

function readProject(path: string, root: LocatedNode, diagnostics: Diagnostic[]): Service {
  const service = baseService(
    'vercel',
    root.get('name')?.string() ?? defaultName(path, 'vercel'),
    'serverless',
    root.location,
    directoryOf(path),
  );
  service.instances = {
    min: 0,
    max: VERCEL_MAX_CONCURRENCY.value,
    autoscaling: true,
    location: root.get('functions')?.location ?? root.location,
  };
  for (const [pattern, config] of root.get('functions')?.entries() ?? []) {
    if (!config.isMap) {
      diagnostics.push(
        problem(config, `functions["${pattern}"] should be an object of settings; it was skipped.`),
      );
      continue;
    }
    for (const key of ['maxDuration', 'memory']) {
      const node = config.get(key);
      if (!node) continue;
      const value = node.number();
      if (value === undefined) {
        diagnostics.push(
          problem(
            node,
            `functions["${pattern}"].${key} should be a number of ${key === 'memory' ? 'MB' : 'seconds'}.`,
          ),
        );
        continue;
      }
      const current = service.settings[key]?.value;
      if (typeof current !== 'number' || value > current)
        service.settings[key] = { value, location: node.location };
    }
  }
  const regions = root.get('regions');
  const names = regions?.items().flatMap((region) => region.string() ?? []) ?? [];
  if (regions && names.length)
    service.settings.regions = { value: names.join(','), location: regions.location };
  const crons = root.get('crons');
  const schedules = crons?.items().flatMap((cron) => cron.get('schedule')?.string() ?? []) ?? [];
  if (crons && schedules.length)
    service.settings.crons = { value: schedules.length, location: crons.location };
  return service;
}

function problem(node: LocatedNode, message: string): Diagnostic {
  return { severity: 'warning', origin: 'vercel', message, location: node.location };
}
