import { describe, expect, it } from 'vitest';
import { findingsFor } from '../../test/helpers/rule-findings.ts';
import rule from './free-web-sleeps.ts';

const web = (plan: string) =>
  `services:\n  - type: web\n    name: site\n    runtime: node\n    plan: ${plan}\n    startCommand: node server.js\n`;

describe('plan/free-web-sleeps', () => {
  it('is a note-free launch tier for a plain site, and a finding past launch', async () => {
    expect(await findingsFor(rule, { 'render.yaml': web('free') }, 'launch')).toEqual([]);
    const [finding] = await findingsFor(rule, { 'render.yaml': web('free') }, 'growth');
    expect(finding).toMatchObject({
      entity: 'service:site',
      severity: 'error',
      location: { line: 5 },
      fix: { replacement: 'plan: starter' },
    });
  });

  it('reports websockets and schedulers on a free web service at every tier', async () => {
    const [finding] = await findingsFor(
      rule,
      { 'render.yaml': web('free'), 'package.json': '{ "dependencies": { "socket.io": "4.8.1" } }' },
      'launch',
    );
    expect(finding?.message).toContain('socket.io');
  });

  it('does not report a paid plan, nor the default plan', async () => {
    expect(await findingsFor(rule, { 'render.yaml': web('starter') }, 'scale')).toEqual([]);
    expect(
      await findingsFor(rule, { 'render.yaml': web('starter').replace('    plan: starter\n', '') }, 'scale'),
    ).toEqual([]);
  });

  it('reports Fly machines that all stop when idle and Railway app sleeping, not a machine kept running', async () => {
    const fly = (min: number) =>
      `app = "api"\n[http_service]\n  internal_port = 8080\n  auto_stop_machines = "stop"\n  min_machines_running = ${min}\n`;
    expect((await findingsFor(rule, { 'fly.toml': fly(0) })).map((f) => [f.entity, f.location.line])).toEqual(
      [['service:api', 5]],
    );
    expect(await findingsFor(rule, { 'fly.toml': fly(1) })).toEqual([]);
    const railway = await findingsFor(rule, {
      'railway.json': '{ "deploy": { "sleepApplication": true, "startCommand": "node bot.js" } }',
      'package.json': '{ "dependencies": { "telegraf": "4.16.3" } }',
    });
    expect(railway[0]).toMatchObject({ severity: 'error', message: expect.stringContaining('telegraf') });
  });

  it('lets a Fly machine that suspends be, since it resumes in milliseconds, unless what it runs must stay connected', async () => {
    const suspend =
      'app = "proxy"\n[http_service]\n  internal_port = 8080\n  auto_stop_machines = "suspend"\n  min_machines_running = 0\n';
    expect(await findingsFor(rule, { 'fly.toml': suspend })).toEqual([]);
    const socket = await findingsFor(rule, {
      'fly.toml': suspend,
      'package.json': '{ "dependencies": { "socket.io": "4.8.1" } }',
    });
    expect(socket[0]).toMatchObject({ severity: 'error', message: expect.stringContaining('socket.io') });
  });

  it('reports a bot on Railway app sleeping and on a Heroku Eco dyno with the platform’s own numbers', async () => {
    const bot = { 'package.json': '{ "dependencies": { "discord.js": "14.16.3" } }' };
    const [railway] = await findingsFor(
      rule,
      {
        ...bot,
        'railway.json':
          '{\n  "deploy": {\n    "startCommand": "node bot.js",\n    "sleepApplication": true\n  }\n}\n',
      },
      'launch',
    );
    expect(railway).toMatchObject({
      entity: 'service:railway',
      severity: 'error',
      location: { path: 'railway.json', line: 4 },
    });
    expect(railway?.message).toContain('discord.js');
    expect(railway?.message).toContain('10 minutes');
    const heroku = {
      Procfile: 'web: node server.js\n',
      'app.json': '{\n  "formation": {\n    "web": { "quantity": 1, "size": "eco" }\n  }\n}\n',
    };
    expect(await findingsFor(rule, heroku, 'launch')).toEqual([]);
    const [eco] = await findingsFor(rule, heroku, 'growth');
    expect(eco).toMatchObject({ entity: 'service:web', location: { path: 'app.json', line: 3 } });
    expect(eco?.message).toContain('30 minutes');
    heroku['app.json'] = heroku['app.json'].replace('eco', 'basic');
    expect(await findingsFor(rule, heroku, 'growth')).toEqual([]);
  });
});
