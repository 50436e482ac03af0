import type { Diagnostic } from '../../model/location.ts';
import type { ServerConfig } from '../../model/project-model.ts';
import type { SourceFile } from '../source.ts';
import { parseRuby } from './prism-parser.ts';
import {
  argumentsOf,
  countOf,
  guardedTopLevelCalls,
  lineLocator,
  literalText,
  type RubyNode,
} from './ruby-syntax.ts';

/**
 * `config/puma.rb` (and any `*puma*.rb` a start command may name with `-C`): the `workers`,
 * `threads` and `plugin` calls of Puma's DSL, as Prism parses them.
 */
export function readPumaConfig(file: SourceFile): { config?: ServerConfig; diagnostics: Diagnostic[] } {
  const result = parseRuby(file.text);
  const line = lineLocator(file.text);
  const error = result.errors[0];
  if (error) {
    return {
      diagnostics: [
        {
          severity: 'warning',
          origin: 'ruby',
          message: `${file.path} is not valid Ruby (${error.message}); its workers and threads were not read.`,
          location: { path: file.path, line: line(error.location.startOffset) },
        },
      ],
    };
  }
  const locals = new Map<string, RubyNode>();
  const program: RubyNode = result.value;
  for (const node of program.statements?.body ?? []) {
    if (node?.constructor?.name === 'LocalVariableWriteNode') locals.set(node.name, node.value);
  }
  const config: ServerConfig = { path: file.path, server: 'puma', plugins: [] };
  for (const { call, guard } of guardedTopLevelCalls(program)) {
    const args = argumentsOf(call);
    const at = { path: file.path, line: line(call.location.startOffset) };
    if (call.name === 'workers') {
      const count = countOf(args[0], locals);
      if (count) config.workers = { count, location: at };
    } else if (call.name === 'threads') {
      const count = countOf(args.at(-1), locals);
      if (count) config.threads = { count, location: at };
    } else if (call.name === 'plugin') {
      const name = literalText(args[0]);
      // A plugin behind a test Headroom cannot evaluate may not load: it is left out.
      if (name && guard !== 'unknown')
        config.plugins.push({ name, location: at, ...(guard ? { when: guard } : {}) });
    }
  }
  return { config, diagnostics: [] };
}
