import { parse } from 'acorn';
import { simple } from 'acorn-walk';
import type { Diagnostic } from '../../model/location.ts';
import { stripTypes } from '../strip-types.ts';

export interface PrismaConfigFacts {
  /** `schema:` — a file or a folder of .prisma files, relative to the config. */
  schema?: string;
  migrationsPath?: string;
  /** `datasource.url: env('X')` (Prisma 7 moved the URL here). */
  urlEnv?: string;
  directUrlEnv?: string;
}

/**
 * Reads what `prisma.config.ts` states literally, without running it: the file is TypeScript,
 * so types are stripped by Node's own stripper and the object literal walked with acorn.
 */
export function readPrismaConfig(
  path: string,
  text: string,
): { facts: PrismaConfigFacts; diagnostics: Diagnostic[] } {
  let program: ReturnType<typeof parse>;
  try {
    const js = path.endsWith('.ts') || path.endsWith('.mts') ? stripTypes(text) : text;
    program = parse(js, { ecmaVersion: 'latest', sourceType: 'module', locations: true });
  } catch (error) {
    const line = (error as { loc?: { line: number } }).loc?.line ?? 1;
    const reason = error instanceof Error ? error.message.replace(/\s*\(\d+:\d+\)$/, '') : String(error);
    return {
      facts: {},
      diagnostics: [
        {
          severity: 'warning',
          origin: 'prisma',
          message: `${path} could not be read statically: ${reason}.`,
          location: { path, line },
        },
      ],
    };
  }
  const facts: PrismaConfigFacts = {};
  simple(program, {
    Property(node) {
      const key = propertyName(node.key);
      const value = node.value;
      if (key === 'schema' && isString(value)) facts.schema = value.value;
      if (key === 'path' && isString(value)) facts.migrationsPath ??= value.value;
      if (key === 'url') facts.urlEnv ??= envArgument(value);
      if (key === 'directUrl' || key === 'shadowDatabaseUrl')
        facts.directUrlEnv ??= key === 'directUrl' ? envArgument(value) : undefined;
    },
  });
  return { facts, diagnostics: [] };
}

// acorn's node types are a wide union; these narrow what the walk needs.
// biome-ignore lint/suspicious/noExplicitAny: see above.
type AnyNode = any;

function propertyName(key: AnyNode): string | undefined {
  return key?.type === 'Identifier' ? key.name : isString(key) ? key.value : undefined;
}

function isString(node: AnyNode): node is { value: string } {
  return node?.type === 'Literal' && typeof node.value === 'string';
}

/** `env('X')`, `env("X")` or `process.env.X`. */
function envArgument(node: AnyNode): string | undefined {
  if (node?.type === 'CallExpression' && node.callee?.name === 'env' && isString(node.arguments?.[0]))
    return node.arguments[0].value;
  if (
    node?.type === 'MemberExpression' &&
    node.object?.type === 'MemberExpression' &&
    node.object.property?.name === 'env'
  ) {
    return node.property?.name ?? (isString(node.property) ? node.property.value : undefined);
  }
  return undefined;
}
