import { type Block, getSchema, PrismaParser, VisitorClassFactory } from '@mrleebo/prisma-ast';
import type { Diagnostic } from '../../model/location.ts';
import { scanPrismaText } from './scan-text.ts';

const parser = new PrismaParser({ nodeLocationTracking: 'full' });
const visitor = new (VisitorClassFactory(parser))();

/** The blocks (`model`, `datasource`, `enum`…) of one .prisma file, as prisma-ast gives them. */
export interface ParsedPrismaFile {
  path: string;
  blocks: Block[];
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

  const blocks: Block[] = [];
  let start = 0;
  for (const end of [...blockEnds, text.length]) {
    if (end <= start) continue;
    // Padding with the line breaks before the block keeps prisma-ast's line numbers exact.
    const before = text.slice(0, start).replace(/[^\n]/g, '');
    const part = parseText(before + text.slice(start, end));
    if (part.blocks) blocks.push(...part.blocks);
    else diagnostics.push(part.diagnostic(path));
    start = end;
  }
  return { file: { path, blocks }, diagnostics };
}

type ParseOutcome = { blocks: Block[] } | { blocks?: undefined; diagnostic: (path: string) => Diagnostic };

function parseText(text: string): ParseOutcome {
  try {
    return { blocks: getSchema(text, { parser, visitor }).list };
  } catch (error) {
    // chevrotain's errors carry the token where parsing stopped (EOF has no line).
    const token = (error as { token?: { startLine?: number; image?: string } }).token;
    const found = !token?.image
      ? 'the end of the file'
      : token.image === '\n'
        ? 'a line break'
        : `"${token.image}"`;
    const line = Number.isFinite(token?.startLine) ? (token?.startLine as number) : text.split('\n').length;
    return {
      diagnostic: (path) => invalid(path, line, `unexpected ${found}; the block there was not read`),
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
