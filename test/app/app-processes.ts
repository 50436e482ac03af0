import { type ChildProcess, spawn } from 'node:child_process';
import { createHmac, generateKeyPairSync } from 'node:crypto';
import { createRequire } from 'node:module';
import type { Json } from '../github/github-recorder.ts';

export const SECRET = 'scale-secret';
export const APP_ID = 777;
export const SLUG = 'headroom-scale';

const { privateKey } = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
  publicKeyEncoding: { type: 'spki', format: 'pem' },
});

export interface AppProcess {
  child: ChildProcess;
  /** Every log line so far, parsed from probot's JSON format. */
  logs: Json[];
  /** Every other line of standard output (what Node's own flags print). */
  output: string[];
  port: number;
  exited: Promise<number | null>;
}

const ENTRIES = {
  web: new URL('../../src/delivery/app/main.ts', import.meta.url).pathname,
  worker: new URL('../../src/delivery/app/worker-main.ts', import.meta.url).pathname,
};

/**
 * Starts the App's web process or a worker as `npm start` and `npm run worker` would, from the
 * sources, against the fake GitHub at `githubHost`; resolves once it listens.
 */
export async function startProcess(
  role: keyof typeof ENTRIES,
  port: number,
  githubHost: string,
  env: Record<string, string> = {},
  /** The built entry instead of the sources (the load benchmark runs what is deployed). */
  script = ENTRIES[role],
  node = process.execPath,
  /** Node's own flags, before the script. */
  nodeFlags: readonly string[] = [],
): Promise<AppProcess> {
  const child = spawn(node, [...nodeFlags, script], {
    env: {
      PATH: process.env.PATH ?? '',
      APP_ID: String(APP_ID),
      PRIVATE_KEY: privateKey,
      WEBHOOK_SECRET: SECRET,
      PORT: String(port),
      HOST: '127.0.0.1',
      GHE_HOST: githubHost,
      GHE_PROTOCOL: 'http',
      LOG_FORMAT: 'json',
      LOG_LEVEL: 'info',
      NODE_ENV: 'production',
      // github.com's one second between writes would make each review here take four.
      HEADROOM_WRITE_SPACING_MS: '20',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: Json[] = [];
  const output: string[] = [];
  let stderr = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const listening = new Promise<void>((resolve, reject) => {
    let buffered = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        try {
          const entry = JSON.parse(line) as Json;
          logs.push(entry);
          if (/Listening on|worker: /.test(String(entry.msg))) resolve();
        } catch {
          output.push(line);
        }
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    void exited.then((code) => reject(new Error(`${role} exited with ${code} before listening: ${stderr}`)));
  });
  await listening;
  return { child, logs, output, port, exited };
}

export async function stopProcess(
  app: AppProcess,
  signal: NodeJS.Signals = 'SIGTERM',
): Promise<number | null> {
  if (app.child.exitCode === null) app.child.kill(signal);
  return app.exited;
}

/** A real `pull_request` example payload for one repository, pull request and head. */
export function pullRequestDelivery(
  action: string,
  repo: { owner: string; repo: string; installation: number },
  pull: { number: number; head: string; base: string },
): Json {
  // Required, not imported: plain Node (the load benchmark) wants an import attribute for JSON.
  const examples = createRequire(import.meta.url)('@octokit/webhooks-examples') as Array<{
    name: string;
    examples: Json[];
  }>;
  const example = examples
    .find((event) => event.name === 'pull_request')
    ?.examples.find((p) => p.action === action);
  if (!example) throw new Error(`no pull_request.${action} example`);
  const payload = structuredClone(example);
  payload.installation = { id: repo.installation, node_id: 'x' };
  payload.repository = {
    ...payload.repository,
    name: repo.repo,
    full_name: `${repo.owner}/${repo.repo}`,
    owner: { ...payload.repository.owner, login: repo.owner },
  };
  Object.assign(payload.pull_request, { number: pull.number, draft: false, state: 'open' });
  payload.pull_request.head = { ...payload.pull_request.head, sha: pull.head };
  payload.pull_request.base = { ...payload.pull_request.base, sha: pull.base };
  return payload;
}

/** Posts a signed delivery to the App, as GitHub does; returns the status and the answer time. */
export async function deliver(
  port: number,
  name: string,
  payload: Json,
  id: string,
): Promise<{ status: number; ms: number }> {
  const body = JSON.stringify(payload);
  const started = performance.now();
  const response = await fetch(`http://127.0.0.1:${port}/api/github/webhooks`, {
    method: 'POST',
    body,
    headers: {
      'content-type': 'application/json',
      'x-github-event': name,
      'x-github-delivery': id,
      'x-hub-signature-256': `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`,
    },
  });
  await response.arrayBuffer();
  return { status: response.status, ms: performance.now() - started };
}
