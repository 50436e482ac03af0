import { getSchema, PrismaParser, type Schema, VisitorClassFactory } from '@mrleebo/prisma-ast';
import type { Diagnostic } from '../../model/location.ts';

const parser = new PrismaParser({ nodeLocationTracking: 'full' });
const visitor = new (VisitorClassFactory(parser))();

/**
 * Parses one .prisma file. prisma-ast rejects `/* … *\/` block comments, which Prisma accepts,
 * so they are blanked first (keeping every line break, so lines stay exact).
 */
export function parsePrismaFile(path: string, text: string): { schema?: Schema; diagnostics: Diagnostic[] } {
  try {
    return { schema: getSchema(blankBlockComments(text), { parser, visitor }), diagnostics: [] };
  } catch (error) {
    const token = (error as { token?: { startLine?: number; image?: string } }).token;
    const found =
      token?.image === '\n' ? 'a line break' : token?.image ? `"${token.image}"` : 'the end of the file';
    const line = Number.isFinite(token?.startLine) ? (token?.startLine as number) : lastLine(text);
    return {
      diagnostics: [
        {
          severity: 'error',
          origin: 'prisma',
          message: `${path} is not a valid Prisma schema: unexpected ${found}; its models were not read.`,
          location: { path, line },
        },
      ],
    };
  }
}

function lastLine(text: string): number {
  return text.split('\n').length;
}

/** Replaces block comments by spaces outside strings and line comments; newlines are kept. */
export function blankBlockComments(text: string): string {
  if (!text.includes('/*')) return text;
  const out = text.split('');
  let i = 0;
  while (i < text.length) {
    const char = text[i];
    if (char === '"') {
      i++;
      while (i < text.length && text[i] !== '"' && text[i] !== '\n') i += text[i] === '\\' ? 2 : 1;
      i++;
    } else if (char === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (char === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end < 0 ? text.length : end + 2;
      for (let j = i; j < stop; j++) if (out[j] !== '\n' && out[j] !== '\r') out[j] = ' ';
      i = stop;
    } else {
      i++;
    }
  }
  return out.join('');
}
