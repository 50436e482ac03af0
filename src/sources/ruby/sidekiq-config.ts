import type { Diagnostic } from '../../model/location.ts';
import type { ServerConfig } from '../../model/project-model.ts';
import { type LocatedNode, parseLocatedYaml } from '../located-yaml.ts';
import type { SourceFile } from '../source.ts';
import { countFromYaml } from './yaml-count.ts';

/**
 * `config/sidekiq.yml`: its `concurrency` (Sidekiq's job threads), with the `production:` section
 * over the top level as Sidekiq merges them, and an ERB value (`<%= ENV.fetch("X") { 5 } %>`)
 * read as the Ruby it is.
 */
export function readSidekiqConfig(file: SourceFile): { config?: ServerConfig; diagnostics: Diagnostic[] } {
  const { root, diagnostics } = parseLocatedYaml(file.path, file.text, 'ruby');
  if (!root) return { diagnostics };
  const concurrency = (section: LocatedNode | undefined) =>
    section?.get(':concurrency') ?? section?.get('concurrency');
  const node =
    concurrency(root.get('production')) ?? concurrency(root.get(':production')) ?? concurrency(root);
  const config: ServerConfig = { path: file.path, server: 'sidekiq', plugins: [] };
  const count = node ? countFromYaml(node) : undefined;
  if (node && count) config.threads = { count, location: node.location };
  return { config, diagnostics };
}
