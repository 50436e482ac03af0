import { parentPort, workerData } from 'node:worker_threads';
import { Probot } from 'probot';
import { probotEnvironment } from './job-environment.ts';
import { createAppLog } from './log.ts';
import { headroomOctokit } from './octokit.ts';
import { InlineRunner } from './queue/inline-runner.ts';
import { JobFailure } from './queue/job-queue.ts';
import type { FromThread, ToThread } from './queue/thread-runner.ts';
import { redisThrottle } from './redis-throttle.ts';

/** How a review thread reaches GitHub as the App: from the process's environment, passed in. */
export interface ThreadSettings {
  appId: number;
  privateKey: string;
  baseUrl?: string;
  redisUrl?: string;
  writeSpacingMs?: number;
}

const port = parentPort;
if (!port) throw new Error('job-thread.ts runs as a worker thread of the App');
const settings = workerData as ThreadSettings;
const post = (message: FromThread) => port.postMessage(message);

const probot = new Probot({
  appId: settings.appId,
  privateKey: settings.privateKey,
  ...(settings.baseUrl ? { baseUrl: settings.baseUrl } : {}),
  Octokit: headroomOctokit(
    settings.redisUrl ? redisThrottle(settings.redisUrl) : undefined,
    settings.writeSpacingMs,
  ),
  log: await createAppLog(),
});
const runner = new InlineRunner(
  probotEnvironment(probot, { observe: (observation) => post({ type: 'request', observation }) }),
);

port.on('message', async ({ id, job, attempt }: ToThread) => {
  try {
    post({ type: 'done', id, outcome: await runner.run(job, attempt) });
  } catch (error) {
    const failure = error instanceof JobFailure ? error : new JobFailure(String(error), false);
    post({ type: 'failed', id, message: failure.message, final: failure.final });
  }
});
