import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDelivery, DELIVERIES } from '../../scripts/build.ts';

describe('dist/action.js', () => {
  it('is the build of the current sources (run `npm run build` and commit dist/)', async () => {
    const out = join(await mkdtemp(join(tmpdir(), 'headroom-dist-')), 'action.js');
    await buildDelivery(DELIVERIES.action, out);
    const fresh = await readFile(out, 'utf8');
    const committed = await readFile(new URL('../../dist/action.js', import.meta.url), 'utf8');
    expect(committed === fresh, 'dist/action.js is stale: run `npm run build`').toBe(true);
  });
});
