// biome-ignore-all lint/suspicious/noTemplateCurlyInString: shell and Dockerfile `${VAR}` syntax is the input under test.
import { describe, expect, it } from 'vitest';
import { expandWord, invocationsOf } from '../../src/capacity/command.ts';

describe('start commands, split like a shell', () => {
  it('splits control operators and keeps env prefixes with their command', () => {
    expect(
      invocationsOf(
        'python manage.py migrate && WEB_CONCURRENCY=3 exec gunicorn app.wsgi -k "uvicorn.workers.UvicornWorker"',
      ),
    ).toEqual([
      { program: 'python', args: ['manage.py', 'migrate'], env: {} },
      {
        program: 'gunicorn',
        args: ['app.wsgi', '-k', 'uvicorn.workers.UvicornWorker'],
        env: { WEB_CONCURRENCY: '3' },
      },
    ]);
  });

  it('resolves package scripts and sh -c, carrying the outer env inward', () => {
    const scripts = {
      start: 'node dist/server.js',
      'start:prod': 'NODE_ENV=production pm2-runtime start ecosystem.config.js -i 4',
    };
    expect(invocationsOf("TZ=UTC sh -c 'npm run start:prod'", scripts)).toEqual([
      {
        program: 'pm2-runtime',
        args: ['start', 'ecosystem.config.js', '-i', '4'],
        env: { TZ: 'UTC', NODE_ENV: 'production' },
      },
    ]);
    expect(invocationsOf('yarn start', scripts)).toEqual([
      { program: 'node', args: ['dist/server.js'], env: {} },
    ]);
    // `npm test` is not `start`: npm runs only `start`, `run x` and `run-script x` by name here.
    expect(invocationsOf('npm ci', scripts)).toEqual([{ program: 'npm', args: ['ci'], env: {} }]);
  });

  it('looks through launchers and python -m to the server they run', () => {
    expect(
      invocationsOf('newrelic-admin run-program gunicorn -b "0.0.0.0:$PORT" -w 3 sendhut.wsgi')[0],
    ).toMatchObject({ program: 'gunicorn', args: ['-b', '0.0.0.0:$PORT', '-w', '3', 'sendhut.wsgi'] });
    expect(invocationsOf('poetry run python3.12 -m uvicorn main:app --workers 2')[0]).toMatchObject({
      program: 'uvicorn',
      args: ['main:app', '--workers', '2'],
    });
    expect(invocationsOf('env -u DEBUG PORT=80 bundle exec puma -w 2')[0]).toEqual({
      program: 'puma',
      args: ['-w', '2'],
      env: { PORT: '80' },
    });
    expect(invocationsOf('/usr/local/bin/ddtrace-run /venv/bin/gunicorn app:app')[0]?.program).toBe(
      'gunicorn',
    );
  });

  it('reads multi-line commands with continuations and comments', () => {
    expect(invocationsOf('# migrate first\nalembic upgrade head\ngunicorn app:app \\\n  -w 2')).toEqual([
      { program: 'alembic', args: ['upgrade', 'head'], env: {} },
      { program: 'gunicorn', args: ['app:app', '-w', '2'], env: {} },
    ]);
  });

  it('reads what it can of malformed or self-referencing commands, never throwing', () => {
    expect(invocationsOf('gunicorn "app:app -w 4')).toEqual([
      { program: 'gunicorn', args: ['app:app -w 4'], env: {} },
    ]);
    // A script that starts itself would loop forever in a naive resolver.
    expect(invocationsOf('npm start', { start: 'npm start' }).at(-1)?.program).toBe('npm');
    expect(invocationsOf('&& ; |')).toEqual([]);
  });

  it('expands a whole-word parameter with its default', () => {
    expect(expandWord('$WEB_CONCURRENCY', { WEB_CONCURRENCY: '3' })).toBe('3');
    expect(expandWord('${WEB_CONCURRENCY:-5}', {})).toBe('5');
    expect(expandWord('${WORKERS}', {})).toBeUndefined();
    expect(expandWord('4', {})).toBe('4');
  });
});

describe('start scripts: their variables and their case branches', () => {
  const script = [
    'readonly WORKERS=${WORKERS:-4}',
    'TIMEOUT=60',
    'cmd="${1:-server}"',
    'case "${cmd}" in',
    '  server)',
    '    exec gunicorn app.wsgi --workers "${WORKERS}" --timeout "$TIMEOUT"',
    '    ;;',
    '  cron) exec python manage.py cron ;;',
    '  *) echo "unknown" >&2; exit 1 ;;',
    'esac',
  ].join('\n');
  const read = (word: string) => (word === './start.sh' ? script : undefined);

  it('runs the branch its argument selects, with a default below the service env and a set value above it', () => {
    expect(invocationsOf('./start.sh server', {}, 0, read)).toEqual([
      {
        program: 'gunicorn',
        args: ['app.wsgi', '--workers', '${WORKERS}', '--timeout', '$TIMEOUT'],
        env: { TIMEOUT: '60', cmd: 'server' },
        defaults: { WORKERS: '4' },
      },
    ]);
    expect(invocationsOf('./start.sh cron', {}, 0, read).map((i) => i.args)).toEqual([['manage.py', 'cron']]);
    // No argument: the script's own default branch.
    expect(invocationsOf('./start.sh', {}, 0, read).map((i) => i.program)).toEqual(['gunicorn']);
  });

  it('reads every branch when nothing says which one runs', () => {
    const unknown =
      'case "$MODE" in\n web) exec gunicorn app ;;\n worker) exec celery -A app worker ;;\nesac';
    expect(invocationsOf(unknown).map((i) => i.program)).toEqual(['gunicorn', 'celery']);
  });
});
