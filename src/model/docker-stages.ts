import { posix } from 'node:path';
import type { Dockerfile, DockerStage } from './project-model.ts';

/** The stage a build produces: the one its `target` names, else the last. */
export function builtStage(dockerfile: Dockerfile, target?: string): DockerStage | undefined {
  if (target === undefined) return dockerfile.stages.at(-1);
  return dockerfile.stages.find((stage) => stage.name?.toLowerCase() === target.toLowerCase());
}

/**
 * Where a file the image holds came from in the build context, by the stage's COPY instructions,
 * newest first: `/start` ← `compose/production/django/start`, `/app/bin/web` ← `bin/web` after
 * `COPY . /app`. A path no copy explains has no candidates.
 */
export function contextPaths(stage: DockerStage, imagePath: string): string[] {
  const wanted = posix.resolve(stage.workdir, imagePath);
  const found: string[] = [];
  for (const { source, destination } of [...stage.copies].reverse()) {
    const intoFolder = destination.endsWith('/');
    const target = intoFolder ? destination.slice(0, -1) : destination;
    if (wanted === target && !intoFolder) found.push(source);
    if (intoFolder && wanted === posix.join(target, posix.basename(source))) found.push(source);
    if (wanted.startsWith(`${target}/`)) found.push(posix.join(source, wanted.slice(target.length + 1)));
  }
  return [...new Set(found.map((path) => posix.normalize(path).replace(/^\.\//, '')))];
}
