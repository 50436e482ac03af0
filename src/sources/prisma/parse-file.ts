import type { Diagnostic } from '../../model/location.ts';
import { PrismaSyntaxError, parsePrismaSchema } from './parse-schema.ts';
import type { AstNode } from './prisma-ast-nodes.ts';
import { scanPrismaText } from './scan-text.ts';

/** The blocks (`model`, `datasource`, `enum`…) of one .prisma file, in prisma-ast's shape. */
export interface ParsedPrismaFile {
  path: string;
  blocks: AstNode[];
}

/**
 * Parses one .prisma file. When the whole file does not parse, each top-level block is parsed
 * on its own, so one broken model costs that model only; every error names its line.
 */
export function parsePrismaFile(
  path: string,
  source: string,
): { file: ParsedPrismaFile; diagnostics: Diagnostic[] } {
  const { text, stray, blockEnds } = scanPrismaText(source);
  // One stray character per line is enough to point at it.
  const firstPerLine = stray.filter((found, i) => stray[i - 1]?.line !== found.line);
  const diagnostics: Diagnostic[] = firstPerLine.map(({ line, character }) =>
    invalid(path, line, `unexpected character ${JSON.stringify(character)}; it was skipped`),
  );
  const whole = parseText(text);
  if (whole.blocks) return { file: { path, blocks: whole.blocks }, diagnostics };

  const blocks: AstNode[] = [];
  let start = 0;
  for (const end of [...blockEnds, text.length]) {
    if (end <= start) continue;
    // Padding with the line breaks before the block keeps the line numbers exact.
    const before = text.slice(0, start).replace(/[^\n]/g, '');
    const part = parseText(before + text.slice(start, end));
    if (part.blocks) blocks.push(...part.blocks);
    else diagnostics.push(part.diagnostic(path));
    start = end;
  }
  return { file: { path, blocks }, diagnostics };
}

type ParseOutcome = { blocks: AstNode[] } | { blocks?: undefined; diagnostic: (path: string) => Diagnostic };

function parseText(text: string): ParseOutcome {
  try {
    return { blocks: parsePrismaSchema(text) };
  } catch (error) {
    if (!(error instanceof PrismaSyntaxError)) throw error;
    return {
      diagnostic: (path) =>
        invalid(path, error.line, `unexpected ${error.found}; the block there was not read`),
    };
  }
}

function invalid(path: string, line: number, detail: string): Diagnostic {
  return {
    severity: 'error',
    origin: 'prisma',
    message: `${path} is not a valid Prisma schema: ${detail}.`,
    location: { path, line },
  };
}
