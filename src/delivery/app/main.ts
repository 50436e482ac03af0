import type { Server as HttpServer } from 'node:http';
import { Probot, run, Server } from 'probot';
import { keepWasmOnBaselineCompiler } from '../baseline-wasm.ts';
import { drainOnSignal, processParts, threadEntryBeside } from './app-process.ts';
import { loadDotEnv, readCredentials } from './credentials.ts';
import { createHeadroomApp, headroomApp } from './index.ts';
import { createAppLog } from './log.ts';
import { HeadroomOctokit } from './octokit.ts';
import type { AppMetrics } from './ops/metrics.ts';
import { opsRoutes } from './ops/routes.ts';
import { readSettings } from './settings.ts';

keepWasmOnBaselineCompiler();
const threadEntry = threadEntryBeside(import.meta.url);
loadDotEnv();
const log = await createAppLog();
const credentials = readCredentials();

if (!credentials) {
  // Not registered yet: probot's setup pages register an App from app.yml.
  await run(headroomApp, { Octokit: HeadroomOctokit, log, env: { ...process.env, REDIS_URL: undefined } });
} else {
  const settings = readSettings();
  const parts = processParts({ credentials, settings, log, threadEntry, work: settings.HEADROOM_WORK_JOBS });
  const webhookPath = process.env.WEBHOOK_PATH || '/api/github/webhooks';
  const server = new Server({
    // REDIS_URL is the queue's: probot would otherwise fetch ioredis with npx for its throttling.
    Probot: Probot.defaults({ ...credentials, log, Octokit: HeadroomOctokit }),
    port: Number(process.env.PORT) || 3000,
    host: process.env.HOST || 'localhost',
    webhookPath,
    ...(process.env.WEBHOOK_PROXY_URL ? { webhookProxy: process.env.WEBHOOK_PROXY_URL } : {}),
    log,
  });
  await server.load(async (app, options) => {
    const front = createHeadroomApp({
      queue: () => parts.queue,
      onDelivery: (_delivery, results) => parts.metrics.enqueued(results),
    });
    await front(app, options);
    options.addHandler(opsRoutes(parts.queue, parts.metrics, 'web'));
  });
  timeAnswers(await server.start(), webhookPath, parts.metrics);
  log.info(
    `queue: ${parts.queue.engine}${settings.HEADROOM_WORK_JOBS ? `, ${settings.HEADROOM_CONCURRENCY} review threads` : ', front door only'}`,
  );
  drainOnSignal(log, async () => {
    await server.stop();
    await parts.queue.close();
  });
}

/** Webhook answer times, from the request's arrival to the last byte of the answer. */
function timeAnswers(http: HttpServer, webhookPath: string, metrics: AppMetrics): void {
  http.prependListener('request', (request, response) => {
    if (request.method !== 'POST' || !request.url?.startsWith(webhookPath)) return;
    const start = process.hrtime.bigint();
    response.once('finish', () =>
      metrics.webhookAnswered(Number(process.hrtime.bigint() - start) / 1e9, response.statusCode),
    );
  });
}
