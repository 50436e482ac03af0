import type { Diagnostic } from '../../model/location.ts';
import type { ProcessGroup, ServerConfig } from '../../model/project-model.ts';
import { type LocatedNode, parseLocatedYaml } from '../located-yaml.ts';
import type { SourceFile } from '../source.ts';
import { countFromYaml } from './yaml-count.ts';

/**
 * `config/queue.yml`: the workers (threads, processes) and dispatchers Solid Queue's supervisor
 * forks, from the `production:` section when the file has one (Solid Queue reads the section of
 * the Rails environment), `<<: *default` merges and ERB counts included. A file with neither
 * `workers` nor `dispatchers` is some other queue.yml and is not Solid Queue's.
 */
export function readSolidQueueConfig(file: SourceFile): { config?: ServerConfig; diagnostics: Diagnostic[] } {
  const { root, diagnostics } = parseLocatedYaml(file.path, file.text, 'ruby');
  if (!root) return { diagnostics };
  const section = [root.get('production'), root].find(
    (node) => node?.get('workers') || node?.get('dispatchers'),
  );
  if (!section) return { diagnostics };
  const groups: ProcessGroup[] = [
    ...groupsOf(section.get('workers'), 'workers'),
    ...groupsOf(section.get('dispatchers'), 'dispatchers'),
  ];
  return {
    config: { path: file.path, server: 'solid_queue', plugins: [], processGroups: groups },
    diagnostics,
  };
}

function groupsOf(list: LocatedNode | undefined, role: ProcessGroup['role']): ProcessGroup[] {
  return (list?.items() ?? []).map((entry) => {
    const processes = role === 'workers' ? entry.get('processes') : undefined;
    const threads = role === 'workers' ? entry.get('threads') : undefined;
    const threadCount = threads ? countFromYaml(threads) : undefined;
    return {
      role,
      processes: (processes ? countFromYaml(processes) : undefined) ?? { value: 1 },
      ...(threadCount ? { threads: threadCount } : {}),
      location: entry.location,
    };
  });
}
