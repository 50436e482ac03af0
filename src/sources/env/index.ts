import { parseConnectionUrl } from '../../model/connection-url.ts';
import type { Connection, EnvEntry, EnvFile, ModelFragment } from '../../model/project-model.ts';
import { SECRET_MASK, Secret } from '../../model/secret.ts';
import type { Source } from '../source.ts';
import { parseDotenv } from './parse-dotenv.ts';

const TEMPLATE_SUFFIXES = ['.example', '.sample', '.template', '.dist', '.defaults'];

/** `.env`, `.env.example`, `.env.local`, `.env.production`…: keys, masked values, connection URLs. */
export const envSource: Source = {
  id: 'env',
  matches: (path) => {
    const name = path.slice(path.lastIndexOf('/') + 1);
    return name === '.env' || (name.startsWith('.env.') && !name.endsWith('.swp'));
  },
  read(files) {
    const fragment: Required<Pick<ModelFragment, 'envFiles' | 'connections' | 'diagnostics'>> = {
      envFiles: [],
      connections: [],
      diagnostics: [],
    };
    for (const file of files) {
      const { entries, diagnostics } = parseDotenv(file.path, file.text);
      fragment.diagnostics.push(...diagnostics);
      const name = file.path.slice(file.path.lastIndexOf('/') + 1);
      const envFile: EnvFile = {
        path: file.path,
        kind: TEMPLATE_SUFFIXES.some((suffix) => name.endsWith(suffix)) ? 'template' : 'real',
        entries: entries.map((entry) => {
          const location = { path: file.path, line: entry.line };
          const url = parseConnectionUrl(entry.value);
          const envEntry: EnvEntry = {
            key: entry.key,
            value: new Secret(entry.value),
            masked: url?.masked ?? maskValue(entry.value),
            location,
          };
          if (url) {
            envEntry.url = url;
            fragment.connections.push({
              id: `env:${entry.key}`,
              key: entry.key,
              url,
              location,
            } satisfies Connection);
          }
          return envEntry;
        }),
      };
      fragment.envFiles.push(envFile);
    }
    return fragment;
  },
};

/** Shows only that a value exists and its length class, never a character of it. */
function maskValue(value: string): string {
  return value === '' ? '' : SECRET_MASK;
}
