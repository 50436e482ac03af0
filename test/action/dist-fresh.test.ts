import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDelivery, chunksDirectory, DELIVERIES } from '../../scripts/build.ts';
import { temporaryDirectory } from '../temporary-directory.ts';

/** The Action's files, by path relative to their folder, with their text. */
async function actionFiles(dir: string): Promise<Record<string, string>> {
  const chunks = chunksDirectory('action.js');
  const paths = ['action.js', ...(await readdir(join(dir, chunks))).map((name) => `${chunks}/${name}`)];
  return Object.fromEntries(
    await Promise.all(paths.map(async (path) => [path, await readFile(join(dir, path), 'utf8')])),
  );
}

describe('dist/action.js and its chunks', () => {
  it('are the build of the current sources (run `npm run build` and commit dist/)', async () => {
    const out = await temporaryDirectory('headroom-dist-');
    await buildDelivery(DELIVERIES.action, join(out, 'action.js'));
    const fresh = await actionFiles(out);
    const committed = await actionFiles(new URL('../../dist/', import.meta.url).pathname);
    expect(Object.keys(committed), 'dist/ holds other files than a build: run `npm run build`').toEqual(
      Object.keys(fresh),
    );
    const stale = Object.keys(fresh).filter((path) => fresh[path] !== committed[path]);
    expect(stale, 'dist/ is stale: run `npm run build`').toEqual([]);
  });
});
