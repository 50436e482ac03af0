import * as z from 'zod/mini';
import { allRules } from '../../rules/index.ts';
import { configSchema } from './config.ts';

const SCHEMA_ID = 'https://github.com/headroom-dev/headroom/blob/main/schema/headroom.schema.json';

/**
 * The JSON Schema editors use for `.github/headroom.yml`, generated from the zod schema.
 * Rule ids are listed so an editor completes them and flags a typo, as the review does;
 * adding a rule therefore means regenerating it (`npm run schema`).
 */
export function configJsonSchema(ruleIds: readonly string[] = allRules.map((rule) => rule.meta.id)): string {
  const schema = z.toJSONSchema(configSchema, { io: 'input', unrepresentable: 'any' }) as JsonSchemaNode;
  const ids = { type: 'string', enum: [...ruleIds].sort() };
  const properties = schema.properties ?? {};
  if (properties.rules) properties.rules.propertyNames = ids;
  const forbid = properties.acknowledgements?.properties?.forbid;
  if (forbid) forbid.items = ids;
  return `${JSON.stringify({ ...schema, $id: SCHEMA_ID, title: 'Headroom configuration' }, null, 2)}\n`;
}

interface JsonSchemaNode {
  properties?: Record<string, JsonSchemaNode>;
  propertyNames?: unknown;
  items?: unknown;
  [keyword: string]: unknown;
}
