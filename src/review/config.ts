import picomatch from 'picomatch';
import { isAlias, isMap, isScalar, isSeq, LineCounter, type Node, type parseDocument, visit } from 'yaml';
import * as z from 'zod/mini';
import {
  $ZodArray,
  $ZodDefault,
  $ZodEnum,
  type $ZodIssue,
  $ZodObject,
  $ZodOptional,
  $ZodRecord,
  type $ZodType,
  $ZodUnion,
  safeParse,
} from 'zod/v4/core';
import type { Diagnostic } from '../model/location.ts';
import { SEVERITIES, TIERS, type Tier } from '../rules/rule.ts';
import type { RuleSetting } from '../rules/run-rules.ts';
import { clampToText, parseYaml, yamlErrors } from '../sources/located-yaml.ts';
import '../zod-messages.ts';

export const DEFAULT_CONFIG_PATH = '.github/headroom.yml';

const severityOrOff = z.enum([...SEVERITIES, 'off']);

const ruleSetting = z.union([
  severityOrOff,
  z.strictObject({
    severity: z.optional(severityOrOff),
    options: z.optional(z.record(z.string(), z.unknown())),
  }),
]);

/** A schema with its description, which goes into the JSON Schema that editors read. */
const described = <T extends z.ZodMiniType>(schema: T, description: string): T =>
  schema.check(z.describe(description));

const serviceCapacity = z.strictObject({
  processes: described(
    z.optional(z.int().check(z.positive())),
    'Worker processes per instance, when the start command does not say.',
  ),
  poolSize: described(z.optional(z.int().check(z.positive())), 'Database connections each process may open.'),
  memoryPerProcessMb: described(
    z.optional(z.number().check(z.positive())),
    'Resident memory of one process, in MB.',
  ),
});

/** The schema of `.github/headroom.yml`; the JSON Schema in schema/ is generated from it. */
export const configSchema = z
  .strictObject({
    tier: described(
      z.optional(z.enum(TIERS)),
      'Target: launch (0–1k users), growth (1k–10k), scale (10k–100k), enterprise (100k+).',
    ),
    expectedUsers: described(
      z.optional(z.int().check(z.nonnegative())),
      'Active users expected; sets the tier when `tier` is absent.',
    ),
    failOn: described(
      z._default(z.enum([...SEVERITIES, 'never']), 'error'),
      'Lowest severity that fails the gate.',
    ),
    gateOn: described(
      z._default(z.enum(['new', 'all']), 'new'),
      'Fail only on findings a pull request introduces, or on all.',
    ),
    rules: described(
      z._default(z.record(z.string(), ruleSetting), {}),
      'Per rule: a severity, `off`, or { severity, options }.',
    ),
    ignore: described(
      z._default(
        z.array(
          z.string().check(
            z.refine(isGlob, {
              message: 'not a glob pattern Headroom can read (picomatch takes at most 64 KB)',
            }),
          ),
        ),
        [],
      ),
      'Glob patterns of files never read.',
    ),
    acknowledgements: z._default(
      z.strictObject({
        forbid: described(
          z._default(z.array(z.string()), []),
          'Rules whose findings a ticked box may not acknowledge.',
        ),
      }),
      { forbid: [] },
    ),
    capacity: z._default(
      z.strictObject({
        memoryPerProcessMb: z.optional(z.number().check(z.positive())),
        services: z._default(z.record(z.string(), serviceCapacity), {}),
      }),
      { services: {} },
    ),
  })
  .check(
    z.refine((config) => !(config.tier && config.expectedUsers !== undefined), {
      message: 'Set either `tier` or `expectedUsers`, not both.',
      path: ['expectedUsers'],
    }),
  );

export type ConfigInput = z.input<typeof configSchema>;
type ParsedConfig = z.output<typeof configSchema>;

export interface HeadroomConfig {
  tier: Tier;
  failOn: ParsedConfig['failOn'];
  gateOn: ParsedConfig['gateOn'];
  rules: Record<string, RuleSetting>;
  ignore: string[];
  forbidAcknowledge: string[];
  capacity: ParsedConfig['capacity'];
}

export const DEFAULT_TIER: Tier = 'growth';

export function defaultConfig(): HeadroomConfig {
  return fromParsed(configSchema.parse({}));
}

/** Users → tier, with the seeds' roadmap thresholds. */
export function tierForUsers(users: number): Tier {
  if (users < 1_000) return 'launch';
  if (users < 10_000) return 'growth';
  if (users < 100_000) return 'scale';
  return 'enterprise';
}

function fromParsed(parsed: ParsedConfig): HeadroomConfig {
  return {
    tier:
      parsed.tier ?? (parsed.expectedUsers !== undefined ? tierForUsers(parsed.expectedUsers) : DEFAULT_TIER),
    failOn: parsed.failOn,
    gateOn: parsed.gateOn,
    rules: Object.fromEntries(
      Object.entries(parsed.rules).map(([id, setting]) => [
        id,
        typeof setting === 'string' ? { severity: setting } : setting,
      ]),
    ),
    ignore: parsed.ignore,
    forbidAcknowledge: parsed.acknowledgements.forbid,
    capacity: parsed.capacity,
  };
}

/**
 * Reads the config file. Never throws: a YAML or schema error becomes a diagnostic at the
 * offending line, the wrong part falls back to its default, and the valid parts still apply.
 * A section left empty (`rules:` with every entry commented out) counts as absent.
 */
export function parseConfig(
  text: string,
  path: string,
  knownRuleIds: readonly string[],
  /** Each rule's options schema, by id: a wrong option is said at its line, like any other key. */
  ruleOptions: ReadonlyMap<string, Schema> = new Map(),
): { config: HeadroomConfig; diagnostics: Diagnostic[] } {
  const lineCounter = new LineCounter();
  const yaml = parseYaml(text, { lineCounter, prettyErrors: false, merge: true });
  if ('tooDeep' in yaml) {
    const line = clampToText(text, lineCounter.linePos(yaml.tooDeep).line);
    const message = `Invalid YAML in ${path}: it is nested deeper than the YAML parser can read.`;
    return {
      config: defaultConfig(),
      diagnostics: [{ severity: 'error', origin: 'config', message, location: { path, line } }],
    };
  }
  const { document } = yaml;
  const diagnostics = yamlErrors(document.errors, text, lineCounter, (reason, line) => ({
    severity: 'error',
    origin: 'config',
    message: `Invalid YAML in ${path}: ${reason}`,
    location: { path, line },
  }));
  if (diagnostics.length > 0) return { config: defaultConfig(), diagnostics };

  const lineOf = (keys: readonly PropertyKey[]) => lineOfPath(document.contents, keys, lineCounter);
  let parsed: unknown;
  try {
    // An alias before its anchor, or aliases that expand without bound, only fail here.
    parsed = document.toJS({ maxAliasCount: MAX_CONFIG_ALIASES });
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    const offset = firstUnresolvedAlias(document) ?? 0;
    const line = clampToText(text, lineCounter.linePos(offset).line);
    return {
      config: defaultConfig(),
      diagnostics: [
        {
          severity: 'error',
          origin: 'config',
          message: `Invalid YAML in ${path}: ${reason}`,
          location: { path, line },
        },
      ],
    };
  }
  let candidate = withoutEmptySections(parsed ?? {}, configSchema);
  // Each pass drops what was wrong and validates again; a handful of passes covers any real file.
  for (let attempt = 0; attempt < 20; attempt++) {
    const result = configSchema.safeParse(candidate);
    const problems = result.success
      ? [
          ...unknownRuleIds(result.data.rules, result.data.acknowledgements.forbid, knownRuleIds),
          ...wrongRuleOptions(result.data.rules, ruleOptions),
        ]
      : result.error.issues.flatMap((issue) => describeIssue(issue, configSchema));
    if (problems.length === 0 && result.success)
      return { config: fromParsed(result.data), diagnostics: inLineOrder(diagnostics) };
    for (const problem of problems) {
      diagnostics.push({
        severity: 'error',
        origin: 'config',
        message: `${path}: ${problem.message}`,
        location: { path, line: lineOf(problem.path) },
      });
    }
    candidate = withoutPaths(
      candidate,
      problems.map((p) => p.path),
    );
  }
  return { config: defaultConfig(), diagnostics: inLineOrder(diagnostics) };
}

/** A config has no reason for more aliases than this; past it, yaml stops an alias bomb. */
export const MAX_CONFIG_ALIASES = 100;

/** Where the first alias that names no earlier anchor is, or `undefined` (the error was another). */
function firstUnresolvedAlias(document: ReturnType<typeof parseDocument>): number | undefined {
  let offset: number | undefined;
  visit(document, {
    Alias(_, node) {
      if (isAlias(node) && node.resolve(document) === undefined) {
        offset = node.range?.[0];
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return offset;
}

/** Successive validation passes find problems out of order; the reader goes top to bottom. */
function inLineOrder(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.sort((a, b) => a.location.line - b.location.line);
}

interface Problem {
  path: PropertyKey[];
  message: string;
}

/**
 * One problem per offending key, worded for someone editing YAML rather than reading zod. The
 * issue's path is within `schema`, which sits at `at` in the file.
 */
function describeIssue(issue: $ZodIssue, schema: Schema, at: readonly PropertyKey[] = []): Problem[] {
  const path = [...at, ...issue.path];
  const where = path.length ? `\`${path.join('.')}\`` : 'the file';
  if (issue.code === 'unrecognized_keys') {
    const allowed = allowedKeys(schemaAt(schema, issue.path));
    return issue.keys.map((key) => ({
      path: [...path, key],
      message: `unknown key \`${key}\` in ${where}${didYouMean(closest(key, allowed))}; allowed: ${allowed.join(', ')}.`,
    }));
  }
  if (issue.code === 'invalid_union') {
    const expected = describeExpected(schemaAt(schema, issue.path));
    return [{ path, message: `${where} must be ${expected}.` }];
  }
  return [{ path, message: `${where}: ${issue.message}` }];
}

/** Options a rule's own schema rejects; a rule with wrong options would otherwise not run at all. */
function wrongRuleOptions(rules: ParsedConfig['rules'], schemas: ReadonlyMap<string, Schema>): Problem[] {
  return Object.entries(rules).flatMap(([id, setting]) => {
    const schema = schemas.get(id);
    if (!schema || typeof setting === 'string' || setting.options === undefined) return [];
    const result = safeParse(schema, setting.options);
    return result.success
      ? []
      : result.error.issues.flatMap((issue) => describeIssue(issue, schema, ['rules', id, 'options']));
  });
}

function unknownRuleIds(
  rules: Record<string, unknown>,
  forbid: readonly string[],
  known: readonly string[],
): Problem[] {
  const problems: Problem[] = [];
  const describe = (id: string) => `unknown rule \`${id}\`${didYouMean(closest(id, known))}.`;
  for (const id of Object.keys(rules))
    if (!known.includes(id)) problems.push({ path: ['rules', id], message: describe(id) });
  forbid.forEach((id, i) => {
    if (!known.includes(id))
      problems.push({ path: ['acknowledgements', 'forbid', i], message: describe(id) });
  });
  return problems;
}

/**
 * Removes the offending parts so the rest of the config can still apply. List items are
 * marked first and filtered after, so removing one does not shift the index of the next.
 */
function withoutPaths(value: unknown, paths: PropertyKey[][]): unknown {
  const copy = structuredClone(value);
  const marked = new Set<unknown[]>();
  for (const path of paths) {
    if (path.length === 0) return {};
    let parent: unknown = copy;
    for (const key of path.slice(0, -1)) parent = (parent as Record<PropertyKey, unknown>)?.[key];
    const last = path.at(-1) as PropertyKey;
    if (Array.isArray(parent) && typeof last === 'number') {
      parent[last] = REMOVED;
      marked.add(parent);
    } else if (parent && typeof parent === 'object') delete (parent as Record<PropertyKey, unknown>)[last];
  }
  for (const list of marked) list.splice(0, list.length, ...list.filter((item) => item !== REMOVED));
  return copy;
}

const REMOVED = Symbol('removed');

type Schema = $ZodType;

/** The part of the schema that validates the value at `path`, through defaults, records and arrays. */
function schemaAt(schema: Schema, path: readonly PropertyKey[]): Schema | undefined {
  let current: Schema | undefined = schema;
  for (const key of path) {
    const node = unwrap(current);
    if (node instanceof $ZodObject) current = node._zod.def.shape[String(key)];
    else if (node instanceof $ZodRecord) current = node._zod.def.valueType;
    else if (node instanceof $ZodArray) current = node._zod.def.element;
    else if (node instanceof $ZodUnion)
      current = node._zod.def.options.map(unwrap).find((o) => o instanceof $ZodObject);
    else return undefined;
  }
  return current;
}

function unwrap(schema: Schema | undefined): Schema | undefined {
  let node = schema;
  while (node instanceof $ZodDefault || node instanceof $ZodOptional) node = node._zod.def.innerType;
  return node;
}

function allowedKeys(schema: Schema | undefined): string[] {
  const node = unwrap(schema);
  if (node instanceof $ZodObject) return Object.keys(node._zod.def.shape);
  if (node instanceof $ZodUnion) return node._zod.def.options.flatMap(allowedKeys);
  return [];
}

/** `one of error, warning, note, off, or a map with \`severity\`, \`options\``. */
function describeExpected(schema: Schema | undefined): string {
  const node = unwrap(schema);
  if (node instanceof $ZodEnum) return `one of ${Object.values(node._zod.def.entries).join(', ')}`;
  if (node instanceof $ZodObject)
    return `a map with ${Object.keys(node._zod.def.shape)
      .map((k) => `\`${k}\``)
      .join(', ')}`;
  if (node instanceof $ZodUnion) return node._zod.def.options.map(describeExpected).join(', or ');
  return 'valid';
}

/** `rules:` with nothing under it is YAML null: read it as the empty section it was meant to be. */
function withoutEmptySections(value: unknown, schema: Schema | undefined): unknown {
  if (!isPlainObject(value)) return value;
  const entries = Object.entries(value).flatMap(([key, child]): Array<[string, unknown]> => {
    const childSchema = schema && schemaAt(schema, [key]);
    const node = unwrap(childSchema);
    const isSection = node instanceof $ZodObject || node instanceof $ZodRecord || node instanceof $ZodArray;
    if (child === null && isSection) return [];
    return [[key, withoutEmptySections(child, childSchema)]];
  });
  return Object.fromEntries(entries);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The line of the deepest YAML node the path reaches (a key when it exists, else its parent). */
function lineOfPath(root: Node | null, keys: readonly PropertyKey[], lineCounter: LineCounter): number {
  let node: Node | null | undefined = root;
  let line = node?.range ? lineCounter.linePos(node.range[0]).line : 1;
  for (const key of keys) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(key));
      if (!pair) break;
      const keyNode = pair.key as Node;
      if (keyNode.range) line = lineCounter.linePos(keyNode.range[0]).line;
      node = pair.value as Node | null;
    } else if (isSeq(node) && typeof key === 'number') {
      node = node.items[key] as Node | undefined;
      if (node?.range) line = lineCounter.linePos(node.range[0]).line;
    } else {
      break;
    }
  }
  return line;
}

function didYouMean(suggestion: string | undefined): string {
  return suggestion ? ` (did you mean \`${suggestion}\`?)` : '';
}

function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(word, candidate);
    if (!best || distance < best.distance) best = { candidate, distance };
  }
  return best && best.distance <= Math.max(2, Math.floor(word.length / 3)) ? best.candidate : undefined;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j] as number;
      row[j] = Math.min(current + 1, (row[j - 1] as number) + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length] as number;
}

/** A pattern picomatch compiles: one it cannot (over 64 KB) would otherwise end the review. */
function isGlob(pattern: string): boolean {
  try {
    picomatch(pattern);
    return true;
  } catch {
    return false;
  }
}
