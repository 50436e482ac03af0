import type { ModelFragment } from '../../model/project-model.ts';
import type { Source } from '../source.ts';
import { readGemfile } from './gemfile.ts';
import { loadRubyParser } from './prism-parser.ts';
import { readPumaConfig } from './puma-config.ts';
import { readSidekiqConfig } from './sidekiq-config.ts';

const GEMFILE = /(^|\/)Gemfile$/;
/** Puma's default `config/puma.rb`, per-environment files, and any other `puma*.rb` a `-C` may name. */
const PUMA_CONFIG = /(^|\/)(config\/puma(\/[^/]+)?|[^/]*puma[^/]*)\.rb$/;
/** Sidekiq's `config/sidekiq.yml`, or another `*sidekiq*.yml` its `-C` names. */
const SIDEKIQ_CONFIG = /(^|\/)[^/]*sidekiq[^/]*\.ya?ml$/;

/** Ruby apps: the Gemfile as a dependency manifest, Puma's and Sidekiq's configs for processes and threads. */
export const rubySource: Source = {
  id: 'ruby',
  matches: (path) => GEMFILE.test(path) || PUMA_CONFIG.test(path) || SIDEKIQ_CONFIG.test(path),
  async read(files) {
    await loadRubyParser();
    const fragment: Required<Pick<ModelFragment, 'dependencies' | 'serverConfigs' | 'diagnostics'>> = {
      dependencies: [],
      serverConfigs: [],
      diagnostics: [],
    };
    for (const file of files) {
      if (GEMFILE.test(file.path)) {
        const read = readGemfile(file);
        fragment.dependencies.push(...read.dependencies);
        fragment.diagnostics.push(...read.diagnostics);
      } else {
        const read = SIDEKIQ_CONFIG.test(file.path) ? readSidekiqConfig(file) : readPumaConfig(file);
        if (read.config) fragment.serverConfigs.push(read.config);
        fragment.diagnostics.push(...read.diagnostics);
      }
    }
    return fragment;
  },
};
