import { createServer } from 'node:http';
import { keepWasmOnBaselineCompiler } from '../baseline-wasm.ts';
import { drainOnSignal, processParts, threadEntryBeside } from './app-process.ts';
import { loadDotEnv, readCredentials } from './credentials.ts';
import { createAppLog } from './log.ts';
import { opsRoutes } from './ops/routes.ts';
import { readSettings } from './settings.ts';

// `npm run worker`: works jobs from Redis and serves only /healthz and /metrics.
keepWasmOnBaselineCompiler();
const threadEntry = threadEntryBeside(import.meta.url);
loadDotEnv();
const log = await createAppLog();
const credentials = readCredentials();
const settings = readSettings();
if (!credentials)
  throw new Error('A worker needs APP_ID and PRIVATE_KEY (or PRIVATE_KEY_PATH), as the App does.');
if (!settings.REDIS_URL) throw new Error('A worker takes its jobs from Redis: set REDIS_URL.');

const parts = processParts({ credentials, settings, log, threadEntry, work: true });
const routes = opsRoutes(parts.queue, parts.metrics, 'worker');
const http = createServer(async (request, response) => {
  if (!(await routes(request, response))) response.writeHead(404).end();
});
const port = Number(process.env.PORT) || 3000;
http.listen(port, process.env.HOST || 'localhost', () =>
  log.info(
    `worker: ${settings.HEADROOM_CONCURRENCY} review threads on ${settings.HEADROOM_QUEUE}; /healthz and /metrics on port ${port}`,
  ),
);
drainOnSignal(log, async () => {
  http.close();
  await parts.queue.close();
});
