import { fileName } from '../../files/repository-path.ts';
import { parseConnectionUrl } from '../../model/connection-url.ts';
import type { Connection, EnvEntry, EnvFile, ModelFragment } from '../../model/project-model.ts';
import { SECRET_MASK, Secret } from '../../model/secret.ts';
import type { Source, SourceFile } from '../source.ts';
import { parseDotenv } from './parse-dotenv.ts';

/** Name parts that mark a file meant to be copied and filled in, not used as is. */
const TEMPLATE_PARTS = new Set(['example', 'sample', 'template', 'dist', 'tpl', 'defaults']);
/** `.env.*` names that are not dotenv files. */
const NOT_DOTENV = /\.(swp|swo|bak|orig|enc|gpg|age|json|ya?ml|js|ts|py|sh)$/;

export function isEnvFile(path: string): boolean {
  const name = fileName(path);
  return name === '.env' || (name.startsWith('.env.') && !NOT_DOTENV.test(name));
}

export function envFileKind(path: string): EnvFile['kind'] {
  return fileName(path)
    .split('.')
    .some((part) => TEMPLATE_PARTS.has(part.toLowerCase()))
    ? 'template'
    : 'real';
}

/** `.env`, `.env.example`, `.env.local`, `.env.production`…: keys, masked values, connection URLs. */
export const envSource: Source = {
  id: 'env',
  matches: isEnvFile,
  read(files) {
    const fragment: Required<Pick<ModelFragment, 'envFiles' | 'connections' | 'diagnostics'>> = {
      envFiles: [],
      connections: [],
      diagnostics: [],
    };
    for (const file of files) {
      const { envFile, connections, diagnostics } = readEnvFile(file);
      fragment.envFiles.push(envFile);
      fragment.connections.push(...connections);
      fragment.diagnostics.push(...diagnostics);
    }
    return fragment;
  },
};

function readEnvFile(file: SourceFile): Required<Pick<ModelFragment, 'connections' | 'diagnostics'>> & {
  envFile: EnvFile;
} {
  const { entries, diagnostics } = parseDotenv(file.path, file.text);
  const kind = envFileKind(file.path);
  const connections: Connection[] = [];
  const envEntries = entries.map((entry) => {
    const location = { path: file.path, line: entry.line };
    const url = parseConnectionUrl(entry.value);
    const envEntry: EnvEntry = {
      key: entry.key,
      value: new Secret(entry.value),
      masked: url?.masked ?? (entry.value === '' ? '' : SECRET_MASK),
      location,
    };
    if (url) {
      envEntry.url = url;
      connections.push({ id: `env:${entry.key}`, key: entry.key, url, location });
    }
    return envEntry;
  });
  return {
    envFile: {
      path: file.path,
      kind,
      entries: envEntries,
      ...(kind === 'template' ? { commentedKeys: commentedKeys(file.text) } : {}),
    },
    connections,
    diagnostics,
  };
}

/** A template's commented-out assignments: `# KEY=value`, `#export KEY=`. */
const COMMENTED_ASSIGNMENT = /^\s*#+\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=/;

function commentedKeys(text: string): string[] {
  return text.split(/\r?\n/).flatMap((line) => COMMENTED_ASSIGNMENT.exec(line)?.[1] ?? []);
}
