import type { PackageManifest, ProjectModel, Service } from '../model/project-model.ts';

/** One program invocation of a start command: its words and the env assignments before it. */
export interface Invocation {
  program: string;
  args: string[];
  env: Record<string, string>;
}

/**
 * Splits a start command into invocations the way a POSIX shell would for the cases start
 * commands use: quotes, `&&`/`||`/`;`/`|`, `VAR=value` prefixes, `sh -c "…"`, `exec`, and
 * package-manager scripts resolved through the service's package.json.
 */
export function invocationsOf(
  command: string,
  scripts: Record<string, string> = {},
  depth = 0,
): Invocation[] {
  const invocations: Invocation[] = [];
  for (const words of commands(command)) {
    const env: Record<string, string> = {};
    while (words.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[0] as string)) {
      const [key, ...value] = (words.shift() as string).split('=');
      env[key as string] = value.join('=');
    }
    while (words[0] === 'exec' || words[0] === 'env' || words[0] === 'npx' || words[0] === 'bunx')
      words.shift();
    const [program, ...args] = words;
    if (!program) continue;
    if ((program === 'sh' || program === 'bash') && args[0] === '-c' && args[1] && depth < 3) {
      invocations.push(
        ...invocationsOf(args[1], scripts, depth + 1).map((i) => ({ ...i, env: { ...env, ...i.env } })),
      );
      continue;
    }
    const script = scriptName(program, args);
    const body = script ? scripts[script] : undefined;
    if (body !== undefined && depth < 3) {
      invocations.push(
        ...invocationsOf(body, scripts, depth + 1).map((i) => ({ ...i, env: { ...env, ...i.env } })),
      );
      continue;
    }
    invocations.push({ program: program.split('/').at(-1) as string, args, env });
  }
  return invocations;
}

/** `npm start`, `npm run web`, `yarn start`, `pnpm run start`, `bun run dev` → the script name. */
function scriptName(program: string, args: string[]): string | undefined {
  if (!['npm', 'yarn', 'pnpm', 'bun'].includes(program)) return undefined;
  if (args[0] === 'run' || args[0] === 'run-script') return args[1];
  if (args[0] === 'start' || args[0] === 'test') return args[0];
  return program === 'npm' ? undefined : args[0];
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
      word += text[++i];
      inWord = true;
    } else if (/\s/.test(char)) {
      flush();
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

/** The package.json that governs a service: the one in its root directory. */
export function manifestOf(model: ProjectModel, service: Service): PackageManifest | undefined {
  return model.packageManifests.find((m) => m.directory === service.rootDir);
}

export function startInvocations(model: ProjectModel, service: Service): Invocation[] {
  const manifest = manifestOf(model, service);
  const scripts = Object.fromEntries(
    Object.entries(manifest?.scripts ?? {}).map(([name, script]) => [name, script.value]),
  );
  const command = service.startCommand?.value ?? (manifest?.scripts.start ? 'npm start' : '');
  return invocationsOf(command, scripts);
}
