import { generateKeyPairSync } from 'node:crypto';
import { Probot } from 'probot';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { headroomOctokit } from '../../src/delivery/app/octokit.ts';
import { GitHubRecorder } from '../github/github-recorder.ts';

const { privateKey } = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
  publicKeyEncoding: { type: 'spki', format: 'pem' },
});

let github: GitHubRecorder;
beforeEach(() => {
  github = new GitHubRecorder();
});
afterEach(() => github.dispose());

describe('GitHub’s write spacing', () => {
  it('holds per installation: a second installation’s first write does not wait behind the first’s', async () => {
    const spacing = 400;
    const probot = new Probot({
      appId: 1,
      privateKey,
      Octokit: headroomOctokit(undefined, spacing),
      logLevel: 'fatal',
    });
    const writes: number[] = [];
    github.scope.on('request', (request: Request) => {
      if (request.method === 'POST' && request.url.endsWith('/check-runs')) writes.push(Date.now());
    });
    for (const installation of [1, 2]) {
      github.scope
        .post(`/app/installations/${installation}/access_tokens`)
        .reply(201, { token: `token-${installation}`, expires_at: '2099-01-01T00:00:00Z', permissions: {} });
      github.scope
        .post(`/repos/org${installation}/repo/check-runs`)
        .times(3)
        .reply(201, { id: installation });
    }
    const write = async (installation: number) => {
      const octokit = await probot.auth(installation);
      const create = () =>
        octokit.request('POST /repos/{owner}/{repo}/check-runs', {
          owner: `org${installation}`,
          repo: 'repo',
          name: 'headroom',
          head_sha: 'a'.repeat(40),
        });
      await Promise.all([create(), create(), create()]);
    };

    await Promise.all([write(1), write(2)]);

    expect(github.problems()).toEqual([]);
    expect(writes).toHaveLength(6);
    // Two installations space their three writes side by side: two gaps in all. One limiter for
    // the process would space all six one after the other: five gaps.
    const span = Math.max(...writes) - Math.min(...writes);
    expect(span).toBeGreaterThanOrEqual(spacing);
    expect(span).toBeLessThan(4 * spacing);
  });
});
