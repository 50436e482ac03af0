import type { ModelFragment } from '../../model/project-model.ts';
import type { Source } from '../source.ts';
import { readGemfile } from './gemfile.ts';
import { loadRubyParser } from './prism-parser.ts';
import { readPumaConfig } from './puma-config.ts';
import { readRailsRoutes } from './rails-routes.ts';
import { readSidekiqConfig } from './sidekiq-config.ts';
import { readSolidQueueConfig } from './solid-queue-config.ts';

/** What the patterns below can match at all: one test for the thousands of paths that are none. */
const RUBY_CANDIDATE = /(\.rb|\.ya?ml|Gemfile)$/;
const GEMFILE = /(^|\/)Gemfile$/;
/** Puma's default `config/puma.rb`, per-environment files, and any other `puma*.rb` a `-C` may name. */
const PUMA_CONFIG = /(^|\/)config\/puma\/[^/]+\.rb$|puma[^/]*\.rb$/;
/** Sidekiq's `config/sidekiq.yml`, or another `*sidekiq*.yml` its `-C` names. */
const SIDEKIQ_CONFIG = /sidekiq[^/]*\.ya?ml$/;
/** Solid Queue's `config/queue.yml` (`config/solid_queue.yml` before Rails 8), or a `*queue*.yml` a `-c` names. */
/** Rails' routes, and the files `draw(:name)` loads from `config/routes/`. */
const RAILS_ROUTES = /(^|\/)config\/routes(\/[^/]+)?\.rb$/;
const SOLID_QUEUE_CONFIG = /(^|\/)config\/[^/]*queue[^/]*\.ya?ml$/;

/**
 * Ruby apps: the Gemfile as a dependency manifest; Puma's, Sidekiq's and Solid Queue's configs for
 * processes and threads; Rails' routes for the health check a platform can call.
 */
export const rubySource: Source = {
  id: 'ruby',
  matches: (path) =>
    RUBY_CANDIDATE.test(path) &&
    (GEMFILE.test(path) ||
      PUMA_CONFIG.test(path) ||
      SIDEKIQ_CONFIG.test(path) ||
      SOLID_QUEUE_CONFIG.test(path) ||
      RAILS_ROUTES.test(path)),
  async read(files) {
    await loadRubyParser();
    const fragment: Required<
      Pick<ModelFragment, 'dependencies' | 'serverConfigs' | 'healthEndpoints' | 'diagnostics'>
    > = {
      dependencies: [],
      serverConfigs: [],
      healthEndpoints: [],
      diagnostics: [],
    };
    for (const file of files) {
      if (GEMFILE.test(file.path)) {
        const read = readGemfile(file);
        fragment.dependencies.push(...read.dependencies);
        fragment.diagnostics.push(...read.diagnostics);
      } else if (RAILS_ROUTES.test(file.path)) {
        const read = readRailsRoutes(file);
        fragment.healthEndpoints.push(...read.healthEndpoints);
        fragment.diagnostics.push(...read.diagnostics);
      } else {
        const read = SIDEKIQ_CONFIG.test(file.path)
          ? readSidekiqConfig(file)
          : SOLID_QUEUE_CONFIG.test(file.path)
            ? readSolidQueueConfig(file)
            : readPumaConfig(file);
        if (read.config) fragment.serverConfigs.push(read.config);
        fragment.diagnostics.push(...read.diagnostics);
      }
    }
    return fragment;
  },
};
