import type { ConfigCount, ModelFragment, ServerConfig } from '../../model/project-model.ts';
import type { Source, SourceFile } from '../source.ts';

/** uWSGI's ini files (`uwsgi.ini`, `etc/uwsgi.ini`, `uwsgi-prod.ini`), as `uwsgi file.ini` loads them. */
const UWSGI_INI = /uwsgi[^/]*\.ini$/;

/** uWSGI configs: `workers`/`processes` and `threads` of the `[uwsgi]` section. */
export const uwsgiSource: Source = {
  id: 'uwsgi',
  matches: (path) => UWSGI_INI.test(path),
  read(files) {
    const fragment: Required<Pick<ModelFragment, 'serverConfigs'>> = { serverConfigs: [] };
    for (const file of files) fragment.serverConfigs.push(readUwsgiIni(file));
    return fragment;
  },
};

/** The ini format as uWSGI reads it: `[section]`, `key = value`, `#` and `;` comments. */
function readUwsgiIni(file: SourceFile): ServerConfig {
  const config: ServerConfig = { path: file.path, server: 'uwsgi', plugins: [] };
  let section = '';
  file.text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) return;
    const header = /^\[([^\]]+)\]$/.exec(line);
    if (header) {
      section = (header[1] as string).trim();
      return;
    }
    const equals = line.indexOf('=');
    if (section !== 'uwsgi' || equals < 0) return;
    const key = line.slice(0, equals).trim();
    const count = countOf(line.slice(equals + 1).trim());
    if (!count) return;
    const location = { path: file.path, line: index + 1 };
    if (key === 'workers' || key === 'processes') config.workers = { count, location };
    else if (key === 'threads') config.threads = { count, location };
  });
  return config;
}

/** `4`, `$(WEB_CONCURRENCY)` (an env var), `%k` (uWSGI's count of CPU cores). */
function countOf(value: string): ConfigCount | undefined {
  if (/^\d+$/.test(value)) return Number(value) > 0 ? { value: Number(value) } : undefined;
  const env = /^\$\(([A-Za-z_]\w*)\)$/.exec(value)?.[1];
  if (env) return { env };
  return value === '%k' ? { perCpu: 1, plus: 0 } : undefined;
}
