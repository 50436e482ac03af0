import type { ConfigCount, ModelFragment, ServerConfig } from '../../model/project-model.ts';
import { tokenizePython } from '../code/python-tokens.ts';
import type { Source, SourceFile } from '../source.ts';
import { countExpression } from './count-expression.ts';

/** `gunicorn.conf.py` (read by default from the folder gunicorn starts in) and what `-c` may name. */
const GUNICORN_CONFIG = /gunicorn[^/]*\.py$/;

/** Gunicorn config files: `workers` and `threads` as module-level assignments. */
export const gunicornSource: Source = {
  id: 'gunicorn',
  matches: (path) => GUNICORN_CONFIG.test(path),
  read(files) {
    const fragment: Required<Pick<ModelFragment, 'serverConfigs' | 'diagnostics'>> = {
      serverConfigs: [],
      diagnostics: [],
    };
    for (const file of files) {
      const { config, unterminated } = readGunicornConfig(file);
      fragment.serverConfigs.push(config);
      if (unterminated)
        fragment.diagnostics.push({
          severity: 'warning',
          origin: 'gunicorn',
          message: `${file.path} ends inside an unterminated ${unterminated.what}; its settings after line ${unterminated.line} were not read.`,
          location: { path: file.path, line: unterminated.line },
        });
    }
    return fragment;
  },
};

function readGunicornConfig(file: SourceFile) {
  const { lines, unterminated } = tokenizePython(file.text);
  const config: ServerConfig = { path: file.path, server: 'gunicorn', plugins: [] };
  const names = new Map<string, ConfigCount>();
  for (const { indent, line, tokens } of lines) {
    const [target, equals, ...value] = tokens;
    if (indent !== 0 || target?.kind !== 'name' || equals?.kind !== 'op' || equals.value !== '=') continue;
    const count = countExpression(value, names);
    if (!count) continue;
    names.set(target.value, count);
    const location = { path: file.path, line };
    if (target.value === 'workers') config.workers = { count, location };
    else if (target.value === 'threads') config.threads = { count, location };
  }
  return { config, unterminated };
}
