import type { Dockerfile } from '../../model/project-model.ts';
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

/** The command the final stage's containers start with: its ENTRYPOINT followed by its CMD. */
export function readDockerfile(file: SourceFile): Dockerfile {
  let entrypoint: Instruction | undefined;
  let cmd: Instruction | undefined;
  for (const instruction of instructionsOf(file.text)) {
    // Each FROM starts a stage, and a stage inherits nothing of the previous one's commands.
    if (instruction.keyword === 'FROM') {
      entrypoint = undefined;
      cmd = undefined;
    } else if (instruction.keyword === 'ENTRYPOINT') entrypoint = instruction;
    else if (instruction.keyword === 'CMD') cmd = instruction;
  }
  const parts = [entrypoint, cmd].filter((i) => i !== undefined);
  const last = parts.at(-1);
  return {
    path: file.path,
    ...(last
      ? {
          command: {
            value: parts.map((i) => shellForm(i.text)).join(' '),
            location: { path: file.path, line: last.line },
          },
        }
      : {}),
  };
}

/** Exec form (`["gunicorn", "-w", "4"]`) back to shell words; shell form as written. */
function shellForm(text: string): string {
  if (!text.startsWith('[')) return text;
  try {
    const words: unknown = JSON.parse(text);
    if (Array.isArray(words) && words.every((w) => typeof w === 'string')) return execFormCommand(words);
  } catch {
    // Not valid JSON: Docker then runs it as a shell command, which is what the text says.
  }
  return text;
}
