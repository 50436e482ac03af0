import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
const t0 = performance.now();
const m = await import('libpg-query');
const t1 = performance.now();
await m.loadModule();
const t2 = performance.now();
const dir = '/work/repos-big/trigger.dev/internal-packages/database/prisma/migrations';
const texts = readdirSync(dir).filter((d) => !d.endsWith('.toml')).map((d) => readFileSync(join(dir, d, 'migration.sql'), 'utf8'));
const t3 = performance.now();
let n = 0, bytes = 0;
for (const t of texts) { const r = m.parseSync(t); n += r.stmts?.length ?? 0; bytes += t.length; }
const t4 = performance.now();
console.log({ import: t1 - t0, load: t2 - t1, read: t3 - t2, parse: t4 - t3, stmts: n, files: texts.length, kb: bytes / 1024 });
