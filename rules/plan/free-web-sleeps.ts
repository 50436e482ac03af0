import { solidQueueOf } from '../../src/capacity/solid-queue.ts';
import { FLY_AUTOSTOP_DELAY } from '../../src/catalog/fly.ts';
import { HEROKU_DYNO_SIZES, HEROKU_ECO_SLEEP_MINUTES } from '../../src/catalog/heroku.ts';
import { BOT_PACKAGES, LONG_LIVED_PACKAGES } from '../../src/catalog/libraries.ts';
import { RAILWAY_SLEEP_AFTER_MINUTES } from '../../src/catalog/railway.ts';
import { RENDER_FREE_SPIN_DOWN_MINUTES } from '../../src/catalog/render.ts';
import type { Location } from '../../src/model/location.ts';
import type { ProjectModel, Service } from '../../src/model/project-model.ts';
import { defineRule, type RuleFinding, type Tier } from '../../src/rules/rule.ts';
import { firstOf, packagesOf } from '../../src/rules/service-facts.ts';

const minutes = RENDER_FREE_SPIN_DOWN_MINUTES.value;

export default defineRule({
  meta: {
    id: 'plan/free-web-sleeps',
    title: 'Free web service that sleeps',
    category: 'plan',
    severity: { launch: 'warning', growth: 'error', scale: 'error', enterprise: 'error' },
    summary: `A web service that sleeps when idle: Render's free plan (spins down after ${minutes} minutes), Fly machines with \`min_machines_running = 0\`, Railway's app sleeping (${RAILWAY_SLEEP_AFTER_MINUTES.value} minutes), Heroku Eco dynos (${HEROKU_ECO_SLEEP_MINUTES.value} minutes).`,
    ramification: `After ${minutes} idle minutes the instance stops; the next visitor waits up to a minute while it starts again. A bot loses its gateway connection and stops answering, websockets drop, in-process schedulers never fire. Free instance hours are also capped per workspace.`,
    fix: 'Move the service to a paid plan (`plan: starter` or larger). A bot that serves no HTTP belongs in a background worker (`type: worker`), which has no free plan and never sleeps.',
    examples: {
      bad: {
        path: 'render.yaml',
        text: 'services:\n  - type: web\n    name: bot\n    runtime: node\n    plan: free\n    startCommand: node bot.js\n',
        alongside: { 'package.json': '{ "dependencies": { "discord.js": "14.16.3" } }' },
      },
      good: {
        path: 'render.yaml',
        text: 'services:\n  - type: worker\n    name: bot\n    runtime: node\n    plan: starter\n    startCommand: node bot.js\n',
        alongside: { 'package.json': '{ "dependencies": { "discord.js": "14.16.3" } }' },
      },
    },
  },
  check(model, { tier }) {
    const findings: RuleFinding[] = [...sleepingMachines(model, tier)];
    for (const service of model.services) {
      if (service.platform !== 'render' || service.kind !== 'web' || service.plan?.name !== 'free') continue;
      const packages = packagesOf(model, service);
      const bot = firstOf(packages, BOT_PACKAGES);
      const longLived = longLivedWork(model, service, packages);
      const location = service.plan.location;
      if (bot) {
        findings.push({
          entity: service.id,
          message: `${service.name} runs a ${bot} bot as a free web service: it sleeps after ${minutes} idle minutes and the bot goes offline until an HTTP request wakes it.`,
          location,
          severity: 'error',
          fix: {
            text: 'Run the bot as a background worker on a paid plan (`type: worker`, `plan: starter`).',
          },
        });
      } else if (longLived) {
        findings.push({
          entity: service.id,
          message: `${service.name} uses ${longLived} on a free web service, which sleeps after ${minutes} idle minutes: connections drop and scheduled work stops.`,
          location,
          severity: 'error',
          fix: { text: 'Use a paid plan (`plan: starter` or larger).', replacement: 'plan: starter' },
        });
      } else if (tier !== 'launch') {
        findings.push({
          entity: service.id,
          message: `${service.name} is on the free plan: it sleeps after ${minutes} idle minutes and the next visitor waits up to a minute, which a ${tier}-tier audience will notice.`,
          location,
          fix: { text: 'Use a paid plan (`plan: starter` or larger).', replacement: 'plan: starter' },
        });
      }
    }
    return findings;
  },
});

/** How a non-Render service sleeps, in its platform's own words and numbers; undefined when it does not. */
function sleepOf(service: Service): { how: string; location: Location; fix: RuleFinding['fix'] } | undefined {
  const {
    auto_stop_machines: autoStop,
    min_machines_running: minRunning,
    sleepApplication,
  } = service.settings;
  if (
    service.platform === 'fly' &&
    service.kind === 'web' &&
    autoStop &&
    autoStop.value !== 'off' &&
    minRunning?.value === 0
  )
    return {
      how: `every Fly machine stops when idle (\`min_machines_running = 0\` with \`auto_stop_machines = "${autoStop.value}"\`; the proxy stops idle machines within ${FLY_AUTOSTOP_DELAY.value})`,
      location: minRunning.location,
      fix: { text: 'Keep one machine running.', replacement: 'min_machines_running = 1' },
    };
  if (service.platform === 'railway' && sleepApplication?.value === true)
    return {
      how: `Railway puts it to sleep after ${RAILWAY_SLEEP_AFTER_MINUTES.value} minutes without outbound traffic (\`sleepApplication: true\`)`,
      location: sleepApplication.location,
      fix: { text: 'Turn off app sleeping.', replacement: '"sleepApplication": false' },
    };
  const dyno = service.plan ? HEROKU_DYNO_SIZES[service.plan.name] : undefined;
  if (service.platform === 'heroku' && service.kind === 'web' && service.plan && dyno?.value.sleeps)
    return {
      how: `its \`${service.plan.name}\` dyno sleeps after ${HEROKU_ECO_SLEEP_MINUTES.value} minutes without web traffic`,
      location: service.plan.location,
      fix: { text: 'Use a Basic dyno or larger, which never sleeps.', replacement: '"size": "basic"' },
    };
  return undefined;
}

/** Fly machines that all stop when idle, Railway app sleeping and Heroku Eco dynos: the same cold start. */
function sleepingMachines(model: ProjectModel, tier: Tier): RuleFinding[] {
  return model.services.flatMap((service) => {
    const sleep = sleepOf(service);
    if (!sleep) return [];
    const packages = packagesOf(model, service);
    const needsToStayUp = firstOf(packages, BOT_PACKAGES) ?? longLivedWork(model, service, packages);
    if (!needsToStayUp && tier === 'launch') return [];
    // A suspended Fly machine resumes from a snapshot in a few hundred milliseconds, not a cold
    // boot (https://fly.io/docs/reference/suspend-resume): only work that must stay up suffers.
    if (!needsToStayUp && service.settings.auto_stop_machines?.value === 'suspend') return [];
    return [
      {
        entity: service.id,
        message: needsToStayUp
          ? `${service.name} runs ${needsToStayUp}, which must stay connected, yet ${sleep.how}: it goes offline until an HTTP request wakes it.`
          : `${service.name} sleeps when idle: ${sleep.how}, so the next visitor waits for a cold start, which a ${tier}-tier audience will notice.`,
        location: sleep.location,
        ...(needsToStayUp ? { severity: 'error' as const } : {}),
        fix: sleep.fix,
      },
    ];
  });
}

/** Work that must keep running between requests: a websocket or scheduler package, or Solid Queue in Puma. */
function longLivedWork(model: ProjectModel, service: Service, packages: Set<string>): string | undefined {
  return (
    firstOf(packages, LONG_LIVED_PACKAGES) ??
    (solidQueueOf(model, service)?.inPuma ? 'Solid Queue inside Puma (`plugin :solid_queue`)' : undefined)
  );
}
