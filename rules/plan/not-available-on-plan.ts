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
      'A plan not offered for the service type, an unknown plan name, scaling on the free plan, or a disk on a service with several instances.',
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
      message: `${service.name} names plan \`${plan.name}\`, which Render does not offer (${Object.keys(RENDER_COMPUTE_PLANS).join(', ')}).`,
      location: plan.location,
      fix: { text: 'Use one of Render’s plan names; Blueprints write them with spaces (`pro plus`).' },
    });
  } else if (plan && offered && !offered.value.allowedFor.includes(type)) {
    problems.push({
      entity: `${service.id}:plan`,
      message: `${service.name} asks for plan \`${plan.name}\`, which Render does not offer for ${TYPE_NAMES[type]}.`,
      location: plan.location,
      fix: { text: 'Use `starter` or a larger plan offered for this type.', replacement: 'plan: starter' },
    });
  }
  if (plan?.name === 'free' && service.instances.max > 1) {
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
  if (service.disk && service.instances.max > 1) {
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
