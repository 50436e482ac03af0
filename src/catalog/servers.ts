import { fact } from './fact.ts';

const CHECKED = '2026-11-24';

/** Gunicorn runs `$WEB_CONCURRENCY` or 1 worker unless `-w` says. */
export const GUNICORN_DEFAULT_WORKERS = fact(1, 'benoitc/gunicorn:gunicorn/config.py@65ac1a3', CHECKED);

/** Gunicorn's starting point for sync workers: 2 × cores + 1. */
export const GUNICORN_SUGGESTED_WORKERS = fact(
  { perCpu: 2, plus: 1 },
  'benoitc/gunicorn:docs/content/design.md@65ac1a3',
  CHECKED,
);

/** Uvicorn runs `$WEB_CONCURRENCY` or 1 process unless `--workers` says. */
export const UVICORN_DEFAULT_WORKERS = fact(1, 'encode/uvicorn:uvicorn/main.py@e6c7ce7', CHECKED);

/** Hypercorn runs one worker unless `-w/--workers` says; it does not read WEB_CONCURRENCY. */
export const HYPERCORN_DEFAULT_WORKERS = fact(
  1,
  'https://hypercorn.readthedocs.io/en/latest/how_to_guides/configuring.html',
  CHECKED,
);

/** Servers that take their worker count from `WEB_CONCURRENCY` (Heroku sets it by dyno size). */
export const WEB_CONCURRENCY_READERS = fact(
  ['gunicorn', 'uvicorn'],
  'https://devcenter.heroku.com/articles/python-gunicorn',
  CHECKED,
  'gunicorn/config.py and uvicorn/main.py both default --workers to $WEB_CONCURRENCY.',
);

/** Celery's prefork pool starts one child per CPU the machine reports unless `-c` says. */
export const CELERY_DEFAULT_CONCURRENCY = fact(
  { perCpu: 1 },
  'https://docs.celeryq.dev/en/stable/userguide/workers.html#concurrency',
  CHECKED,
  'os.cpu_count() of the host, which in a container may exceed the CPU share the plan sells.',
);

/** Puma runs a single process (threads only) unless `-w/--workers` starts clustered mode. */
export const PUMA_DEFAULT_WORKERS = fact(1, 'https://github.com/puma/puma#clustered-mode', CHECKED);

/**
 * Puma sets its workers from WEB_CONCURRENCY when the config does not (`auto`: one per CPU), as the
 * config/puma.rb that Rails generates says: "You can control the number of workers using
 * ENV["WEB_CONCURRENCY"] … The default is already 1. You can set it to `auto`".
 */
export const PUMA_READS_WEB_CONCURRENCY = fact(
  true,
  'https://github.com/rails/rails/blob/main/railties/lib/rails/generators/rails/app/templates/config/puma.rb.tt',
  CHECKED,
);

/** pm2 `-i max` or `-i 0` starts one process per CPU, `-i -1` one fewer. */
export const PM2_MAX_INSTANCES = fact(
  { perCpu: 1 },
  'https://pm2.keymetrics.io/docs/usage/cluster-mode/',
  CHECKED,
);

/**
 * Sidekiq runs 5 job threads per process unless `-c` or its config says (7.0 lowered the default
 * from 10, which 5.2 had lowered from 25), and each thread checks out its own database connection.
 */
export const SIDEKIQ_DEFAULT_CONCURRENCY = fact(
  5,
  'https://github.com/sidekiq/sidekiq/blob/main/Changes.md',
  '2026-12-02',
);

/**
 * GoodJob runs 5 job threads per scheduler unless `--max-threads` or GOOD_JOB_MAX_THREADS says;
 * each holds a database connection, its queue being the database.
 */
export const GOOD_JOB_DEFAULT_MAX_THREADS = fact(
  5,
  'https://rubydoc.info/gems/good_job/GoodJob/Configuration#DEFAULT_MAX_THREADS-constant',
  '2026-12-02',
);

/**
 * Solid Queue without a `config/queue.yml` runs one dispatcher and one worker; a worker runs 3 job
 * threads unless `threads:` says, each holding one connection, and two more connections for its
 * polling and its heartbeat.
 */
export const SOLID_QUEUE_WORKER_DEFAULTS = fact(
  { threads: 3, connectionsBeyondThreads: 2, workers: 1, dispatchers: 1 },
  'https://github.com/rails/solid_queue/blob/main/README.md#configuration',
  '2026-12-03',
);
