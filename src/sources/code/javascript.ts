import { HTTP_HANDLER_MODULES, JS_CACHE_EXPORTS, REDIS_CLIENT_PACKAGES } from '../../catalog/libraries.ts';
import type { Location } from '../../model/location.ts';
import { parseWithBabel } from '../babel-parser.ts';
import type { SourceFile } from '../source.ts';
import { type SyntaxNode, walkSyntaxTree, withoutTypes } from '../walk-syntax-tree.ts';
import { type CodeFindings, emptyCodeFindings } from './code-findings.ts';
import { healthPath } from './health-paths.ts';

/** A module-scope Map/WeakMap counts as a cache only under a name that says so. */
const CACHE_NAME = /cache|memo|store/i;
/** Next.js App Router route handlers (`app/**\/route.ts`) and Pages Router API routes. */
const NEXT_ROUTE = /(^|\/)app\/(.+\/)?route\.[cm]?[jt]sx?$/;
const NEXT_API_PAGE = /(^|\/)pages\/(api\/.*?)(?:\/index)?\.[cm]?[jt]sx?$/;

/**
 * Every fact this reader takes needs one of these in the text: `process.env`/`import.meta.env`
 * for env reads, `new Map` for a map used as a cache, the `use server` directive, a quoted HTTP
 * module or `@nestjs/common` (health routes), and for a cache library its quoted name (when its
 * default export builds caches) or the name of the export that does (`memoize` of lodash). Most
 * modules of a large repository have none, and are not parsed at all.
 */
const FACT_TOKENS = new RegExp(
  [
    String.raw`process\s*\.\s*env\b|import\s*\.\s*meta\s*\.\s*env\b|\bnew\s+(?:Weak)?Map\b|use server`,
    '@nestjs/common',
    String.raw`(['"\`])(?:${[...HTTP_HANDLER_MODULES, ...Object.keys(JS_CACHE_EXPORTS).filter((m) => JS_CACHE_EXPORTS[m]?.default)].map(escapeRegExp).join('|')})\1`,
    String.raw`\b(?:${[...new Set(Object.values(JS_CACHE_EXPORTS).flatMap((exports) => Object.keys(exports)))].filter((name) => name !== 'default').join('|')})\b`,
  ].join('|'),
);

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Whether parsing `file` can find anything: a Next.js route by its path, any other file by its tokens. */
export function mayHoldFacts(file: SourceFile): boolean {
  return NEXT_ROUTE.test(file.path) || NEXT_API_PAGE.test(file.path) || FACT_TOKENS.test(file.text);
}

type Node = SyntaxNode;

/** What a local name was imported as: a module and an export (`default` for default/require). */
interface Binding {
  module: string;
  name: string;
}

/**
 * JavaScript and TypeScript (JSX/TSX included) parsed with @babel/parser, which reads every
 * syntax these files use without a build step. Reads `process.env`/`import.meta.env` keys,
 * caches that outlive a request (library caches and memoizers held at module scope or on a class,
 * module-scope `Map`s named as caches and filled from a function) and whether the file serves HTTP.
 */
export function readJavaScript(file: SourceFile): CodeFindings {
  const found = emptyCodeFindings();
  const program = parseProgram(file, found);
  // A "use client" module runs in the browser: its caches live in one tab, and the bundler
  // inlines the variables it reads at build time. Neither is about the server.
  if (!program || isClientModule(program)) return found;
  const at = (node: Node): Location => ({
    path: file.path,
    line: node.loc?.start.line ?? 1,
    column: (node.loc?.start.column ?? 0) + 1,
  });
  const bindings = importBindings(program);
  readHandlers(file.path, program, bindings, at, found);
  const nextRoute = nextRoutePath(file.path);
  const nextHealth = nextRoute === undefined ? undefined : healthPath(nextRoute);
  if (nextHealth) found.healthEndpoints.push({ path: nextHealth, location: { path: file.path, line: 1 } });
  // Route registrations are read where a server framework (or Nest's decorators) is imported:
  // elsewhere `.get('/health')` is as likely an HTTP client's call.
  const registersRoutes =
    found.requestHandlers.some((h) => !h.framework.startsWith('next-')) ||
    [...bindings.values()].some((b) => b.module === '@nestjs/common');

  const moduleMaps = new Map<string, Node>();
  const filledMaps = new Set<string>();
  walkSyntaxTree(program, (node, ancestors) => {
    for (const [key, where, optional] of envKeysRead(node, ancestors[ancestors.length - 1]))
      found.envReads.push({
        key,
        location: at(where),
        ...(optional || toleratesUnset(node, ancestors, key) ? { optional: true } : {}),
      });

    for (const [key, where] of schemaKeys(node, file.path))
      found.envReads.push({ key, location: at(where), schema: true });

    const holder = longLivedHolder(node, ancestors);
    if (holder) {
      const kind = cacheKind(holder.value, bindings);
      if (kind) found.inProcessCaches.push({ kind, name: holder.name, location: at(node) });
      else if (holder.moduleScope && isNewMap(holder.value) && CACHE_NAME.test(holder.name))
        moduleMaps.set(holder.name, node);
    }
    const filled = mapFilledInFunction(node, ancestors);
    if (filled) filledMaps.add(filled);

    const route = registersRoutes ? healthRouteOf(node) : undefined;
    if (route) found.healthEndpoints.push({ path: route, location: at(node) });
  });
  for (const [name, node] of moduleMaps)
    if (filledMaps.has(name))
      found.inProcessCaches.push({ kind: node.init.callee.name, name, location: at(node) });
  found.inProcessCaches.sort((a, b) => a.location.line - b.location.line);
  if (found.inProcessCaches.length > 0 && usesRedis(bindings, program))
    for (const cache of found.inProcessCaches) cache.frontsSharedCache = true;
  return found;
}

function isClientModule(program: Node): boolean {
  return (program.directives ?? []).some((d: Node) => d.value?.value === 'use client');
}

function parseProgram(file: SourceFile, found: CodeFindings): Node | undefined {
  const typescript = /\.[cm]?tsx?$/.test(file.path);
  // `.ts` files may use `<T>value` casts, which the JSX plugin would misread.
  const jsx = !/\.[cm]?ts$/.test(file.path);
  try {
    const ast = parseWithBabel(file.text, {
      sourceType: 'unambiguous',
      errorRecovery: true,
      allowReturnOutsideFunction: true,
      allowAwaitOutsideFunction: true,
      // No fact is read from a comment, and attaching each to its neighbouring nodes costs time.
      attachComment: false,
      // NestJS and most TypeScript servers write decorators the TypeScript (legacy) way.
      plugins: [
        ...(typescript ? (['typescript'] as const) : []),
        ...(jsx ? (['jsx'] as const) : []),
        'decorators-legacy',
      ],
    });
    for (const error of ast.errors ?? []) found.diagnostics.push(parseDiagnostic(file.path, error));
    return ast.program;
  } catch (error) {
    found.diagnostics.push(parseDiagnostic(file.path, error));
    return undefined;
  }
}

function parseDiagnostic(path: string, error: unknown): CodeFindings['diagnostics'][number] {
  const loc = (error as { loc?: { line: number; column: number } }).loc;
  const reason = ((error as Error).message ?? String(error)).replace(/\s*\(\d+:\d+\)$/, '');
  return {
    severity: 'info',
    origin: 'code',
    message: `${path} has a syntax Headroom cannot read (${reason}); env reads and caches past that point may be missed.`,
    location: { path, line: loc?.line ?? 1, ...(loc ? { column: loc.column + 1 } : {}) },
  };
}

/** Local names bound by `import … from 'm'` and `const x = require('m')` to cache or HTTP modules. */
function importBindings(program: Node): Map<string, Binding> {
  const bindings = new Map<string, Binding>();
  for (const statement of program.body) {
    if (statement.type === 'ImportDeclaration') {
      const module = statement.source.value as string;
      for (const specifier of statement.specifiers) {
        const name =
          specifier.type === 'ImportSpecifier'
            ? (specifier.imported.name ?? specifier.imported.value)
            : specifier.type === 'ImportNamespaceSpecifier'
              ? '*'
              : 'default';
        bindings.set(specifier.local.name, { module, name });
      }
    }
    if (statement.type !== 'VariableDeclaration') continue;
    for (const declarator of statement.declarations) {
      const module = requiredModule(declarator.init);
      if (!module) continue;
      if (declarator.id.type === 'Identifier') bindings.set(declarator.id.name, { module, name: 'default' });
      if (declarator.id.type === 'ObjectPattern')
        for (const property of declarator.id.properties)
          if (property.type === 'ObjectProperty' && property.value.type === 'Identifier')
            bindings.set(property.value.name, { module, name: property.key.name ?? property.key.value });
    }
  }
  return bindings;
}

/** A local module named for Redis: `~/redis.server`, `@/lib/redis`, `../cache/valkey`. */
const REDIS_MODULE = /(^|[/.@~-])(redis|valkey|kv)([/.-]|$)/i;

/** Whether the file imports a Redis client or the project's own Redis module. */
function usesRedis(bindings: Map<string, Binding>, program: Node): boolean {
  const modules = [
    ...[...bindings.values()].map((binding) => binding.module),
    ...program.body
      .filter((s: Node) => s.type === 'ImportDeclaration')
      .map((s: Node) => s.source.value as string),
  ];
  return modules.some((module) => REDIS_CLIENT_PACKAGES.has(module) || REDIS_MODULE.test(module));
}

/** `require('m')` and `require('m').default`. */
function requiredModule(node: Node): string | undefined {
  const call = node?.type === 'MemberExpression' && node.property.name === 'default' ? node.object : node;
  if (call?.type !== 'CallExpression' || call.callee.type !== 'Identifier' || call.callee.name !== 'require')
    return undefined;
  const [argument] = call.arguments;
  return argument?.type === 'StringLiteral' ? argument.value : undefined;
}

function readHandlers(
  path: string,
  program: Node,
  bindings: Map<string, Binding>,
  at: (node: Node) => Location,
  found: CodeFindings,
): void {
  const framework = [...bindings.values()].find((b) => HTTP_HANDLER_MODULES.has(b.module))?.module;
  if (NEXT_ROUTE.test(path) || NEXT_API_PAGE.test(path))
    found.requestHandlers.push({ framework: 'next-route', location: { path, line: 1 } });
  else if (program.directives?.some((d: Node) => d.value.value === 'use server'))
    found.requestHandlers.push({ framework: 'next-server-action', location: { path, line: 1 } });
  else if (framework) {
    const statement = program.body.find(
      (s: Node) => s.type === 'ImportDeclaration' && s.source.value === framework,
    );
    found.requestHandlers.push({ framework, location: at(statement ?? program) });
  }
}

/** Keys read from the environment at this node, with the node to locate them at and whether a fallback follows. */
function envKeysRead(node: Node, parent: Node): Array<[string, Node, boolean]> {
  const key = envMemberKey(node);
  if (key !== undefined) {
    const written = parent?.type === 'AssignmentExpression' && parent.left === node;
    const fallback =
      parent?.type === 'LogicalExpression' && parent.left === node && ['||', '??'].includes(parent.operator);
    return written ? [] : [[key, node, fallback]];
  }
  if (node.type === 'VariableDeclarator' && node.id.type === 'ObjectPattern' && isEnvObject(node.init))
    return node.id.properties
      .filter((p: Node) => p.type === 'ObjectProperty' && !p.computed)
      .map((p: Node) => [p.key.name ?? p.key.value, p, p.value.type === 'AssignmentPattern']);
  return [];
}

/** `env.ts`, `env.server.ts`, `env.mjs`, `src/env/index.ts`: where apps keep their env schema. */
const ENV_SCHEMA_FILE = /(^|\/)(env([.-][\w-]+)*\.[cm]?[jt]sx?|env\/index\.[cm]?[jt]sx?)$/;

/**
 * The keys a typed env schema declares: t3-env's `createEnv({ server, client, shared })`,
 * envalid's `cleanEnv(process.env, { … })`, and a zod `z.object({ … })` in an env schema file.
 */
function schemaKeys(node: Node, path: string): Array<[string, Node]> {
  if (node.type !== 'CallExpression') return [];
  const callee = node.callee.type === 'MemberExpression' ? node.callee.property : node.callee;
  const name = callee?.type === 'Identifier' ? callee.name : undefined;
  const [first, second] = node.arguments;
  const keysOf = (object: Node): Array<[string, Node]> =>
    object?.type === 'ObjectExpression'
      ? object.properties.flatMap((p: Node) => {
          const key = p.type === 'ObjectProperty' && !p.computed ? (p.key.name ?? p.key.value) : undefined;
          return typeof key === 'string' ? [[key, p] as [string, Node]] : [];
        })
      : [];
  if (name === 'createEnv' && first?.type === 'ObjectExpression')
    return ['server', 'client', 'shared'].flatMap((section) =>
      keysOf(
        first.properties.find((p: Node) => p.type === 'ObjectProperty' && p.key.name === section)?.value,
      ),
    );
  if (name === 'cleanEnv') return keysOf(second);
  if (name === 'object' && ENV_SCHEMA_FILE.test(path)) return keysOf(first);
  return [];
}

/** Operators for which an unset variable is just another value: a flag compared, negated, tested. */
const TOLERANT_BINARY = new Set(['===', '!==', '==', '!=']);
const TOLERANT_LOGICAL = new Set(['||', '??', '&&']);

/**
 * A read that works when the variable is unset: compared (`=== "1"`), negated, tested (`if`,
 * `? :`), a fallback or a guard in `||`/`??`/`&&`, wrapped in `Boolean()`, or inside the branch of
 * a test of the same variable (`process.env.X ? parseInt(process.env.X) : undefined`).
 */
function toleratesUnset(node: Node, ancestors: Node[], key: string): boolean {
  const parent = ancestors[ancestors.length - 1];
  if (!parent) return false;
  if (parent.type === 'BinaryExpression' && TOLERANT_BINARY.has(parent.operator)) return true;
  if (parent.type === 'LogicalExpression' && TOLERANT_LOGICAL.has(parent.operator)) return true;
  if (parent.type === 'UnaryExpression' && (parent.operator === '!' || parent.operator === 'typeof'))
    return true;
  if (
    (parent.type === 'ConditionalExpression' ||
      parent.type === 'IfStatement' ||
      parent.type === 'WhileStatement') &&
    parent.test === node
  )
    return true;
  if (
    parent.type === 'CallExpression' &&
    parent.callee.type === 'Identifier' &&
    parent.callee.name === 'Boolean'
  )
    return true;
  const inBranch = ancestors.some((ancestor, i) => {
    const child = ancestors[i + 1] ?? node;
    const guarded =
      ((ancestor.type === 'ConditionalExpression' || ancestor.type === 'IfStatement') &&
        ancestor.test !== child) ||
      (ancestor.type === 'LogicalExpression' && ancestor.operator === '&&' && ancestor.right === child);
    return guarded && readsEnvKey(ancestor.type === 'LogicalExpression' ? ancestor.left : ancestor.test, key);
  });
  return inBranch || guardedBefore(node, ancestors, key) || guardedVariable(parent, ancestors);
}

/** `if (!process.env.X) return;` (or `throw`) earlier in a block that holds the read. */
function guardedBefore(node: Node, ancestors: Node[], key: string): boolean {
  return ancestors.some((ancestor, i) => {
    if (!Array.isArray(ancestor.body)) return false;
    const child = ancestors[i + 1] ?? node;
    const index = ancestor.body.indexOf(child);
    return ancestor.body
      .slice(0, Math.max(0, index))
      .some(
        (statement: Node) =>
          statement.type === 'IfStatement' && exits(statement.consequent) && readsEnvKey(statement.test, key),
      );
  });
}

/**
 * `secret = process.env.X` (or `const secret = …`) in a function that also tests `secret` and
 * returns or throws when it is unset, as webhook handlers do.
 */
function guardedVariable(parent: Node, ancestors: Node[]): boolean {
  const name =
    parent.type === 'VariableDeclarator' && parent.id.type === 'Identifier'
      ? parent.id.name
      : parent.type === 'AssignmentExpression' && parent.left.type === 'Identifier'
        ? parent.left.name
        : undefined;
  const scope = ancestors.findLast(isFunction);
  if (!name || !scope) return false;
  let guarded = false;
  walkSyntaxTree(scope.body, (node) => {
    if (guarded) return;
    if (node.type === 'IfStatement' && exits(node.consequent) && mentions(node.test, name)) guarded = true;
    // `if (name) { … }`, `name ? … : …`: the code runs only when it is set (umami's TRACKER_SCRIPT_NAME).
    if (
      (node.type === 'IfStatement' || node.type === 'ConditionalExpression') &&
      testsPresence(node.test, name)
    )
      guarded = true;
  });
  return guarded;
}

/** `name`, `!name`, `name && …`, `name == null`: a test of whether the variable holds anything. */
function testsPresence(test: Node, name: string): boolean {
  const isName = (node: Node) => node?.type === 'Identifier' && node.name === name;
  if (isName(test)) return true;
  if (test.type === 'UnaryExpression' && test.operator === '!') return testsPresence(test.argument, name);
  if (test.type === 'LogicalExpression')
    return testsPresence(test.left, name) || testsPresence(test.right, name);
  if (test.type === 'BinaryExpression' && ['==', '!=', '===', '!=='].includes(test.operator))
    return (
      (isName(test.left) && NULLISH.has(nullishOf(test.right))) ||
      (isName(test.right) && NULLISH.has(nullishOf(test.left)))
    );
  return false;
}

const NULLISH = new Set(['null', 'undefined', 'empty']);

function nullishOf(node: Node): string {
  if (node?.type === 'NullLiteral') return 'null';
  if (node?.type === 'Identifier' && node.name === 'undefined') return 'undefined';
  if (node?.type === 'StringLiteral' && node.value === '') return 'empty';
  return '';
}

function exits(statement: Node): boolean {
  const last = statement?.type === 'BlockStatement' ? statement.body.at(-1) : statement;
  return last?.type === 'ReturnStatement' || last?.type === 'ThrowStatement';
}

function mentions(expression: Node, name: string): boolean {
  return someNode(expression, (node) => node.type === 'Identifier' && node.name === name);
}

/** Whether an expression reads `process.env.<key>` anywhere in it. */
function readsEnvKey(expression: Node, key: string): boolean {
  return someNode(expression, (node) => envMemberKey(node) === key);
}

function someNode(expression: Node, test: (node: Node) => boolean): boolean {
  let found = false;
  walkSyntaxTree(expression, (node) => {
    found ||= test(node);
  });
  return found;
}

/** The key of `process.env.X`, `process.env["X"]` or `import.meta.env.X`. */
function envMemberKey(node: Node): string | undefined {
  if (
    (node.type !== 'MemberExpression' && node.type !== 'OptionalMemberExpression') ||
    !isEnvObject(node.object)
  )
    return undefined;
  const key = node.computed ? node.property.value : node.property.name;
  return typeof key === 'string' ? key : undefined;
}

/** `process.env` and `import.meta.env`. */
function isEnvObject(node: Node): boolean {
  if (node?.type !== 'MemberExpression' || node.computed || node.property.name !== 'env') return false;
  const object = node.object;
  return (object.type === 'Identifier' && object.name === 'process') || object.type === 'MetaProperty';
}

/**
 * A value that lives as long as the process: a module-scope `const`/`let`, a class field, or
 * `this.x = …` in a constructor (services are usually instantiated once).
 */
function longLivedHolder(
  node: Node,
  ancestors: Node[],
): { name: string; value: Node; moduleScope: boolean } | undefined {
  // The type tests come first: the ancestor scans below are paid only by the few nodes that hold.
  if (node.type === 'VariableDeclarator' && node.id.type === 'Identifier' && node.init)
    return ancestors.some(isFunction)
      ? undefined
      : {
          name: node.id.name,
          value: node.init,
          moduleScope: !ancestors.some((a) => a.type.startsWith('Class')),
        };
  if ((node.type === 'ClassProperty' || node.type === 'ClassPrivateProperty') && node.value)
    return ancestors.some(isFunction)
      ? undefined
      : { name: node.key.name ?? node.key.id?.name ?? 'cache', value: node.value, moduleScope: false };
  if (
    node.type === 'AssignmentExpression' &&
    node.left.type === 'MemberExpression' &&
    node.left.object.type === 'ThisExpression' &&
    !node.left.computed &&
    ancestors.findLast(isFunction) ===
      ancestors.findLast((a) => a.type === 'ClassMethod' && a.kind === 'constructor')
  )
    return { name: node.left.property.name, value: node.right, moduleScope: false };
  return undefined;
}

/** `lru-cache`, `memoizee`… when the value is built by a cache class or a memoizer. */
function cacheKind(value: Node, bindings: Map<string, Binding>): string | undefined {
  const expression = withoutTypes(value);
  if (expression.type !== 'NewExpression' && expression.type !== 'CallExpression') return undefined;
  const callee = expression.callee;
  const binding =
    callee.type === 'Identifier'
      ? bindings.get(callee.name)
      : callee.type === 'MemberExpression' && callee.object.type === 'Identifier' && !callee.computed
        ? namespaceMember(bindings.get(callee.object.name), callee.property.name)
        : undefined;
  if (!binding) return undefined;
  const role = JS_CACHE_EXPORTS[binding.module]?.[binding.name];
  // lru-cache before v7 also built a cache when called without `new`.
  if (role === 'constructor' || (role === 'memoizer' && expression.type === 'CallExpression'))
    return binding.module;
  return undefined;
}

/** `ns.LRUCache` for `import * as ns` or `const ns = require(…)`. */
function namespaceMember(binding: Binding | undefined, member: string): Binding | undefined {
  if (!binding || (binding.name !== '*' && binding.name !== 'default')) return undefined;
  return { module: binding.module, name: member };
}

function isNewMap(value: Node): boolean {
  return (
    value.type === 'NewExpression' &&
    value.callee.type === 'Identifier' &&
    (value.callee.name === 'Map' || value.callee.name === 'WeakMap')
  );
}

/** The name of a map that `name.set(…)` fills from inside a function. */
function mapFilledInFunction(node: Node, ancestors: Node[]): string | undefined {
  if (node.type !== 'CallExpression' || node.callee.type !== 'MemberExpression') return undefined;
  const { object, property } = node.callee;
  if (object.type !== 'Identifier' || property.name !== 'set') return undefined;
  return ancestors.some(isFunction) ? object.name : undefined;
}

const FUNCTION_TYPES = new Set([
  'FunctionDeclaration',
  'FunctionExpression',
  'ArrowFunctionExpression',
  'ObjectMethod',
  'ClassMethod',
  'ClassPrivateMethod',
  'TSDeclareFunction',
  'TSDeclareMethod',
]);

function isFunction(node: Node): boolean {
  return FUNCTION_TYPES.has(node.type);
}

/** `app.get('/healthz', …)`, `router.all('/up')`, `app.route('/health')`, Nest's `@Controller('health')`/`@Get('health')`. */
const ROUTE_METHODS = new Set(['get', 'head', 'all', 'route']);
const NEST_ROUTE_DECORATORS = new Set(['Controller', 'Get', 'Head', 'All']);

function healthRouteOf(node: Node): string | undefined {
  if (node.type !== 'CallExpression') return undefined;
  const { callee } = node;
  const named =
    (callee.type === 'MemberExpression' && !callee.computed && ROUTE_METHODS.has(callee.property?.name)) ||
    (callee.type === 'Identifier' && NEST_ROUTE_DECORATORS.has(callee.name));
  if (!named) return undefined;
  const [first] = node.arguments;
  const literal =
    first?.type === 'StringLiteral'
      ? first.value
      : first?.type === 'TemplateLiteral' && first.expressions.length === 0
        ? first.quasis[0]?.value.cooked
        : undefined;
  return typeof literal === 'string' ? healthPath(literal) : undefined;
}

/** The URL path a Next.js route file answers: `app/api/health/route.ts` → `/api/health`, route groups dropped. */
function nextRoutePath(path: string): string | undefined {
  const app = NEXT_ROUTE.exec(path);
  const folder = app ? (app[2] ?? '') : NEXT_API_PAGE.exec(path)?.[2];
  const segments = folder?.split('/').filter((s) => s && !/^\(.*\)$/.test(s));
  return segments ? `/${segments.join('/')}` : undefined;
}

/** `next.config.js`/`.mjs`/`.ts`, which the code source reads for its `env` alone. */
export const NEXT_CONFIG = /(^|\/)next\.config\.[cm]?[jt]s$/;

/**
 * The keys of a Next.js config's `env` object (`env: { cloudUrl }`): Next.js inlines them into the
 * bundle at build time, so a `process.env.cloudUrl` in the app is declared there.
 */
export function nextConfigEnvKeys(file: SourceFile): {
  keys: Array<{ key: string; location: Location }>;
  diagnostics: CodeFindings['diagnostics'];
} {
  const found = emptyCodeFindings();
  const program = parseProgram(file, found);
  const keys: Array<{ key: string; location: Location }> = [];
  if (!program) return { keys, diagnostics: found.diagnostics };
  walkSyntaxTree(program, (node) => {
    if (
      node.type !== 'ObjectProperty' ||
      propertyName(node) !== 'env' ||
      node.value.type !== 'ObjectExpression'
    )
      return;
    for (const property of node.value.properties) {
      const key = property.type === 'ObjectProperty' ? propertyName(property) : undefined;
      if (key) keys.push({ key, location: { path: file.path, line: property.loc?.start.line ?? 1 } });
    }
  });
  return { keys, diagnostics: found.diagnostics };
}

function propertyName(property: Node): string | undefined {
  if (property.computed) return undefined;
  return property.key.type === 'Identifier'
    ? property.key.name
    : property.key.type === 'StringLiteral'
      ? property.key.value
      : undefined;
}
