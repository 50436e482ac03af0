import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PassThrough } from 'node:stream';
import { createNodeMiddleware, Probot } from 'probot';
import { afterEach, describe, expect, it } from 'vitest';
import { createHeadroomApp } from '../../src/delivery/app/index.ts';
import { createAppLog } from '../../src/delivery/app/log.ts';
import { APP_ID, WEBHOOK_SECRET } from './harness.ts';

let server: Server | undefined;
afterEach(() => {
  server?.close();
  server = undefined;
});

/** The App behind probot's own webhook middleware, logging as `npm start` does, in JSON lines. */
async function serve(): Promise<{ url: string; lines: () => string[] }> {
  const output = new PassThrough();
  let written = '';
  output.on('data', (chunk) => {
    written += chunk;
  });
  const log = await createAppLog({ LOG_FORMAT: 'json', LOG_LEVEL: 'info' }, output);
  const probot = new Probot({ appId: APP_ID, privateKey: 'unused', secret: WEBHOOK_SECRET, log });
  const middleware = await createNodeMiddleware(createHeadroomApp(), { probot });
  server = createServer((req, res) => {
    void middleware(req, res);
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/github/webhooks`,
    lines: () => written.split('\n').filter(Boolean),
  };
}

describe('a delivery with a bad signature', () => {
  it('is refused and logged in one short line, without its payload', async () => {
    const { url, lines } = await serve();
    const payload = JSON.stringify({ action: 'opened', filler: 'x'.repeat(20_000) });
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-github-event': 'pull_request',
        'x-github-delivery': 'forged-1',
        'x-hub-signature-256': `sha256=${'0'.repeat(64)}`,
      },
      body: payload,
    });
    expect(response.status).toBe(400);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const logged = lines().map((line) => JSON.parse(line));
    const refusals = logged.filter((entry) => entry.msg?.startsWith('refused delivery'));
    expect(refusals).toEqual([
      expect.objectContaining({
        level: 50,
        msg: 'refused delivery forged-1 (pull_request): signature does not match event payload and secret',
      }),
    ]);
    expect(lines().every((line) => line.length < 400)).toBe(true);
    expect(lines().join('\n')).not.toContain('xxxxxxxxxx');
  });
});
