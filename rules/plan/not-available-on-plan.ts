import { HEROKU_DYNO_SIZES } from '../../src/catalog/heroku.ts';
import { RENDER_DISK_MAX_INSTANCES, RENDER_FREE_MAX_INSTANCES } from '../../src/catalog/plan-availability.ts';
import {
  RENDER_COMPUTE_PLANS,
  type RenderServiceType,
  renderPostgresPlan,
} from '../../src/catalog/render.ts';
import type { Service } from '../../src/model/project-model.ts';
import { defineRule, type RuleFinding } from '../../src/rules/rule.ts';

const TYPE_NAMES: Record<RenderServiceType, string> = {
  web: 'web services',
  private: 'private services',
  worker: 'background workers',
  cron: 'cron jobs',
};

export default defineRule({
  meta: {
    id: 'plan/not-available-on-plan',
    title: 'Configuration the plan does not offer',
    category: 'plan',
    severity: { launch: 'error', growth: 'error', scale: 'error', enterprise: 'error' },
    summary:
      'A plan not offered for the service type, an unknown plan or dyno size, scaling on the free plan (or several Eco/Basic dynos), or a disk on a service with several instances.',
    ramification:
      'The Blueprint sync fails or silently does something else: no free plan exists for workers, private services and cron jobs; a service with a disk cannot run more than one instance; free services cannot scale. The deploy you planned for load never happens.',
    fix: 'Pick a plan offered for the service type (`starter` and up; `pro max`/`pro ultra` are not offered for cron), drop the disk or the extra instances (a disk ties the service to one instance: move files to object storage), or use a paid plan to scale.',
    examples: {
      bad: {
        path: 'render.yaml',
        text: 'services:\n  - type: worker\n    name: jobs\n    runtime: python\n    plan: free\n    startCommand: celery -A app worker\n',
      },
      good: {
        path: 'render.yaml',
        text: 'services:\n  - type: worker\n    name: jobs\n    runtime: python\n    plan: starter\n    startCommand: celery -A app worker\n',
      },
    },
  },
  check(model) {
    const findings: RuleFinding[] = [];
    for (const service of model.services.filter(
      (s) => s.platform === 'render' && s.kind !== 'static' && s.kind !== 'serverless',
    )) {
      findings.push(...planProblems(service));
    }
    for (const service of model.services.filter((s) => s.platform === 'heroku' && s.plan)) {
      findings.push(...dynoProblems(service));
    }
    for (const database of model.datastores.filter(
      (d) => d.platform === 'render' && d.kind === 'postgres' && d.plan,
    )) {
      if (database.plan && !renderPostgresPlan(database.plan.name)) {
        findings.push({
          entity: `${database.id}:plan`,
          message: `Database ${database.name} names plan \`${database.plan.name}\`, which Render Postgres does not offer (free, basic-256mb/1gb/4gb, pro-<N>gb, accelerated-<N>gb, or a legacy plan).`,
          location: database.plan.location,
          fix: { text: 'Use a Render Postgres plan name, e.g. `basic-1gb` or `pro-4gb`.' },
        });
      }
    }
    return findings;
  },
});

function planProblems(service: Service): RuleFinding[] {
  const problems: RuleFinding[] = [];
  const type = service.kind as RenderServiceType;
  const plan = service.plan;
  const offered = plan ? RENDER_COMPUTE_PLANS[plan.name] : undefined;
  if (plan && !offered) {
    problems.push({
      entity: `${service.id}:plan`,
      message: `${service.name} names plan \`${plan.name}\`, which Render does not offer (${Object.keys(RENDER_COMPUTE_PLANS).join(', ')})${didYouMean(plan.name, Object.keys(RENDER_COMPUTE_PLANS))}.`,
      location: plan.location,
      fix: {
        text: 'Use one of Render’s plan names; Blueprints write them with spaces (`pro plus`).',
        ...(closest(plan.name, Object.keys(RENDER_COMPUTE_PLANS))
          ? { replacement: `plan: ${closest(plan.name, Object.keys(RENDER_COMPUTE_PLANS))}` }
          : {}),
      },
    });
  } else if (plan && offered && !offered.value.allowedFor.includes(type)) {
    problems.push({
      entity: `${service.id}:plan`,
      message: `${service.name} asks for plan \`${plan.name}\`, which Render does not offer for ${TYPE_NAMES[type]}.`,
      location: plan.location,
      fix: { text: 'Use `starter` or a larger plan offered for this type.', replacement: 'plan: starter' },
    });
  }
  if (plan?.name === 'free' && service.instances.max > RENDER_FREE_MAX_INSTANCES.value) {
    problems.push({
      entity: `${service.id}:free-scaling`,
      message: `${service.name} is on the free plan, which runs a single instance: ${service.instances.autoscaling ? 'autoscaling' : 'numInstances'} up to ${service.instances.max} is not available.`,
      location: service.instances.location,
      fix: { text: 'Use a paid plan to run more than one instance.' },
    });
  }
  const preDeploy = service.settings.preDeployCommand;
  if (plan?.name === 'free' && preDeploy) {
    problems.push({
      entity: `${service.id}:free-pre-deploy`,
      message: `${service.name} is on the free plan, where Render does not run \`preDeployCommand\`: the migrations it holds would never run.`,
      location: preDeploy.location,
      fix: { text: 'Use a paid plan, or run the step at the start of the start command.' },
    });
  }
  if (service.disk && service.instances.max > RENDER_DISK_MAX_INSTANCES.value) {
    problems.push({
      entity: `${service.id}:disk-scaling`,
      message: `${service.name} has a persistent disk and ${service.instances.max} instances; Render cannot scale a service with a disk beyond one instance.`,
      location: service.disk.location,
      fix: {
        text: 'Keep files in object storage (S3, R2) or a database and drop the disk, or run one instance.',
      },
    });
  }
  return problems;
}

/** Heroku formation: a dyno size that does not exist, or more dynos than Eco and Basic allow. */
function dynoProblems(service: Service): RuleFinding[] {
  const plan = service.plan;
  if (!plan) return [];
  const size = HEROKU_DYNO_SIZES[plan.name];
  const sizes = Object.keys(HEROKU_DYNO_SIZES);
  if (!size)
    return [
      {
        entity: `${service.id}:plan`,
        message: `${service.name} asks for dyno size \`${plan.name}\`, which Heroku does not offer (${sizes.join(', ')})${didYouMean(plan.name, sizes)}.`,
        location: plan.location,
        fix: {
          text: 'Use a current dyno size; Free and Hobby dynos are retired (Eco and Basic replace them).',
        },
      },
    ];
  if (service.instances.max <= size.value.maxQuantity) return [];
  return [
    {
      entity: `${service.id}:dyno-quantity`,
      message: `${service.name} asks for ${service.instances.max} \`${plan.name}\` dynos; Heroku runs at most ${size.value.maxQuantity} ${plan.name} dyno per process type.`,
      location: service.instances.location,
      fix: { text: 'Use Standard-1X or larger to run several dynos.', replacement: '"size": "standard-1x"' },
    },
  ];
}

/** ` (did you mean `x`?)` when one candidate is a small edit away from what was written. */
function didYouMean(written: string, candidates: string[]): string {
  const best = closest(written, candidates);
  return best ? ` (did you mean \`${best}\`?)` : '';
}

/** The candidate within a third of the word's length in edits (spaces, dashes, underscores alike). */
function closest(written: string, candidates: string[]): string | undefined {
  const normal = (word: string) =>
    word
      .toLowerCase()
      .replace(/[\s_-]+/g, ' ')
      .trim();
  const scored = candidates
    .map((candidate) => ({ candidate, distance: editDistance(normal(written), normal(candidate)) }))
    .sort((a, b) => a.distance - b.distance);
  const best = scored[0];
  return best && best.distance <= Math.max(1, Math.floor(written.length / 3)) ? best.candidate : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++)
      current[j] = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    previous = current;
  }
  return previous[b.length] as number;
}
