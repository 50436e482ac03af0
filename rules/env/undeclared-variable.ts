import { PROVIDED_ENV_KEYS } from '../../src/catalog/platform-env.ts';
import type { EnvRead, ProjectModel } from '../../src/model/project-model.ts';
import { declaredEnvKeys } from '../../src/rules/env-facts.ts';
import { defineRule, type RuleFinding } from '../../src/rules/rule.ts';

export default defineRule({
  meta: {
    id: 'env/undeclared-variable',
    title: 'Environment variable read but never declared',
    category: 'env',
    severity: { launch: 'note', growth: 'warning', scale: 'warning', enterprise: 'error' },
    summary:
      'The code or the Prisma datasource reads a variable (`process.env.X`, `os.environ["X"]`, a pydantic settings field, `env("X")`) without a fallback, and no env file or hosting config declares it.',
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
    const first = new Map<string, EnvRead>();
    for (const read of [...prismaReads(model), ...model.envReads]) {
      if (
        !read.optional &&
        !declared.has(read.key) &&
        !PROVIDED_ENV_KEYS.has(read.key) &&
        !first.has(read.key)
      )
        first.set(read.key, read);
    }
    return [...first.values()].map(
      (read): RuleFinding => ({
        entity: `env:${read.key}`,
        message: `${read.key} is read here but no env file or hosting config declares it, so a new environment starts without it.`,
        location: read.location,
        fix: {
          text: `Declare ${read.key} in .env.example and in the hosting config.`,
          replacement: `${read.key}=`,
        },
      }),
    );
  },
});

function prismaReads(model: ProjectModel): EnvRead[] {
  return model.schemas.flatMap((schema) => {
    const datasource = schema.datasource;
    if (!datasource) return [];
    return [datasource.urlEnv, datasource.directUrlEnv]
      .filter((key): key is string => Boolean(key))
      .map((key) => ({ key, location: datasource.location }));
  });
}
