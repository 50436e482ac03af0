import { HTTP_HANDLER_MODULES, PY_CACHE_CLASSES, PY_CACHE_DECORATORS } from '../../catalog/libraries.ts';
import type { Location } from '../../model/location.ts';
import type { HealthEndpoint } from '../../model/project-model.ts';
import type { SourceFile } from '../source.ts';
import { type CodeFindings, emptyCodeFindings } from './code-findings.ts';
import { healthPath } from './health-paths.ts';
import { type LogicalLine, type PyToken, tokenizePython } from './python-tokens.ts';

/** A module-level dict counts as a cache only under a name that says so. */
const CACHE_NAME = /cache|memo/i;
const DICT_FACTORIES = new Set(['dict', 'collections.OrderedDict', 'collections.defaultdict']);
const SETTINGS_BASES = new Set([
  'pydantic.BaseSettings',
  'pydantic.v1.BaseSettings',
  'pydantic_settings.BaseSettings',
]);
/**
 * Django cache backends every process shares: the database, memcached, Redis (Django's own and
 * django-redis). `locmem` and `dummy` are per process.
 */
const SHARED_CACHE_BACKEND =
  /^(django\.core\.cache\.backends\.(db\.DatabaseCache|memcached\.\w+|redis\.RedisCache)|django_redis\.cache\.RedisCache)$/;
const ENV_MAPPING = 'os.environ';
const ENV_GETTERS = new Set(['os.environ.get', 'os.getenv']);

/**
 * Python, read from its tokens grouped in logical lines (see python-tokens.ts). There is no light,
 * maintained Python parser for JavaScript; tokens and indentation are enough for what is read:
 * env reads (`os.environ[…]`, `os.environ.get`, `os.getenv`, required fields of a pydantic
 * `BaseSettings` class), caches that outlive a request (functools/cachetools decorators on
 * functions that take arguments, cachetools instances and dicts named as caches and filled from a
 * function), and whether the file imports an HTTP framework. Names are resolved through the
 * file's imports, so `from os import environ as env` counts and an unrelated `cache` does not.
 */
export function readPython(file: SourceFile): CodeFindings {
  const found = emptyCodeFindings();
  const { lines, unterminated } = tokenizePython(file.text);
  if (unterminated)
    found.diagnostics.push({
      severity: 'info',
      origin: 'code',
      message: `${file.path} ends inside an unterminated ${unterminated.what}; what follows line ${unterminated.line} may be misread.`,
      location: { path: file.path, line: unterminated.line },
    });
  const at = (token: { line: number }): Location => ({ path: file.path, line: token.line });
  const imports = importsOf(lines);
  const qualify = (tokens: PyToken[], start: number) => qualifiedName(tokens, start, imports);

  for (const line of lines) {
    const module = importedModule(line);
    if (module && [...HTTP_HANDLER_MODULES].some((m) => module === m || module.startsWith(`${m}.`))) {
      found.requestHandlers.push({ framework: module.split('.')[0] as string, location: at(line) });
      break;
    }
  }
  if (found.requestHandlers.length > 0) found.healthEndpoints.push(...healthRoutes(lines, at));

  for (const line of lines)
    for (const token of line.tokens)
      if (token.kind === 'string' && SHARED_CACHE_BACKEND.test(token.value))
        found.sharedCacheBackends.push({ backend: token.value, location: at(token) });

  const dictCandidates = new Map<string, LogicalLine>();
  const filledInFunction = new Set<string>();
  const blocks: Array<{ kind: string; indent: number }> = [];
  // `if "X" in os.environ:` / `if os.getenv("X"):` opens a block that runs only when the
  // environment turns the feature on: the variables it reads are that feature's, not required.
  const guards: Array<{ indent: number; keys: Set<string> }> = [];
  let decorators: Array<{ kind: string; line: LogicalLine }> = [];
  lines.forEach((line, index) => {
    while (blocks.length > 0 && (blocks[blocks.length - 1]?.indent ?? 0) >= line.indent) blocks.pop();
    while (guards.length > 0 && (guards[guards.length - 1]?.indent ?? 0) >= line.indent) guards.pop();
    const inFunction = blocks.some((b) => b.kind === 'def');
    const tokens = line.tokens;
    const test = ['if', 'elif', 'while'].includes(tokens[0]?.value ?? '');
    const reads = envReads(tokens, qualify);
    for (const { key, optional } of reads) {
      const safe = optional || test || guards.length > 0;
      found.envReads.push({ key: key.value, location: at(key), ...(safe ? { optional: true } : {}) });
    }
    if (test) {
      const keys = new Set([...reads.map((read) => read.key.value), ...membershipKeys(tokens, qualify)]);
      if (keys.size > 0) guards.push({ indent: line.indent, keys });
    }

    if (tokens[0]?.value === '@') {
      const kind = qualify(tokens, 1);
      if (kind && isCacheDecorator(kind.name)) decorators.push({ kind: kind.name, line });
      return;
    }
    const definition = definedFunction(tokens);
    if (definition) {
      for (const decorator of decorators)
        if (definition.parameters > 0)
          found.inProcessCaches.push({
            kind: decorator.kind,
            name: definition.name,
            location: at(decorator.line),
          });
      blocks.push({ kind: 'def', indent: line.indent });
    } else if (tokens[0]?.value === 'class') {
      blocks.push({ kind: 'class', indent: line.indent });
      if (classBases(tokens, qualify).some((base) => SETTINGS_BASES.has(base)))
        found.envReads.push(
          ...settingsFields(lines, index).map((f) => ({ key: f.key, location: at(f.token), schema: true })),
        );
    }
    decorators = [];

    const filled = filledName(tokens);
    if (filled && inFunction) filledInFunction.add(filled);
    const assigned = assignment(tokens);
    if (!assigned || inFunction) return;
    const call = assigned.value[0]?.kind === 'name' ? qualify(assigned.value, 0) : undefined;
    const cacheClass = call && assigned.value[call.end]?.value === '(' ? cacheClassOf(call.name) : undefined;
    if (cacheClass)
      found.inProcessCaches.push({ kind: cacheClass, name: assigned.name.value, location: at(line) });
    else if (CACHE_NAME.test(assigned.name.value) && isEmptyDict(assigned.value, call?.name))
      dictCandidates.set(assigned.name.value, line);
  });
  for (const [name, line] of dictCandidates)
    if (filledInFunction.has(name)) found.inProcessCaches.push({ kind: 'dict', name, location: at(line) });
  found.inProcessCaches.sort((a, b) => a.location.line - b.location.line);
  return found;
}

/** Local name → what it stands for: `os`, `functools.lru_cache`, `cachetools.TTLCache`… */
function importsOf(lines: LogicalLine[]): Map<string, string> {
  const imports = new Map<string, string>();
  for (const { tokens } of lines) {
    const values = tokens.map((t) => t.value);
    if (values[0] === 'import') {
      for (const clause of splitTopLevel(tokens.slice(1))) {
        const [dotted, alias] = dottedWithAlias(clause);
        if (dotted)
          imports.set(
            alias ?? (dotted.split('.')[0] as string),
            alias ? dotted : (dotted.split('.')[0] as string),
          );
      }
    } else if (values[0] === 'from') {
      const importAt = values.indexOf('import');
      const module = values.slice(1, importAt).join('');
      if (importAt < 0 || module.startsWith('.')) continue;
      const names = tokens.slice(importAt + 1).filter((t) => t.value !== '(' && t.value !== ')');
      for (const clause of splitTopLevel(names)) {
        const [name, alias] = dottedWithAlias(clause);
        if (name && name !== '*') imports.set(alias ?? name, `${module}.${name}`);
      }
    }
  }
  return imports;
}

function importedModule(line: LogicalLine): string | undefined {
  const values = line.tokens.map((t) => t.value);
  if (values[0] === 'from') return values.slice(1, values.indexOf('import')).join('');
  if (values[0] === 'import') return dottedWithAlias(splitTopLevel(line.tokens.slice(1))[0] ?? [])[0];
  return undefined;
}

function dottedWithAlias(tokens: PyToken[]): [string | undefined, string | undefined] {
  const asAt = tokens.findIndex((t) => t.value === 'as');
  const dotted = (asAt < 0 ? tokens : tokens.slice(0, asAt)).map((t) => t.value).join('');
  return [dotted || undefined, asAt < 0 ? undefined : tokens[asAt + 1]?.value];
}

/** Splits on commas outside brackets. */
function splitTopLevel(tokens: PyToken[]): PyToken[][] {
  const parts: PyToken[][] = [[]];
  let depth = 0;
  for (const token of tokens) {
    if ('([{'.includes(token.value)) depth++;
    if (')]}'.includes(token.value)) depth--;
    if (token.value === ',' && depth === 0) parts.push([]);
    else parts[parts.length - 1]?.push(token);
  }
  return parts.filter((part) => part.length > 0);
}

/** The dotted name starting at `start`, resolved through the imports, and the index after it. */
function qualifiedName(
  tokens: PyToken[],
  start: number,
  imports: Map<string, string>,
): { name: string; end: number } | undefined {
  const first = tokens[start];
  if (first?.kind !== 'name') return undefined;
  const parts = [first.value];
  let end = start + 1;
  while (tokens[end]?.value === '.' && tokens[end + 1]?.kind === 'name') {
    parts.push(tokens[end + 1]?.value as string);
    end += 2;
  }
  // A name the file does not import stands for itself: `os` also arrives through `from settings import *`.
  const resolved = imports.get(parts[0] as string) ?? parts[0];
  return { name: [resolved, ...parts.slice(1)].join('.'), end };
}

type Qualify = (tokens: PyToken[], start: number) => { name: string; end: number } | undefined;

/** The string tokens naming env keys read on this line; `optional` when a default argument follows. */
function envReads(tokens: PyToken[], qualify: Qualify): Array<{ key: PyToken; optional: boolean }> {
  const keys: Array<{ key: PyToken; optional: boolean }> = [];
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]?.kind !== 'name' || tokens[i - 1]?.value === '.') continue;
    const name = qualify(tokens, i);
    if (!name) continue;
    const open = tokens[name.end];
    const key = tokens[name.end + 1];
    if (key?.kind !== 'string' || key.prefix.includes('f') || key.prefix.includes('b')) continue;
    const subscriptRead =
      name.name === ENV_MAPPING &&
      open?.value === '[' &&
      tokens[name.end + 2]?.value === ']' &&
      tokens[name.end + 3]?.value !== '=';
    const getterCall = ENV_GETTERS.has(name.name) && open?.value === '(';
    if (subscriptRead || getterCall)
      keys.push({
        key,
        optional: (getterCall && tokens[name.end + 2]?.value === ',') || inFallback(tokens, i),
      });
  }
  return keys;
}

/**
 * Whether the token at `index` sits in the default argument of an env getter
 * (`os.environ.get("REDIS_TLS_URL", os.environ.get("REDIS_URL"))`): a fallback itself.
 */
function inFallback(tokens: PyToken[], index: number): boolean {
  let depth = 0;
  for (let i = index - 1; i >= 0; i--) {
    const value = tokens[i]?.value;
    if (value === ')' || value === ']') depth++;
    else if (value === '(' || value === '[') {
      if (depth === 0) {
        // The call this argument belongs to: a getter whose first argument is a string, then a comma.
        const name = tokens[i - 1];
        return (
          (name?.value === 'get' || name?.value === 'getenv') &&
          tokens[i + 1]?.kind === 'string' &&
          tokens[i + 2]?.value === ',' &&
          i + 2 < index
        );
      }
      depth--;
    }
  }
  return false;
}

/** The keys a test checks with `"X" in os.environ`. */
function membershipKeys(tokens: PyToken[], qualify: Qualify): string[] {
  const keys: string[] = [];
  tokens.forEach((token, i) => {
    if (token.kind !== 'string' || tokens[i + 1]?.value !== 'in' || tokens[i + 2]?.kind !== 'name') return;
    if (qualify(tokens, i + 2)?.name === ENV_MAPPING) keys.push(token.value);
  });
  return keys;
}

function isCacheDecorator(qualified: string): boolean {
  return Object.entries(PY_CACHE_DECORATORS).some(([module, names]) =>
    [...names].some((name) => qualified === `${module}.${name}`),
  );
}

function cacheClassOf(qualified: string): string | undefined {
  for (const [module, names] of Object.entries(PY_CACHE_CLASSES))
    for (const name of names) if (qualified === `${module}.${name}`) return qualified;
  return undefined;
}

/** `def name(params)` / `async def …`, with the number of parameters other than self/cls/`*`/`/`. */
function definedFunction(tokens: PyToken[]): { name: string; parameters: number } | undefined {
  const defAt = tokens[0]?.value === 'async' ? 1 : 0;
  const name = tokens[defAt + 1];
  if (tokens[defAt]?.value !== 'def' || name?.kind !== 'name' || tokens[defAt + 2]?.value !== '(')
    return undefined;
  const inside: PyToken[] = [];
  let depth = 0;
  for (const token of tokens.slice(defAt + 2)) {
    if ('([{'.includes(token.value)) depth++;
    if (')]}'.includes(token.value)) depth--;
    if (depth === 0) break;
    if (depth > 1 || token.value !== '(' || inside.length > 0) inside.push(token);
  }
  const parameters = splitTopLevel(inside.slice(inside[0]?.value === '(' ? 1 : 0)).filter(
    (p) => !['self', 'cls', '*', '/'].includes(p.map((t) => t.value).join('')),
  );
  return { name: name.value, parameters: parameters.length };
}

function classBases(tokens: PyToken[], qualify: Qualify): string[] {
  if (tokens[2]?.value !== '(') return [];
  const bases: string[] = [];
  for (let i = 3; i < tokens.length; i++) {
    if (tokens[i - 1]?.value !== '(' && tokens[i - 1]?.value !== ',') continue;
    const name = qualify(tokens, i);
    if (name) bases.push(name.name);
  }
  return bases;
}

/**
 * Required fields of a pydantic settings class: each is read from the env var of its name
 * (upper-cased, as pydantic matches case-insensitively) after any `env_prefix`. Fields with a
 * default are left out: the app starts without them.
 */
function settingsFields(lines: LogicalLine[], classAt: number): Array<{ key: string; token: PyToken }> {
  const classIndent = lines[classAt]?.indent ?? 0;
  const body: LogicalLine[] = [];
  for (const line of lines.slice(classAt + 1)) {
    if (line.indent <= classIndent) break;
    body.push(line);
  }
  const bodyIndent = body[0]?.indent;
  const tokens = body.flatMap((l) => l.tokens);
  const prefixAt = tokens.findIndex(
    (t, i) => t.value === 'env_prefix' && ['=', ':'].includes(tokens[i + 1]?.value ?? ''),
  );
  const prefix =
    prefixAt >= 0 && tokens[prefixAt + 2]?.kind === 'string' ? (tokens[prefixAt + 2]?.value ?? '') : '';
  return body
    .filter((line) => line.indent === bodyIndent)
    .flatMap(({ tokens: [name, colon, ...rest] }) =>
      name?.kind === 'name' &&
      colon?.value === ':' &&
      !name.value.startsWith('_') &&
      name.value !== 'model_config' &&
      !rest.some((t) => t.value === '=')
        ? [{ key: `${prefix}${name.value}`.toUpperCase(), token: name }]
        : [],
    );
}

/** `name = …` or `name: annotation = …` as a statement. */
function assignment(tokens: PyToken[]): { name: PyToken; value: PyToken[] } | undefined {
  const name = tokens[0];
  if (name?.kind !== 'name') return undefined;
  let depth = 0;
  for (let i = 1; i < tokens.length; i++) {
    const value = tokens[i]?.value as string;
    if ('([{'.includes(value)) depth++;
    if (')]}'.includes(value)) depth--;
    if (value === '=' && depth === 0)
      return i === 1 || tokens[1]?.value === ':' ? { name, value: tokens.slice(i + 1) } : undefined;
  }
  return undefined;
}

function isEmptyDict(value: PyToken[], call: string | undefined): boolean {
  if (value[0]?.value === '{' && value[1]?.value === '}' && value.length === 2) return true;
  const factory = call ?? (value[0]?.kind === 'name' ? value[0].value : undefined);
  return factory !== undefined && (DICT_FACTORIES.has(factory) || factory === 'dict');
}

/** `name[…] = …`, `name.setdefault(…)`, `name.update(…)`: the dict `name` is written. */
function filledName(tokens: PyToken[]): string | undefined {
  const [name, next, method] = tokens;
  if (name?.kind !== 'name') return undefined;
  if (next?.value === '.' && (method?.value === 'setdefault' || method?.value === 'update'))
    return name.value;
  if (next?.value !== '[') return undefined;
  let depth = 0;
  for (let i = 1; i < tokens.length; i++) {
    const value = tokens[i]?.value as string;
    if ('([{'.includes(value)) depth++;
    if (')]}'.includes(value)) depth--;
    if (depth === 0) return tokens[i + 1]?.value === '=' ? name.value : undefined;
  }
  return undefined;
}

/** Route declarations by name: decorators (`@app.get`, `@bp.route`) and calls (`path`, `add_url_rule`). */
const ROUTE_CALLS = new Set([
  'get',
  'head',
  'route',
  'api_route',
  'path',
  're_path',
  'add_url_rule',
  'add_api_route',
]);

/** `@app.get("/healthz")`, `@bp.route("/health")`, Django's `path("health/", …)`. */
function healthRoutes(lines: LogicalLine[], at: (token: PyToken) => Location): HealthEndpoint[] {
  const found: HealthEndpoint[] = [];
  for (const { tokens } of lines)
    tokens.forEach((token, i) => {
      const literal = tokens[i + 2];
      if (token.kind !== 'name' || !ROUTE_CALLS.has(token.value) || tokens[i + 1]?.value !== '(') return;
      if (literal?.kind !== 'string' || literal.prefix.includes('f')) return;
      const path = healthPath(literal.value);
      if (path) found.push({ path, location: at(literal) });
    });
  return found;
}
