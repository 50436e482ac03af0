import { generateKeyPairSync } from 'node:crypto';
import webhookExamples from '@octokit/webhooks-examples';
import Bottleneck from 'bottleneck';
import { Probot } from 'probot';
import { createHeadroomApp, type HeadroomAppOptions } from '../../src/delivery/app/index.ts';
import { HeadroomOctokit } from '../../src/delivery/app/octokit.ts';
import { EmbeddedQueue } from '../../src/delivery/app/queue/embedded-queue.ts';
import type { JobQueue } from '../../src/delivery/app/queue/job-queue.ts';
import type { FakeCommit } from '../github/fake-repo.ts';
import type { GitHubRecorder, Json } from '../github/github-recorder.ts';

export const APP_ID = 4242;
export const BOT_LOGIN = 'headroom-test[bot]';
export const WEBHOOK_SECRET = 'test-webhook-secret';
export const INSTALLATION_ID = 957387;
export const OWNER = 'Codertocat';
export const REPO = 'Hello-World';
export const HEAD_SHA = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821';
export const BASE_SHA = 'f95f852bd8fca8fcc58a9a2d6c842781e32a215e';
export const PR_NUMBER = 2;

const { privateKey } = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
  publicKeyEncoding: { type: 'spki', format: 'pem' },
});

/**
 * The App's production Octokit with waits shrunk from seconds to milliseconds: retry backoff, and
 * the throttling plugin's spacing of writes (1 s) and notifying writes (3 s), which GitHub asks of
 * real traffic and would only make these tests slow.
 */
const unspaced = () => new Bottleneck.Group({ maxConcurrent: 1, minTime: 0 });
const FastRetryOctokit = HeadroomOctokit.defaults((options: Json) => ({
  ...options,
  retry: { ...options.retry, retryAfterBaseValue: 1 },
  throttle: {
    ...options.throttle,
    retryAfterBaseValue: 1,
    fallbackSecondaryRateRetryAfter: 0,
    write: unspaced(),
    notifications: unspaced(),
  },
}));

/** A Probot as `npm start` configures it, with a real (generated) private key, no app loaded yet. */
export function testProbot(): Probot {
  return new Probot({
    appId: APP_ID,
    privateKey,
    secret: WEBHOOK_SECRET,
    Octokit: FastRetryOctokit,
    logLevel: 'fatal',
  });
}

const queues = new WeakMap<Probot, JobQueue>();

/** A Probot running the Headroom App, with its embedded queue running jobs on this thread (where nock answers). */
export async function startApp(options: HeadroomAppOptions = {}): Promise<Probot> {
  const probot = testProbot();
  await probot.load(createHeadroomApp({ ...options, onQueue: (queue) => queues.set(probot, queue) }));
  return probot;
}

/** The queue of a started App. */
export function queueOf(probot: Probot): JobQueue {
  const queue = queues.get(probot);
  if (!queue) throw new Error('not an App started by startApp');
  return queue;
}

export type { Json } from '../github/github-recorder.ts';

/**
 * Delivers an event to the App as probot's webhook middleware would after verifying it, then
 * waits for the jobs it queued to finish.
 */
export async function receive(
  probot: Probot,
  name: string,
  payload: object,
  id = `delivery-${name}`,
): Promise<void> {
  await probot.receive({ id, name, payload } as unknown as Parameters<Probot['receive']>[0]);
  const queue = queueOf(probot);
  if (queue instanceof EmbeddedQueue) await queue.idle();
}

/** The installation token exchange probot makes before the first API call of a delivery. */
export function mockInstallationToken(github: GitHubRecorder): void {
  github.scope
    .post(`/app/installations/${INSTALLATION_ID}/access_tokens`)
    .reply(201, { token: 'installation-token', expires_at: '2099-01-01T00:00:00Z', permissions: {} });
}

/** `GET /app`, asked once per process to learn the bot login. */
export function mockAppIdentity(github: GitHubRecorder): void {
  github.scope.get('/app').reply(200, { id: APP_ID, slug: 'headroom-test', name: 'Headroom (test)' });
}

type Examples = Array<{ name: string; examples: Json[] }>;

/** A real example payload from @octokit/webhooks-examples (deep-copied), for an event and action. */
export function example(name: string, action: string): Json {
  const candidates =
    (webhookExamples as unknown as Examples)
      .find((event) => event.name === name)
      ?.examples.filter((payload) => payload.action === action) ?? [];
  const payload = candidates.find((candidate) => candidate.installation) ?? candidates[0];
  if (!payload) throw new Error(`No ${name}.${action} example`);
  return structuredClone({ ...payload, installation: { id: INSTALLATION_ID, node_id: 'MDIz' } });
}

export function pullRequestPayload(action: string, changes: Json = {}): Json {
  const payload = example('pull_request', action);
  Object.assign(payload.pull_request, changes);
  return payload;
}

export const headCommit = (files: FakeCommit['files']): FakeCommit => ({
  owner: OWNER,
  repo: REPO,
  sha: HEAD_SHA,
  files,
});
export const baseCommit = (files: FakeCommit['files']): FakeCommit => ({
  owner: OWNER,
  repo: REPO,
  sha: BASE_SHA,
  files,
});

export const COMMENTS_PATH = `/repos/${OWNER}/${REPO}/issues/${PR_NUMBER}/comments`;
export const CHECK_RUNS_PATH = `/repos/${OWNER}/${REPO}/check-runs`;

export const PULL_PATH = `/repos/${OWNER}/${REPO}/pulls/${PR_NUMBER}`;
export const GET_PULL = `GET ${PULL_PATH}`;
export const CHECK_RUN_LOOKUP = `GET /repos/${OWNER}/${REPO}/commits/${HEAD_SHA}/check-runs?check_name=headroom&app_id=${APP_ID}&filter=latest`;

/** The pull request as GitHub answers `GET /pulls/{number}`: the example payload's, with changes. */
export function mockPullRequest(github: GitHubRecorder, times = 2, changes: Json = {}): void {
  const pull = { ...pullRequestPayload('opened').pull_request, ...changes };
  github.scope.get(PULL_PATH).times(times).reply(200, pull);
}

export interface FoundRun {
  id: number;
  status: 'in_progress' | 'completed';
  completed_at?: string;
  external_id?: string;
}

/** The head's latest `headroom` run by this App: none, or the given one. */
export function mockCheckRunLookup(github: GitHubRecorder, existing?: FoundRun): void {
  github.scope
    .get(`/repos/${OWNER}/${REPO}/commits/${HEAD_SHA}/check-runs`)
    .query({ check_name: 'headroom', app_id: String(APP_ID), filter: 'latest' })
    .reply(200, {
      total_count: existing === undefined ? 0 : 1,
      check_runs: existing === undefined ? [] : [{ name: 'headroom', head_sha: HEAD_SHA, ...existing }],
    });
}

export interface JobStart {
  /** The head's latest run found by the lookup; `fresh` for a re-run, which creates one without looking. */
  checkRun?: FoundRun | 'fresh';
  /** Reads of the pull request: at the start and right before writing, unless the job stops sooner. */
  pullReads?: number;
}

/**
 * What the first job of a process asks first, in this order: who the App is, the pull request as
 * it is now (the installation token before it), and the head's check run.
 */
export function mockJobStart(github: GitHubRecorder, { checkRun, pullReads = 2 }: JobStart = {}): void {
  mockAppIdentity(github);
  mockInstallationToken(github);
  mockPullRequest(github, pullReads);
  if (checkRun !== 'fresh') mockCheckRunLookup(github, checkRun);
}

export const JOB_START = [
  'GET /app',
  `POST /app/installations/${INSTALLATION_ID}/access_tokens`,
  GET_PULL,
  CHECK_RUN_LOOKUP,
];
