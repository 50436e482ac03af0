import type { ProjectModel, Service } from '../model/project-model.ts';

/**
 * The deployed service that runs a file: the one with the deepest root directory holding it, or
 * the only deployed service of the repository. Undefined when several services share the root.
 */
export function serviceOwning(model: ProjectModel, path: string): Service | undefined {
  const deployed = model.services.filter((s) => s.kind !== 'static' && s.kind !== 'cron');
  const owners = deployed
    .filter((s) => s.rootDir === '' || path.startsWith(`${s.rootDir}/`))
    .sort((a, b) => b.rootDir.length - a.rootDir.length);
  const deepest = owners[0];
  if (deepest && (deepest.rootDir !== '' || owners.filter((s) => s.rootDir === '').length === 1))
    return deepest;
  return deployed.length === 1 ? deployed[0] : undefined;
}
