import { spawn } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findingMarker, parseChecklist } from '../../src/reporters/markdown-markers.ts';

const root = new URL('../../', import.meta.url).pathname;
const before = `<!-- headroom:review -->\n- [ ] **index/unindexed-foreign-key** \`posts.author_id\` … ${findingMarker('aaaaaaaaaaaaaaaa')}\n- [ ] **index/missing-primary-key** \`audit\` … ${findingMarker('bbbbbbbbbbbbbbbb')}\n`;
const after = before.replace('- [ ] **index/unindexed', '- [x] **index/unindexed');

describe('the Action on issue_comment: edited', () => {
  it('credits the ticked box to the sender in the comment and re-runs the pull request’s review', async () => {
    const requests: string[] = [];
    let written = '';
    const server = createServer(async (request, response) => {
      let body = '';
      for await (const chunk of request) body += chunk;
      requests.push(`${request.method} ${request.url}`);
      const json = (status: number, value: unknown) => {
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(value));
      };
      if (request.url?.startsWith('/repos/o/r/issues/7/comments'))
        return json(200, [{ id: 55, body: after, user: { login: 'github-actions[bot]' } }]);
      if (request.url === '/repos/o/r/issues/comments/55') {
        written = JSON.parse(body).body;
        return json(200, { id: 55 });
      }
      if (request.url === '/repos/o/r/pulls/7') return json(200, { head: { sha: 'c0ffee' } });
      if (request.url?.startsWith('/repos/o/r/actions/runs?')) {
        return json(200, {
          workflow_runs: [
            { id: 901, run_number: 3, event: 'pull_request', path: '.github/workflows/headroom.yml' },
            { id: 902, run_number: 4, event: 'pull_request', path: '.github/workflows/headroom.yml' },
            { id: 903, run_number: 9, event: 'push', path: '.github/workflows/headroom.yml' },
          ],
        });
      }
      if (request.url === '/repos/o/r/actions/runs/902/rerun') return json(201, {});
      return json(404, {});
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const dir = await mkdtemp(join(tmpdir(), 'headroom-edit-'));
    await writeFile(
      join(dir, 'event.json'),
      JSON.stringify({
        action: 'edited',
        issue: { number: 7, pull_request: {} },
        comment: { id: 55, body: after },
        changes: { body: { from: before } },
        sender: { login: 'octocat', type: 'User' },
      }),
    );
    await writeFile(join(dir, 'out'), '');
    await writeFile(join(dir, 'summary'), '');
    const child = spawn(join(root, 'node_modules/.bin/node'), [join(root, 'dist/action.js')], {
      env: {
        GITHUB_EVENT_PATH: join(dir, 'event.json'),
        GITHUB_EVENT_NAME: 'issue_comment',
        GITHUB_REPOSITORY: 'o/r',
        GITHUB_WORKSPACE: dir,
        GITHUB_OUTPUT: join(dir, 'out'),
        GITHUB_STEP_SUMMARY: join(dir, 'summary'),
        GITHUB_API_URL: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        GITHUB_WORKFLOW_REF: 'o/r/.github/workflows/headroom.yml@refs/heads/main',
        'INPUT_GITHUB-TOKEN': 'ghs_test',
      },
    });
    const code = await new Promise((resolve) => child.on('close', resolve));
    server.close();
    expect(code).toBe(0);
    expect(requests).toEqual([
      'GET /repos/o/r/issues/7/comments?per_page=100&page=1',
      'PATCH /repos/o/r/issues/comments/55',
      'GET /repos/o/r/pulls/7',
      'GET /repos/o/r/actions/runs?head_sha=c0ffee&per_page=20',
      'POST /repos/o/r/actions/runs/902/rerun',
    ]);
    expect(parseChecklist(written)).toEqual([
      { fingerprint: 'aaaaaaaaaaaaaaaa', checked: true, ackBy: 'octocat' },
      { fingerprint: 'bbbbbbbbbbbbbbbb', checked: false },
    ]);
  });
});
