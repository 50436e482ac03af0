import { type Invocation, invocationEnv, startInvocations } from '../../src/capacity/command.ts';
import { literalEnv } from '../../src/capacity/processes.ts';
import { DEV_SERVER_PROGRAMS } from '../../src/catalog/libraries.ts';
import type { Service } from '../../src/model/project-model.ts';
import { defineRule } from '../../src/rules/rule.ts';

export default defineRule({
  meta: {
    id: 'plan/dev-server-in-production',
    title: 'Development server as the start command',
    category: 'plan',
    severity: { launch: 'error', growth: 'error', scale: 'error', enterprise: 'error' },
    summary:
      'A deployed service starts a development server or file watcher (`next dev`, `flask run`, `manage.py runserver`, `uvicorn --reload`, nodemon).',
    ramification:
      'Development servers are single-process, unoptimised and often recompile on request; watchers restart the process on file changes and hold memory for it. Under load they fall over long before the plan does, and some print stack traces to visitors.',
    fix: 'Build at deploy time and start the production server: `next start`, `gunicorn`, `uvicorn` without `--reload`, `node dist/server.js`.',
    examples: {
      bad: {
        path: 'render.yaml',
        text: 'services:\n  - type: web\n    name: web\n    runtime: node\n    plan: starter\n    buildCommand: npm ci\n    startCommand: npm run dev\n',
        alongside: { 'package.json': '{ "scripts": { "dev": "next dev", "start": "next start" } }' },
      },
      good: {
        path: 'render.yaml',
        text: 'services:\n  - type: web\n    name: web\n    runtime: node\n    plan: starter\n    buildCommand: npm ci && npm run build\n    startCommand: npm start\n',
        alongside: { 'package.json': '{ "scripts": { "dev": "next dev", "start": "next start" } }' },
      },
    },
  },
  check(model) {
    return model.services.flatMap((service) => {
      if (!deployed(service)) return [];
      const serviceEnv = literalEnv(service);
      const invocations = startInvocations(model, service).map((invocation) => ({
        ...invocation,
        env: invocationEnv(serviceEnv, invocation),
      }));
      const dev = invocations.map((invocation) => developmentServer(invocation, service)).find(Boolean);
      // A start script that also starts a production server runs the dev one in a branch
      // (`if [ "$BUILD_ENV" = local ]; then … runserver; else … gunicorn; fi`).
      const production = invocations.some(
        (invocation) => PRODUCTION_SERVERS.has(invocation.program) && !developmentServer(invocation, service),
      );
      if (!dev || production || !service.startCommand) return [];
      return [
        {
          entity: service.id,
          message: `${service.name} starts with ${dev}, a development server: single-process, unoptimised, and not meant for real traffic.`,
          location: service.startCommand.location,
          fix: { text: 'Start the production server instead (build during the build step).' },
        },
      ];
    });
  },
});

/** Servers meant for traffic; a `--reload` among their arguments still makes them a dev server. */
const PRODUCTION_SERVERS = new Set([
  'gunicorn',
  'uwsgi',
  'uvicorn',
  'hypercorn',
  'daphne',
  'granian',
  'puma',
]);

/** The development server an invocation starts, if it is one. */
function developmentServer({ program, args, env }: Invocation, service: Service): string | undefined {
  if (DEV_SERVER_PROGRAMS.has(program)) return program;
  if (program === 'next' && args[0] === 'dev') return '`next dev`';
  if (
    (program === 'vite' && (args.length === 0 || args[0] === 'dev' || args[0] === 'serve')) ||
    (program === 'nuxt' && args[0] === 'dev')
  )
    return `\`${program} dev\``;
  if ((program === 'python' || program === 'python3') && args[0] === '-m' && args[1])
    return developmentServer({ program: args[1], args: args.slice(2), env }, service);
  if (program === 'flask' && args[0] === 'run') return '`flask run`';
  if (program === 'fastapi' && args[0] === 'dev') return '`fastapi dev`';
  if ((program === 'gunicorn' || program === 'hypercorn') && args.includes('--reload'))
    return `\`${program} --reload\``;
  if (program === 'react-scripts' && args[0] === 'start') return '`react-scripts start`';
  if (
    (program === 'tsx' || program === 'node' || program === 'bun') &&
    args.some((a) => a === 'watch' || a === '--watch' || a === '--hot')
  )
    return `\`${program} watch\``;
  if (
    program === 'rails' &&
    (args[0] === 'server' || args[0] === 's') &&
    railsEnv(args, env, service) === 'development'
  )
    return '`rails server` in development';
  if ((program === 'python' || program === 'python3') && args.includes('runserver'))
    return '`manage.py runserver`';
  if (program === 'uvicorn' && args.includes('--reload')) return '`uvicorn --reload`';
  if (program === 'ng' && args[0] === 'serve') return '`ng serve`';
  return undefined;
}

/**
 * `-e development` / `--environment=development`, else RAILS_ENV; Rails defaults to development.
 * An image can set RAILS_ENV itself (`ENV RAILS_ENV=production`, or its base image): for a service
 * built from one, an unset RAILS_ENV is unknown, not development.
 */
function railsEnv(args: string[], env: Record<string, string>, service: Service): string | undefined {
  const flag = args.findIndex((a) => a === '-e' || a === '--environment');
  const inline = args.find((a) => a.startsWith('--environment='))?.split('=')[1];
  return (
    (flag >= 0 ? args[flag + 1] : inline) ??
    env.RAILS_ENV ??
    env.RACK_ENV ??
    (service.image ? undefined : 'development')
  );
}

/**
 * A compose file taken for the deployment by default that runs a dev server is, by that very
 * command, the local setup: only one named for production (`docker-compose.prod.yml`) counts here.
 */
function deployed(service: Service): boolean {
  return !service.assumedDeployment;
}
