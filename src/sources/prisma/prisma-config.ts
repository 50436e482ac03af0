import type { Diagnostic } from '../../model/location.ts';
import { parseWithBabel } from '../babel-parser.ts';
import { type SyntaxNode as AstNode, walkSyntaxTree, withoutTypes } from '../walk-syntax-tree.ts';

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
 * Reads what `prisma.config.ts` states literally, without running it: Babel parses the file
 * (TypeScript included, as ESTree nodes) and the config object literal is walked.
 */
export function readPrismaConfig(
  path: string,
  text: string,
): { facts: PrismaConfigFacts; diagnostics: Diagnostic[] } {
  let program: AstNode;
  try {
    const typescript = /\.[cm]?ts$/.test(path);
    program = parseWithBabel(text, {
      sourceType: 'unambiguous',
      plugins: ['estree', ...(typescript ? (['typescript'] as const) : [])],
    }).program;
  } catch (error) {
    const line = (error as { loc?: { line: number } }).loc?.line ?? 1;
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
  walkSyntaxTree(program, (node) => {
    if (
      node.type === 'ObjectExpression' &&
      node.properties.some((p: AstNode) => CONFIG_KEYS.has(propertyName(p) ?? ''))
    )
      config ??= node;
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

function property(object: AstNode, key: string): AstNode {
  if (object?.type !== 'ObjectExpression') return undefined;
  return withoutTypes(object.properties.find((p: AstNode) => propertyName(p) === key)?.value);
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
  if (node?.type === 'LogicalExpression') return envName(withoutTypes(node.left));
  if (node?.type === 'CallExpression' && calleeName(node) === 'env') return stringValue(node.arguments[0]);
  if (
    node?.type === 'MemberExpression' &&
    node.object?.type === 'MemberExpression' &&
    node.object.property?.name === 'env'
  )
    return node.computed ? stringValue(node.property) : node.property?.name;
  return undefined;
}
