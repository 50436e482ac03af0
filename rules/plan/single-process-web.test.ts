import { describe, expect, it } from 'vitest';
import { findingsFor } from '../../test/helpers/rule-findings.ts';
import rule from './single-process-web.ts';

const render = (extra: string, start = 'uvicorn main:app') => ({
  'render.yaml': `services:\n  - type: web\n    name: api\n    runtime: python\n    plan: standard\n    startCommand: ${start}\n${extra}`,
});

describe('plan/single-process-web', () => {
  it('is off at launch and reports one process on one instance from growth on', async () => {
    expect(await findingsFor(rule, render(''), 'launch')).toEqual([]);
    expect((await findingsFor(rule, render(''), 'scale'))[0]).toMatchObject({
      entity: 'service:api',
      severity: 'error',
    });
  });

  it('asks nothing of runtimes whose one process serves on every core', async () => {
    const go = {
      'render.yaml':
        'services:\n  - type: web\n    name: api\n    runtime: go\n    plan: standard\n    startCommand: ./app\n',
    };
    expect(await findingsFor(rule, go)).toEqual([]);
    expect(
      (
        await findingsFor(rule, {
          'render.yaml': go['render.yaml']
            .replace('runtime: go', 'runtime: node')
            .replace('./app', 'node server.js'),
        })
      ).map((f) => f.entity),
    ).toEqual(['service:api']);
  });

  it('claims no count for a program it does not know (a Go binary, a process manager)', async () => {
    expect(await findingsFor(rule, render('', 'navigator config/navigator.yml'))).toEqual([]);
    expect(await findingsFor(rule, render('', 'python app.py'))).not.toEqual([]);
  });

  it('asks nothing of a Fly service the team limits to one request per machine (rubys/showcase)', async () => {
    const fly = (limit: number) => ({
      'fly.toml': `app = "pdf"\n[processes]\n  app = "bun server.ts"\n[http_service]\n  internal_port = 3000\n  processes = ["app"]\n[http_service.concurrency]\n  type = "requests"\n  soft_limit = 1\n  hard_limit = ${limit}\n`,
    });
    expect(await findingsFor(rule, fly(1))).toEqual([]);
    expect((await findingsFor(rule, fly(25))).map((f) => f.entity)).toEqual(['service:pdf']);
  });

  it('asks nothing of an internal dashboard such as Celery Flower', async () => {
    expect(await findingsFor(rule, render('', 'celery -A core --config=flowerconfig.py flower'))).toEqual([]);
    expect(await findingsFor(rule, render('', 'celery -A core worker'))).not.toEqual([]);
  });

  it('accepts several workers or several instances', async () => {
    expect(await findingsFor(rule, render('', 'uvicorn main:app --workers 2'))).toEqual([]);
    expect(await findingsFor(rule, render('    numInstances: 2\n'))).toEqual([]);
  });
});
