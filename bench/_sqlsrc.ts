import { LocalFileSet } from '../src/files/local-file-set.ts';
import { sqlSource } from '../src/sources/sql/index.ts';
const set = new LocalFileSet('/work/repos-big/trigger.dev/internal-packages/database');
const entries = (await set.list()).filter((e) => sqlSource.matches(e.path));
const contents = await set.read(entries.map((e) => e.path));
const files = [...contents.values()].flatMap((c) => (c.kind === 'text' ? [{ path: c.path, text: c.text }] : []));
for (let i = 0; i < 3; i++) {
  const t = performance.now();
  const out = await sqlSource.read(files);
  console.log('read ms', (performance.now() - t).toFixed(1), out.migrations?.length);
}
