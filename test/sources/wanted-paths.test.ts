import { describe, expect, it } from 'vitest';
import { dockerfileSource } from '../../src/sources/dockerfile/index.ts';
import { gunicornSource } from '../../src/sources/gunicorn/index.ts';
import { rubySource } from '../../src/sources/ruby/index.ts';
import type { Source } from '../../src/sources/source.ts';
import { sqlSource } from '../../src/sources/sql/index.ts';
import { uwsgiSource } from '../../src/sources/uwsgi/index.ts';

// Every listed path is asked by every source before anything is read; these are the paths each
// one must want, and the near misses it must not.
const cases: Array<[Source, string[], string[]]> = [
  [
    dockerfileSource,
    [
      'Dockerfile',
      'api/Dockerfile.prod',
      'docker/web.Dockerfile',
      'start',
      'compose/production/django/start',
      'bin/docker-entrypoint',
      'deploy/start-worker',
      'app-entrypoint',
      'scripts/run.sh',
    ],
    [
      'Dockerfile-notes.md',
      'docs/Dockerfile.md/x',
      'restart',
      'src/startup.ts',
      'tests/start.sh',
      'e2e/entrypoint',
    ],
  ],
  [
    rubySource,
    [
      'Gemfile',
      'api/Gemfile',
      'config/puma.rb',
      'config/puma/production.rb',
      'deploy/puma_dev.rb',
      'config/sidekiq.yml',
      'config/sidekiq_worker.yaml',
      'config/queue.yml',
      'config/solid_queue.yml',
      'config/routes.rb',
      'config/routes/admin.rb',
    ],
    [
      'Gemfile.lock',
      'config/pumas/x.rb',
      'sidekiq/config.yml',
      'queue.yml',
      'config/routes.ts',
      'app/models/user.rb',
    ],
  ],
  [
    gunicornSource,
    ['gunicorn.conf.py', 'deploy/gunicorn_config.py', 'app/config/gunicorn.py'],
    ['gunicorn/app.py', 'gunicorn.conf', 'docs/gunicorn.md'],
  ],
  [uwsgiSource, ['uwsgi.ini', 'deploy/app_uwsgi.ini'], ['uwsgi/app.ini', 'uwsgi.yaml']],
  [
    sqlSource,
    [
      'prisma/migrations/20240101_init/migration.sql',
      'prisma/migrations/migration_lock.toml',
      'db/migrations/001_init.up.sql',
      'db/migration/V1__init.SQL',
      'supabase/migrations/20240101_init.sql',
    ],
    [
      'db/migrations/001_init.down.sql',
      'test/migrations/001.sql',
      'migrations/legacy/001.sql',
      'schema.sql',
      'prisma/migrations/20240101_init/migration.sql.bak',
    ],
  ],
];

describe('the paths each source asks for', () => {
  for (const [source, wanted, unwanted] of cases)
    it(source.id, () => {
      expect(wanted.filter((path) => !source.matches(path))).toEqual([]);
      expect(unwanted.filter((path) => source.matches(path))).toEqual([]);
    });
});
