import { posix } from 'node:path';
import type { DockerCopy, Dockerfile } from '../../model/project-model.ts';
import { execFormCommand } from '../service-shape.ts';
import type { SourceFile } from '../source.ts';

interface Instruction {
  keyword: string;
  /** The arguments with line continuations joined. */
  text: string;
  line: number;
}

/**
 * The instructions of a Dockerfile as its reference defines them: a keyword, arguments, `\`
 * continuing a line (or the `# escape=` directive's character), comment lines skipped even inside
 * a continuation. Heredocs are read as the lines they are.
 */
export function instructionsOf(text: string): Instruction[] {
  const continuation = /^#\s*escape\s*=\s*(\S)/im.exec(text.split('\n', 1)[0] ?? '')?.[1] ?? '\\';
  const instructions: Instruction[] = [];
  let current: Instruction | undefined;
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    const trimmed = raw.trim();
    if (trimmed.startsWith('#') || (!current && trimmed === '')) return;
    const continues = trimmed.endsWith(continuation);
    const body = continues ? trimmed.slice(0, -1) : trimmed;
    if (current) current.text += ` ${body}`;
    else {
      const [keyword = '', ...rest] = body.split(/\s+/);
      current = { keyword: keyword.toUpperCase(), text: rest.join(' '), line };
    }
    if (!continues) {
      instructions.push(current);
      current = undefined;
    }
  });
  if (current) instructions.push(current);
  return instructions;
}

interface StageState {
  name?: string;
  entrypoint?: Instruction;
  cmd?: Instruction;
  workdir: string;
  copies: DockerCopy[];
  vars: Record<string, string>;
}

/**
 * Each stage's start command, WORKDIR and context copies. A stage built `FROM` an earlier one
 * inherits all of them; one built from an image starts from nothing the repository shows.
 */
export function readDockerfile(file: SourceFile): Dockerfile {
  const states: StageState[] = [];
  let state: StageState | undefined;
  for (const instruction of instructionsOf(file.text)) {
    if (instruction.keyword === 'FROM') {
      const [image = '', as, name] = instruction.text.split(/\s+/).filter((word) => !word.startsWith('--'));
      const parent = states.find((stage) => stage.name?.toLowerCase() === image.toLowerCase());
      state = {
        workdir: parent?.workdir ?? '/',
        copies: [...(parent?.copies ?? [])],
        vars: { ...parent?.vars },
      };
      if (parent?.entrypoint) state.entrypoint = parent.entrypoint;
      if (parent?.cmd) state.cmd = parent.cmd;
      if (as?.toUpperCase() === 'AS' && name) state.name = name;
      states.push(state);
      continue;
    }
    if (!state) continue;
    const expand = (text: string) => expandVariables(text, (state as StageState).vars);
    switch (instruction.keyword) {
      case 'ENTRYPOINT':
        // Docker clears a CMD inherited from the base when the stage sets its own ENTRYPOINT.
        state.entrypoint = instruction;
        state.cmd = undefined;
        break;
      case 'CMD':
        state.cmd = instruction;
        break;
      case 'WORKDIR':
        state.workdir = posix.resolve(state.workdir, expand(instruction.text));
        break;
      case 'ENV':
      case 'ARG':
        Object.assign(state.vars, assignments(instruction.text, instruction.keyword === 'ENV'));
        break;
      case 'COPY':
      case 'ADD':
        state.copies.push(...copiesOf(expand(instruction.text), state.workdir));
        break;
    }
  }
  return {
    path: file.path,
    stages: states.map((stage) => {
      const parts = [stage.entrypoint, stage.cmd].filter((i) => i !== undefined);
      const last = parts.at(-1);
      return {
        ...(stage.name ? { name: stage.name } : {}),
        ...(last
          ? {
              command: {
                value: parts.map((i) => shellForm(i.text)).join(' '),
                location: { path: file.path, line: last.line },
              },
            }
          : {}),
        workdir: stage.workdir,
        copies: stage.copies,
      };
    }),
  };
}

/** `ENV A=1 B="x"`, `ENV A 1` (the legacy form), `ARG A=1`; an ARG without a value sets nothing. */
function assignments(text: string, legacyForm: boolean): Record<string, string> {
  const words = wordsOf(text);
  if (legacyForm && words[0] && !words[0].includes('=')) return { [words[0]]: words.slice(1).join(' ') };
  const vars: Record<string, string> = {};
  for (const word of words) {
    const equals = word.indexOf('=');
    if (equals > 0) vars[word.slice(0, equals)] = word.slice(equals + 1);
  }
  return vars;
}

/**
 * `COPY [--chown=…] src… dest` from the build context (a copy `--from` another stage or image
 * brings nothing of the repository's). Several sources, or a destination ending in `/`, land in a
 * folder.
 */
function copiesOf(text: string, workdir: string): DockerCopy[] {
  const words = execFormWords(text) ?? wordsOf(text);
  if (words.some((word) => word.startsWith('--from'))) return [];
  const paths = words.filter((word) => !word.startsWith('--'));
  const destination = paths.pop();
  if (!destination || paths.length === 0) return [];
  const into = paths.length > 1 || destination.endsWith('/');
  const target = posix.resolve(workdir, destination);
  return paths.map((source) => ({
    source: posix.normalize(source),
    destination: into ? posix.join(target, '/') : target,
  }));
}

/** `$NAME` and `${NAME}` from the stage's ENV and ARG values; unknown names stay as written. */
function expandVariables(text: string, vars: Record<string, string>): string {
  return text.replace(/\$(?:\{([A-Za-z_]\w*)\}|([A-Za-z_]\w*))/g, (written, braced, bare) => {
    const value = vars[(braced ?? bare) as string];
    return value === undefined ? written : value;
  });
}

function wordsOf(text: string): string[] {
  return [...text.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => (m[1] ?? m[2] ?? m[3]) as string);
}

/** The words of an exec-form (JSON array) argument; `undefined` for the shell form. */
function execFormWords(text: string): string[] | undefined {
  if (!text.startsWith('[')) return undefined;
  try {
    const words: unknown = JSON.parse(text);
    if (Array.isArray(words) && words.every((w) => typeof w === 'string')) return words;
  } catch {
    // Not valid JSON: Docker then runs it as a shell command, which is what the text says.
  }
  return undefined;
}

/** Exec form (`["gunicorn", "-w", "4"]`) back to shell words; shell form as written. */
function shellForm(text: string): string {
  const words = execFormWords(text);
  return words === undefined ? text : execFormCommand(words);
}
