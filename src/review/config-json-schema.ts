import { z } from 'zod';
import { configSchema } from './config.ts';

/** The JSON Schema editors use for `.github/headroom.yml`, generated from the zod schema. */
export function configJsonSchema(): string {
  const schema = z.toJSONSchema(configSchema, { io: 'input', unrepresentable: 'any' });
  return `${JSON.stringify({ ...schema, $id: 'https://github.com/headroom-dev/headroom/blob/main/schema/headroom.schema.json', title: 'Headroom configuration' }, null, 2)}\n`;
}
