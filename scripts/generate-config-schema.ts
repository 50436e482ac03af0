// Writes schema/headroom.schema.json from the same zod schema that validates .github/headroom.yml.
import { writeFile } from 'node:fs/promises';
import { configJsonSchema } from '../src/review/config-json-schema.ts';

await writeFile(new URL('../schema/headroom.schema.json', import.meta.url), configJsonSchema());
console.log('wrote schema/headroom.schema.json');
