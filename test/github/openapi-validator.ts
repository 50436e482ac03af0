import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv, type ValidateFunction } from 'ajv';

/**
 * Checks requests against GitHub's own OpenAPI description (@octokit/openapi): the operation
 * exists, the query parameters are declared and valid, and the JSON body validates against the
 * operation's requestBody schema. GraphQL is not described there and is checked apart.
 */

interface Schema {
  [key: string]: unknown;
}

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  schema?: Schema;
  $ref?: string;
}

interface Operation {
  operationId: string;
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: Schema }> };
}

interface Spec {
  paths: Record<string, Record<string, Operation>>;
  components: { parameters: Record<string, Parameter> };
}

export interface RequestToCheck {
  method: string;
  /** Path with query string, as sent: `/repos/o/r/git/trees/abc?recursive=1`. */
  path: string;
  body?: unknown;
}

const SPEC_ID = 'https://api.github.com/openapi';
const require = createRequire(import.meta.url);
const spec = JSON.parse(
  readFileSync(require.resolve('@octokit/openapi/generated/api.github.com.json'), 'utf8'),
) as Spec;

const bodies = new Ajv({ strict: false, allErrors: true, validateFormats: false, validateSchema: false });
bodies.addSchema({ $id: SPEC_ID, components: (spec as unknown as { components: unknown }).components });
const queries = new Ajv({ strict: false, coerceTypes: true, validateFormats: false, validateSchema: false });

const templates = Object.keys(spec.paths).map((template) => ({
  template,
  pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
  literalLength: template.replace(/\{[^}]+\}/g, '').length,
}));
const compiled = new Map<string, ValidateFunction>();

/** The operation id a request is for (`checks/update`), if GitHub describes one. */
export function operationOf(request: RequestToCheck): string | undefined {
  return findOperation(request.method, new URL(request.path, 'https://api.github.com').pathname)?.operation
    .operationId;
}

/** Every way the request departs from GitHub's description; empty when it conforms. */
export function openApiErrors(request: RequestToCheck): string[] {
  const url = new URL(request.path, 'https://api.github.com');
  const found = findOperation(request.method, url.pathname);
  if (!found) return [`${request.method} ${url.pathname} is not in GitHub's REST API description`];
  const { template, operation } = found;

  const where = `${request.method} ${template} (${operation.operationId})`;
  const errors: string[] = [];
  const parameters = (operation.parameters ?? []).map(resolveParameter);
  for (const [name, value] of url.searchParams) {
    const declared = parameters.find((parameter) => parameter.in === 'query' && parameter.name === name);
    if (!declared) errors.push(`${where}: undeclared query parameter ${name}`);
    else if (declared.schema && !queries.validate(declared.schema, value)) {
      errors.push(`${where}: query ${name}=${value} ${queries.errorsText(queries.errors)}`);
    }
  }

  const schema = operation.requestBody?.content?.['application/json']?.schema;
  if (request.body === undefined || request.body === '') {
    if (operation.requestBody?.required) errors.push(`${where}: the body is required`);
    return errors;
  }
  if (!schema) return [...errors, `${where}: takes no JSON body`];
  const validate = compiledFor(operation.operationId, schema);
  if (!validate(request.body)) {
    errors.push(`${where}: body ${bodies.errorsText(validate.errors, { dataVar: 'body' })}`);
  }
  return errors;
}

/** The most literal path template that matches wins: `/repos/{owner}/{repo}/check-runs` over a generic one. */
function findOperation(
  method: string,
  pathname: string,
): { template: string; operation: Operation } | undefined {
  const candidates = templates.filter((candidate) => candidate.pattern.test(pathname));
  candidates.sort((a, b) => b.literalLength - a.literalLength);
  for (const { template } of candidates) {
    const operation = spec.paths[template]?.[method.toLowerCase()];
    if (operation) return { template, operation };
  }
  return undefined;
}

function compiledFor(operationId: string, schema: Schema): ValidateFunction {
  let validate = compiled.get(operationId);
  if (!validate) {
    validate = bodies.compile(pointRefsAtSpec(schema) as Schema);
    compiled.set(operationId, validate);
  }
  return validate;
}

/** Inline request schemas refer to `#/components/...` of the whole document: point them at it. */
function pointRefsAtSpec(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(pointRefsAtSpec);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [
      key,
      key === '$ref' && typeof inner === 'string' && inner.startsWith('#/')
        ? `${SPEC_ID}${inner}`
        : pointRefsAtSpec(inner),
    ]),
  );
}

function resolveParameter(parameter: Parameter): Parameter {
  if (!parameter.$ref) return parameter;
  const name = parameter.$ref.replace('#/components/parameters/', '');
  const resolved = spec.components.parameters[name];
  if (!resolved) throw new Error(`Unresolvable parameter ${parameter.$ref}`);
  return resolved;
}
