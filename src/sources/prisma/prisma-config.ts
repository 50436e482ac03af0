import { parse } from 'acorn';
import { simple } from 'acorn-walk';
import type { Diagnostic } from '../../model/location.ts';
import { stripTypes } from '../strip-types.ts';
import type { AstNode } from './prisma-ast-nodes.ts';

export interface PrismaConfigFacts {
  path: string;
  /** `schema:` — a file or a folder of .prisma files, relative to the config's folder. */
  schema?: string;
  /** `migrations.path`, relative to the config's folder. */
  migrationsPath?: string;
  /** `datasource.url: env('X')` (Prisma 7 moved the URL here). */
  urlEnv?: string;
  /** `datasource.directUrl: env('X')` (Prisma 6 configs). */
  directUrlEnv?: string;
}

const CONFIG_KEYS = new Set(['schema', 'migrations', 'datasource']);

/**
 * Reads what `prisma.config.ts` states literally, without running it: types are stripped by
 * Node's own stripper (positions kept) and the config object literal walked with acorn.
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
    const line = errorLine(error) ?? errorLine(jsSyntaxError(text)) ?? 1;
    const reason = error instanceof Error ? error.message.replace(/\s*\(\d+:\d+\)$/, '') : String(error);
    return {
      facts: { path },
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
  // The config is the object literal that names `schema`, `migrations` or `datasource`,
  // however it is exported (`defineConfig({…})`, `{…} satisfies PrismaConfig`, a const).
  let config: AstNode;
  simple(program, {
    ObjectExpression(node) {
      config ??= node.properties.some((p: AstNode) => CONFIG_KEYS.has(propertyName(p) ?? ''))
        ? node
        : undefined;
    },
  });
  const facts: PrismaConfigFacts = { path };
  const schema = stringValue(property(config, 'schema'));
  const migrationsPath = stringValue(property(property(config, 'migrations'), 'path'));
  const urlEnv = envName(property(property(config, 'datasource'), 'url'));
  const directUrlEnv = envName(property(property(config, 'datasource'), 'directUrl'));
  if (schema) facts.schema = schema;
  if (migrationsPath) facts.migrationsPath = migrationsPath;
  if (urlEnv) facts.urlEnv = urlEnv;
  if (directUrlEnv) facts.directUrlEnv = directUrlEnv;
  return { facts, diagnostics: [] };
}

function errorLine(error: unknown): number | undefined {
  return (error as { loc?: { line: number } } | undefined)?.loc?.line;
}

/**
 * Node's type stripper says what is wrong but not where; most config errors are JavaScript
 * errors too, and acorn knows their line.
 */
function jsSyntaxError(text: string): unknown {
  try {
    parse(text, { ecmaVersion: 'latest', sourceType: 'module' });
    return undefined;
  } catch (error) {
    return error;
  }
}

function property(object: AstNode, key: string): AstNode {
  if (object?.type !== 'ObjectExpression') return undefined;
  return object.properties.find((p: AstNode) => propertyName(p) === key)?.value;
}

function propertyName(node: AstNode): string | undefined {
  if (node?.type !== 'Property' || node.computed) return undefined;
  return node.key.type === 'Identifier' ? node.key.name : stringValue(node.key);
}

/** A literal path: `'prisma/schema'`, a plain template, or `path.join(__dirname, 'prisma')`. */
function stringValue(node: AstNode): string | undefined {
  if (node?.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node?.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0]?.value.cooked;
  if (node?.type === 'CallExpression' && ['join', 'resolve'].includes(calleeName(node) ?? '')) {
    // The config's own folder (`__dirname`, `import.meta.dirname`) is where relative paths start anyway.
    const parts = node.arguments
      .filter((arg: AstNode) => !isOwnDirectory(arg))
      .map((arg: AstNode) => stringValue(arg));
    return parts.length > 0 && parts.every((p: string | undefined) => p !== undefined)
      ? parts.join('/')
      : undefined;
  }
  return undefined;
}

function calleeName(call: AstNode): string | undefined {
  return call.callee.type === 'Identifier' ? call.callee.name : call.callee.property?.name;
}

function isOwnDirectory(node: AstNode): boolean {
  return (
    (node.type === 'Identifier' && node.name === '__dirname') ||
    (node.type === 'MemberExpression' &&
      node.object.type === 'MetaProperty' &&
      node.property.name === 'dirname')
  );
}

/** `env('X')`, `env<Env>('X')` or `process.env.X` / `process.env['X']`, with or without `?? fallback`. */
function envName(node: AstNode): string | undefined {
  if (node?.type === 'LogicalExpression') return envName(node.left);
  if (node?.type === 'CallExpression' && calleeName(node) === 'env') return stringValue(node.arguments[0]);
  if (
    node?.type === 'MemberExpression' &&
    node.object?.type === 'MemberExpression' &&
    node.object.property?.name === 'env'
  )
    return node.computed ? stringValue(node.property) : node.property?.name;
  return undefined;
}
