import type { ProjectModel } from '../model/project-model.ts';

/** Every env var key an env file (template or real), a hosting config or a local compose file declares. */
export function declaredEnvKeys(model: ProjectModel): Set<string> {
  return new Set([
    ...model.envFiles.flatMap((file) => [...file.entries.map((e) => e.key), ...(file.commentedKeys ?? [])]),
    ...model.services.flatMap((s) => s.env.map((e) => e.key)),
    ...model.envReads.filter((read) => read.schema).map((read) => read.key),
    ...model.envDeclarations.map((declaration) => declaration.key),
  ]);
}
