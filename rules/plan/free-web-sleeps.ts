import { BOT_PACKAGES, LONG_LIVED_PACKAGES } from '../../src/catalog/libraries.ts';
import { RENDER_FREE_SPIN_DOWN_MINUTES } from '../../src/catalog/render.ts';
import type { ProjectModel } from '../../src/model/project-model.ts';
import { defineRule, type RuleFinding } from '../../src/rules/rule.ts';
import { firstOf, packagesOf } from '../../src/rules/service-facts.ts';

const minutes = RENDER_FREE_SPIN_DOWN_MINUTES.value;

export default defineRule({
  meta: {
    id: 'plan/free-web-sleeps',
    title: 'Free web service that sleeps',
    category: 'plan',
    severity: { launch: 'warning', growth: 'error', scale: 'error', enterprise: 'error' },
    summary: `A web service that sleeps when idle: Render's free plan (spins down after ${minutes} minutes), Fly machines with \`min_machines_running = 0\`, Railway's app sleeping.`,
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
    const findings: RuleFinding[] = [...sleepingMachines(model)];
    for (const service of model.services) {
      if (service.platform !== 'render' || service.kind !== 'web' || service.plan?.name !== 'free') continue;
      const packages = packagesOf(model, service);
      const bot = firstOf(packages, BOT_PACKAGES);
      const longLived = firstOf(packages, LONG_LIVED_PACKAGES);
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

/**
 * Fly machines that all stop when idle (`min_machines_running = 0` with auto-stop) and Railway
 * services with `sleepApplication`: the same cold start, on platforms without a free plan.
 */
function sleepingMachines(model: ProjectModel): RuleFinding[] {
  return model.services.flatMap((service) => {
    const {
      auto_stop_machines: autoStop,
      min_machines_running: minRunning,
      sleepApplication,
    } = service.settings;
    const flySleeps =
      service.platform === 'fly' &&
      service.kind === 'web' &&
      autoStop?.value !== 'off' &&
      minRunning?.value === 0;
    const railwaySleeps = service.platform === 'railway' && sleepApplication?.value === true;
    if (!flySleeps && !railwaySleeps) return [];
    const bot =
      firstOf(packagesOf(model, service), BOT_PACKAGES) ??
      firstOf(packagesOf(model, service), LONG_LIVED_PACKAGES);
    const setting = flySleeps ? '`min_machines_running = 0` with auto-stop' : '`sleepApplication: true`';
    return [
      {
        entity: service.id,
        message: `${service.name} stops every machine when idle (${setting})${bot ? `, yet runs ${bot}, which needs to stay connected` : ''}: the next request waits for a cold start.`,
        location: (minRunning ?? sleepApplication ?? autoStop)?.location ?? service.location,
        ...(bot ? { severity: 'error' as const } : {}),
        fix: {
          text: flySleeps ? 'Keep one machine running.' : 'Turn off app sleeping.',
          replacement: flySleeps ? 'min_machines_running = 1' : '"sleepApplication": false',
        },
      },
    ];
  });
}
