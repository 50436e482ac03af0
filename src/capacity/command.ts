import { repositoryPath } from '../files/repository-path.ts';
import type { PackageManifest, ProjectModel, Service } from '../model/project-model.ts';

/** One program invocation of a start command: its words and the env assignments before it. */
export interface Invocation {
  program: string;
  args: string[];
  env: Record<string, string>;
}

/**
 * Launchers that run the command after them: `poetry run gunicorn …` is gunicorn. Each entry is
 * the number of words the launcher takes before the real program.
 */
const LAUNCHERS: Record<string, (args: string[]) => number | undefined> = {
  exec: () => 0,
  npx: () => 0,
  bunx: () => 0,
  nice: () => 0,
  'dumb-init': () => 0,
  tini: (args) => (args[0] === '--' ? 1 : 0),
  ddtrace: () => 0,
  'ddtrace-run': () => 0,
  'opentelemetry-instrument': () => 0,
  'newrelic-admin': (args) => (args[0] === 'run-program' ? 1 : undefined),
  poetry: (args) => (args[0] === 'run' ? 1 : undefined),
  uv: (args) => (args[0] === 'run' ? 1 : undefined),
  pipenv: (args) => (args[0] === 'run' ? 1 : undefined),
  pdm: (args) => (args[0] === 'run' ? 1 : undefined),
  rye: (args) => (args[0] === 'run' ? 1 : undefined),
  hatch: (args) => (args[0] === 'run' ? 1 : undefined),
  bundle: (args) => (args[0] === 'exec' ? 1 : undefined),
};

const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;
const MAX_DEPTH = 4;

/**
 * Splits a start command into invocations the way a POSIX shell would for the cases start
 * commands use: quotes, `&&`/`||`/`;`/`|`/`&`, `VAR=value` prefixes, `env`, `sh -c "…"`, launchers
 * (`exec`, `poetry run`, `bundle exec`…), `python -m module`, and package-manager scripts resolved
 * through the service's package.json.
 */
export function invocationsOf(
  command: string,
  scripts: Record<string, string> = {},
  depth = 0,
  readScript: ScriptReader = () => undefined,
): Invocation[] {
  const invocations: Invocation[] = [];
  for (const words of commands(command)) {
    const env: Record<string, string> = {};
    const takeAssignments = () => {
      while (words.length && ASSIGNMENT.test(words[0] as string)) {
        const word = words.shift() as string;
        const equals = word.indexOf('=');
        env[word.slice(0, equals)] = word.slice(equals + 1);
      }
    };
    takeAssignments();
    for (;;) {
      const head = words[0]?.split('/').at(-1);
      if (head === 'env') {
        words.shift();
        // `env -i`, `env -u NAME`, `env --unset=NAME`: options, some with an argument.
        while (words[0]?.startsWith('-')) {
          const option = words.shift();
          if (option === '-u' || option === '--unset' || option === '-C' || option === '--chdir')
            words.shift();
        }
        takeAssignments();
        continue;
      }
      const skip = head === undefined ? undefined : LAUNCHERS[head]?.(words.slice(1));
      if (skip === undefined) break;
      words.splice(0, 1 + skip);
    }
    const [path, ...args] = words;
    if (!path) continue;
    const program = path.split('/').at(-1) as string;
    const nested =
      depth >= MAX_DEPTH
        ? undefined
        : (program === 'sh' || program === 'bash') && args[0] === '-c' && args[1]
          ? args[1]
          : (((program === 'sh' || program === 'bash') && args[0] ? readScript(args[0]) : readScript(path)) ??
            scriptBody(program, args, scripts));
    if (nested !== undefined) {
      for (const inner of invocationsOf(nested, scripts, depth + 1, readScript))
        invocations.push({ ...inner, env: { ...env, ...inner.env } });
      continue;
    }
    if (/^python[\d.]*$/.test(program) && args[0] === '-m' && args[1]) {
      invocations.push({ program: args[1], args: args.slice(2), env });
      continue;
    }
    invocations.push({ program, args, env });
  }
  return invocations;
}

/** The text of a shell script a command runs (`./start.sh`, `/app/bin/web`), when the repository has it. */
export type ScriptReader = (word: string) => string | undefined;

/** `npm start`, `npm run web`, `yarn start`, `pnpm run start`, `bun run dev` → the script's text. */
function scriptBody(program: string, args: string[], scripts: Record<string, string>): string | undefined {
  if (!['npm', 'yarn', 'pnpm', 'bun'].includes(program)) return undefined;
  const name =
    args[0] === 'run' || args[0] === 'run-script'
      ? args[1]
      : args[0] === 'start'
        ? 'start'
        : program === 'npm'
          ? undefined
          : args[0];
  return name === undefined ? undefined : scripts[name];
}

/** Shell words, split into simple commands at control operators. */
function commands(text: string): string[][] {
  const result: string[][] = [[]];
  let word = '';
  let inWord = false;
  const flush = () => {
    if (inWord) (result.at(-1) as string[]).push(word);
    word = '';
    inWord = false;
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i] as string;
    if (char === "'" || char === '"') {
      const end = text.indexOf(char, i + 1);
      word += text.slice(i + 1, end < 0 ? text.length : end);
      inWord = true;
      i = end < 0 ? text.length : end;
    } else if (char === '\\' && i + 1 < text.length) {
      // A backslash-newline continues the line; any other escaped character is itself.
      if (text[i + 1] !== '\n') {
        word += text[i + 1];
        inWord = true;
      }
      i++;
    } else if (char === '#' && !inWord) {
      const newline = text.indexOf('\n', i);
      if (newline < 0) break;
      i = newline - 1;
    } else if (/\s/.test(char)) {
      flush();
      if (char === '\n') result.push([]);
    } else if (char === '&' || char === '|' || char === ';') {
      flush();
      if (text[i + 1] === char) i++;
      result.push([]);
    } else {
      word += char;
      inWord = true;
    }
  }
  flush();
  return result.filter((words) => words.length > 0);
}

/**
 * The value of a shell word after parameter expansion of a whole-word `$NAME`, `${NAME}` or
 * `${NAME:-default}`; `undefined` when it names a variable nobody sets.
 */
export function expandWord(word: string, env: Record<string, string | undefined>): string | undefined {
  const match = /^\$(?:([A-Za-z_]\w*)|\{([A-Za-z_]\w*)(?::?-([^}]*))?\})$/.exec(word);
  if (!match) return word;
  const name = (match[1] ?? match[2]) as string;
  return env[name] || match[3];
}

/** The package.json that governs a service: the one in its root directory. */
export function manifestOf(model: ProjectModel, service: Service): PackageManifest | undefined {
  return model.packageManifests.find((m) => m.directory === service.rootDir);
}

export function startInvocations(model: ProjectModel, service: Service): Invocation[] {
  const manifest = manifestOf(model, service);
  const scripts = Object.fromEntries(
    Object.entries(manifest?.scripts ?? {}).map(([name, script]) => [name, script.value]),
  );
  const command =
    service.startCommand?.value ??
    imageCommand(model, service) ??
    (manifest?.scripts.start ? 'npm start' : '');
  return invocationsOf(command, scripts, 0, scriptReader(model, service));
}

/** The command of the image the platform builds for the service (its Dockerfile's ENTRYPOINT and CMD). */
function imageCommand(model: ProjectModel, service: Service): string | undefined {
  const dockerfile = service.image?.dockerfile;
  return dockerfile ? model.dockerfiles.find((d) => d.path === dockerfile)?.command?.value : undefined;
}

// Start commands are read for every service by several rules: index the scripts once per model.
const scriptIndexes = new WeakMap<ProjectModel, Map<string, string>>();

function scriptsByPath(model: ProjectModel): Map<string, string> {
  let index = scriptIndexes.get(model);
  if (!index) {
    index = new Map(model.shellScripts.map((script) => [script.path, script.text]));
    scriptIndexes.set(model, index);
  }
  return index;
}

/**
 * Scripts resolve from the folder the service starts in: its build context, else its root
 * directory. An absolute path in an image (`/app/scripts/web.sh`) is matched by its trailing parts,
 * since the Dockerfile copied the context somewhere under its WORKDIR.
 */
function scriptReader(model: ProjectModel, service: Service): ScriptReader {
  const base = service.image?.context ?? service.rootDir;
  const scripts = scriptsByPath(model);
  return (word) => {
    if (!/^(\.{0,2}\/|[\w.-]+\.sh$)/.test(word)) return undefined;
    const parts = word
      .replace(/^\.\//, '')
      .split('/')
      .filter((part) => part !== '' && part !== '.');
    for (let start = 0; start < parts.length; start++) {
      const relative = parts.slice(start).join('/');
      const text = scripts.get(repositoryPath(base, relative));
      if (text !== undefined) return text;
      if (!word.startsWith('/')) break;
    }
    return undefined;
  };
}
