import { repositoryPath } from '../files/repository-path.ts';
import { builtStage, contextPaths } from '../model/docker-stages.ts';
import type { DockerStage, PackageManifest, ProjectModel, Service } from '../model/project-model.ts';

/** One program invocation of a start command: its words and the env assignments before it. */
export interface Invocation {
  program: string;
  args: string[];
  env: Record<string, string>;
  /**
   * Defaults a script gives variables the service may set (`WORKERS=${WORKERS:-4}`): below the
   * service's environment, where `env` is above it.
   */
  defaults?: Record<string, string>;
}

/** The variables an invocation sees: the script's defaults, the service's env, its own assignments. */
export function invocationEnv(
  serviceEnv: Record<string, string>,
  invocation: Invocation,
): Record<string, string> {
  return { ...invocation.defaults, ...serviceEnv, ...invocation.env };
}

/** Builtins that set shell variables from `NAME=value` words: `export WORKERS=4`. */
const DECLARATIONS = new Set(['export', 'readonly', 'declare', 'local', 'typeset']);

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
  positional: string[] = [],
): Invocation[] {
  const invocations: Invocation[] = [];
  // Variables the script sets for the commands after them, as set or as defaults.
  const scriptEnv: Record<string, string> = {};
  const scriptDefaults: Record<string, string> = {};
  const expand = (word: string) => expandScriptWord(word, positional, { ...scriptDefaults, ...scriptEnv });
  const branches = new CaseBranches(expand);
  for (const words of commands(command)) {
    if (!branches.admits(words)) continue;
    const env: Record<string, string> = { ...scriptEnv };
    const takeAssignments = () => {
      while (words.length && ASSIGNMENT.test(words[0] as string)) {
        const word = words.shift() as string;
        const equals = word.indexOf('=');
        env[word.slice(0, equals)] = word.slice(equals + 1);
      }
    };
    if (words.length > 1 && DECLARATIONS.has(words[0] as string)) words.shift();
    // An entrypoint's `exec "$@"` runs the command it was given (the image's CMD).
    const all = words.findIndex((word) => word === '$@' || word === '$*');
    if (all >= 0) words.splice(all, 1, ...positional);
    const assignsOnly = words.every((word) => ASSIGNMENT.test(word));
    takeAssignments();
    if (assignsOnly) {
      for (const [name, value] of Object.entries(env))
        setScriptVariable(name, value, expand, scriptEnv, scriptDefaults);
      continue;
    }
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
    const nested = depth >= MAX_DEPTH ? undefined : nestedCommand(program, path, args, scripts, readScript);
    const defaults = Object.keys(scriptDefaults).length ? { defaults: { ...scriptDefaults } } : {};
    if (nested !== undefined) {
      for (const inner of invocationsOf(nested.text, scripts, depth + 1, readScript, nested.positional))
        invocations.push({
          ...inner,
          env: { ...env, ...inner.env },
          ...(defaults.defaults || inner.defaults
            ? { defaults: { ...defaults.defaults, ...inner.defaults } }
            : {}),
        });
      continue;
    }
    if (/^python[\d.]*$/.test(program) && args[0] === '-m' && args[1]) {
      invocations.push({ program: args[1], args: args.slice(2), env, ...defaults });
      continue;
    }
    invocations.push({ program, args, env, ...defaults });
  }
  return invocations;
}

/**
 * `NAME=${NAME:-4}` keeps what the environment says and falls back to 4: a default. `NAME=4`, or
 * `NAME=$OTHER` once OTHER is known, sets it outright.
 */
function setScriptVariable(
  name: string,
  value: string,
  expand: (word: string) => string | undefined,
  scriptEnv: Record<string, string>,
  scriptDefaults: Record<string, string>,
): void {
  const selfDefault = /^\$\{([A-Za-z_]\w*):?[-=]([^}]*)\}$/.exec(value);
  if (selfDefault?.[1] === name) {
    scriptDefaults[name] = selfDefault[2] as string;
    return;
  }
  const expanded = expand(value);
  if (expanded !== undefined) scriptEnv[name] = expanded;
}

/** A word after expansion of positional (`$1`, `${1:-web}`) and known variables; `undefined` if unknown. */
function expandScriptWord(
  word: string,
  positional: string[],
  vars: Record<string, string>,
): string | undefined {
  const numbered = /^\$(?:(\d)|\{(\d)(?::?-([^}]*))?\})$/.exec(word);
  if (numbered) return positional[Number(numbered[1] ?? numbered[2]) - 1] || numbered[3];
  const expanded = expandWord(word, vars);
  return expanded?.includes('$') ? undefined : expanded;
}

/**
 * `case "$1" in web) … ;; worker) … ;; esac`: when the subject is known (the script's argument, a
 * variable it set), only the branch it selects runs; when it is not, every branch is read.
 */
class CaseBranches {
  private open?: { subject: string | undefined; taking: boolean; chosen: boolean };
  private readonly expand: (word: string) => string | undefined;

  constructor(expand: (word: string) => string | undefined) {
    this.expand = expand;
  }

  /** Whether the command runs; strips a branch's pattern (`web)`) from the words it is written before. */
  admits(words: string[]): boolean {
    if (words[0] === 'case' && words[2] === 'in' && words.length === 3) {
      this.open = { subject: this.expand(words[1] as string), taking: false, chosen: false };
      return false;
    }
    if (!this.open) return true;
    if (words[0] === 'esac') {
      this.open = undefined;
      return false;
    }
    const pattern = /^\(?([^()]+)\)$/.exec(words[0] as string)?.[1];
    if (pattern !== undefined) {
      words.shift();
      const { subject } = this.open;
      const matches = subject === undefined || pattern.split('|').some((glob) => globMatches(glob, subject));
      this.open.taking = matches && (subject === undefined || !this.open.chosen);
      if (this.open.taking) this.open.chosen = true;
    }
    return this.open.taking && words.length > 0;
  }
}

function globMatches(glob: string, text: string): boolean {
  const pattern = glob
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${pattern}$`).test(text);
}

/**
 * What a command runs when it is itself a script: `sh -c "…"` (arguments after `$0` are `$1`…), a
 * script file in the repository (`./start.sh web`, `sh start.sh web`), or a package script.
 */
function nestedCommand(
  program: string,
  path: string,
  args: string[],
  scripts: Record<string, string>,
  readScript: ScriptReader,
): { text: string; positional: string[] } | undefined {
  const shell = program === 'sh' || program === 'bash';
  if (shell && args[0] === '-c' && args[1]) return { text: args[1], positional: args.slice(3) };
  const file = shell && args[0] ? readScript(args[0]) : readScript(path);
  if (file !== undefined) return { text: file, positional: shell ? args.slice(1) : args };
  const body = scriptBody(program, args, scripts);
  return body === undefined ? undefined : { text: body, positional: [] };
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

/** The command of the image the platform builds for the service (its stage's ENTRYPOINT and CMD). */
function imageCommand(model: ProjectModel, service: Service): string | undefined {
  return imageStage(model, service)?.command?.value;
}

function imageStage(model: ProjectModel, service: Service): DockerStage | undefined {
  const image = service.image;
  const dockerfile = image && model.dockerfiles.find((d) => d.path === image.dockerfile);
  return dockerfile && builtStage(dockerfile, image.target);
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
 * directory. A path in the image is first traced back through the Dockerfile's COPY instructions
 * (`/start` ← `compose/production/django/start`); else an absolute one (`/app/scripts/web.sh`) is
 * matched by its trailing parts, since the Dockerfile copied the context somewhere under its WORKDIR.
 */
function scriptReader(model: ProjectModel, service: Service): ScriptReader {
  const base = service.image?.context ?? service.rootDir;
  const scripts = scriptsByPath(model);
  const stage = imageStage(model, service);
  return (word) => {
    if (!/^(\.{0,2}\/|[\w./-]+\.sh$)/.test(word)) return undefined;
    for (const copied of stage ? contextPaths(stage, word) : []) {
      const text = scripts.get(repositoryPath(base, copied));
      if (text !== undefined) return text;
    }
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
