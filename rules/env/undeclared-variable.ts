import { isProvidedEnvKey } from '../../src/catalog/platform-env.ts';
import type { EnvRead, ProjectModel, Service } from '../../src/model/project-model.ts';
import { byCodeUnits } from '../../src/model/text-order.ts';
import { declaredEnvKeys } from '../../src/rules/env-facts.ts';
import { defineRule, type RuleFinding } from '../../src/rules/rule.ts';

export default defineRule({
  meta: {
    id: 'env/undeclared-variable',
    title: 'Environment variable read but never declared',
    category: 'env',
    severity: { launch: 'note', growth: 'warning', scale: 'warning', enterprise: 'error' },
    summary:
      'The code or the Prisma datasource reads a variable (`process.env.X`, `os.environ["X"]`, `env("X")`) without a fallback or a guard, and no env file, hosting config or typed env schema (t3-env, a zod object in `env.ts`, envalid, pydantic settings) declares it; one finding per service lists its variables.',
    ramification:
      'The next environment you create — a second region, a staging copy, a new instance type — starts without it and fails at runtime, often only on the code path that reads it. Teams scaling out discover these one outage at a time.',
    fix: 'Declare every variable the code needs: a placeholder in `.env.example`, and the real value (or `sync: false`, `fromDatabase`…) in the hosting config.',
    examples: {
      bad: {
        path: 'src/server.js',
        text: 'const url = process.env.DATABASE_URL;\nconst key = process.env.STRIPE_SECRET_KEY;\n',
        alongside: { '.env.example': 'DATABASE_URL=postgresql://localhost/app\n' },
      },
      good: {
        path: 'src/server.js',
        text: 'const url = process.env.DATABASE_URL;\nconst key = process.env.STRIPE_SECRET_KEY;\n',
        alongside: {
          '.env.example': 'DATABASE_URL=postgresql://localhost/app\nSTRIPE_SECRET_KEY=sk_test_change_me\n',
        },
      },
    },
  },
  check(model) {
    const declared = declaredEnvKeys(model);
    // One finding per service that runs the code, listing its variables: one fix, one checkbox.
    const byOwner = new Map<string, { owner?: Service; reads: Map<string, EnvRead> }>();
    for (const read of [...prismaReads(model), ...model.envReads]) {
      if (read.optional || declared.has(read.key) || isProvidedEnvKey(read.key)) continue;
      const owner = ownerOf(model, read.location.path);
      const group = byOwner.get(owner?.name ?? '') ?? { ...(owner ? { owner } : {}), reads: new Map() };
      if (!group.reads.has(read.key)) group.reads.set(read.key, read);
      byOwner.set(owner?.name ?? '', group);
    }
    const byPlace = (a: EnvRead, b: EnvRead) =>
      byCodeUnits(a.location.path, b.location.path) || a.location.line - b.location.line;
    const groups = [...byOwner.values()].map(({ owner, reads }) => ({
      owner,
      list: [...reads.values()].sort(byPlace),
    }));
    groups.sort((a, b) => byPlace(a.list[0] as EnvRead, b.list[0] as EnvRead));
    return groups.map(({ owner, list }): RuleFinding => {
      const first = list[0] as EnvRead;
      const keys = list.map((read) => read.key);
      const where = list
        .map((read) => `${read.key} (${read.location.path}:${read.location.line})`)
        .join(', ');
      return {
        entity: owner ? `${owner.id}:undeclared-env` : 'project:undeclared-env',
        message: `${owner ? owner.name : 'The code'} reads ${keys.length === 1 ? 'a variable' : `${keys.length} variables`} without a fallback that no env file or hosting config declares, so a new environment starts without ${keys.length === 1 ? 'it' : 'them'}: ${where}.`,
        location: first.location,
        fix: {
          text: `Declare ${keys.join(', ')} in .env.example and in the hosting config.`,
          replacement: keys.map((key) => `${key}=`).join('\n'),
        },
      };
    });
  },
});

/** The service whose folder holds the file: the deepest root directory that contains it. */
function ownerOf(model: ProjectModel, path: string): Service | undefined {
  return model.services
    .filter((service) => service.rootDir === '' || path.startsWith(`${service.rootDir}/`))
    .sort((a, b) => b.rootDir.length - a.rootDir.length)[0];
}

function prismaReads(model: ProjectModel): EnvRead[] {
  return model.schemas.flatMap((schema) => {
    const datasource = schema.datasource;
    if (!datasource) return [];
    return [datasource.urlEnv, datasource.directUrlEnv]
      .filter((key): key is string => Boolean(key))
      .map((key) => ({ key, location: datasource.location }));
  });
}
