// Hostile repositories for property-based tests: real files of every kind Headroom reads,
// damaged the way a careless or malicious pull request damages them, with secrets planted.
// `test/fuzz/fuzz.test.ts` runs a few hundred cases in `npm test`; `npm run fuzz` thousands.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { MemoryFileSet } from '../../src/files/memory-file-set.ts';
import { renderJson } from '../../src/reporters/json.ts';
import { renderMarkdown } from '../../src/reporters/markdown.ts';
import { renderSarif } from '../../src/reporters/sarif.ts';
import { renderText } from '../../src/reporters/text.ts';
import { review } from '../../src/review/run-review.ts';

const root = new URL('../../', import.meta.url).pathname;

/** One real file of each kind, at the path a repository would hold it. */
const SEEDS: Array<[path: string, source: string]> = [
  ['render.yaml', 'test/fixtures/render/mastodon/render.yaml'],
  ['prisma/schema.prisma', 'test/fixtures/real/documenso/schema.prisma'],
  ['prisma.config.ts', 'test/fixtures/prisma/rallly/prisma.config.ts'],
  [
    'supabase/migrations/20240214102356_init.sql',
    'test/fixtures/real/supabase-slack-clone/supabase/migrations/20240214102356_init.sql',
  ],
  [
    'prisma/migrations/01_init/migration.sql',
    'test/fixtures/sql/umami/prisma/migrations/01_init/migration.sql',
  ],
  [
    'db/migrations/0000_init.sql',
    'test/fixtures/sql/drizzle-reader/db/migrations/0000_clumsy_mister_fear.sql',
  ],
  ['db/migrations/meta/_journal.json', 'test/fixtures/sql/drizzle-reader/db/migrations/meta/_journal.json'],
  ['.env', 'examples/discord-bot-render/.env'],
  ['.env.example', 'examples/fastapi-render/.env.example'],
  ['package.json', 'examples/nextjs-prisma-supabase/package.json'],
  ['requirements.txt', 'examples/fastapi-render/requirements.txt'],
  ['pyproject.toml', 'test/fixtures/manifests/full-stack-fastapi-template/pyproject.toml'],
  ['fly.toml', 'test/fixtures/fly/epic-stack.fly.toml'],
  ['railway.json', 'test/fixtures/railway/bella-bot.railway.json'],
  ['railway.toml', 'test/fixtures/railway/bella-bot.railway.toml'],
  ['vercel.json', 'test/fixtures/vercel/cal-com.vercel.json'],
  ['netlify.toml', 'test/fixtures/netlify/netlify-x-neon.netlify.toml'],
  ['Procfile', 'test/fixtures/heroku/python-getting-started.Procfile'],
  ['app.json', 'test/fixtures/heroku/python-getting-started.app.json'],
  ['docker-compose.yml', 'test/fixtures/docker-compose/pokedex.docker-compose.yml'],
  ['src/app/api/posts/route.ts', 'examples/nextjs-prisma-supabase/src/app/api/posts/route.ts'],
  ['src/cache.js', 'test/fixtures/code/real/survarium-cache.js'],
  ['app/settings.py', 'test/fixtures/code/real/fastapi_settings.py'],
  ['.github/headroom.yml', ''],
].map(([path, source]) => [
  path as string,
  source ? readFileSync(`${root}${source}`, 'utf8') : 'tier: scale\nfailOn: warning\nignore: ["docs/**"]\n',
]);

/** A password no masking heuristic could take for anything else, so any sight of it is a leak. */
export const CANARY = 'Cnry7Qx93LkP0w';

/** Where secrets hide: connection URLs of every dialect, key=value strings, start commands. */
const PLANTED = [
  `postgres://app:${CANARY}@db.internal.example.com:5432/app`,
  `DATABASE_URL=postgresql://app:${CANARY}@db.example.com/app?sslmode=require`,
  `redis://default:${CANARY}@cache.example.com:6379`,
  `mysql://root:${CANARY}@mysql.example.com/shop`,
  `host=db.example.com user=app password=${CANARY} dbname=app`,
  `web: DATABASE_URL=postgres://u:${CANARY}@h.example.com/d gunicorn app:app`,
  `    startCommand: node server.js --db mongodb+srv://u:${CANARY}@cluster0.example.net/x`,
];

const JUNK = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '\u0000',
    '\uFEFF',
    '\r',
    '\r\n',
    '\uD800',
    '\u0001',
    '"',
    "'",
    '`',
    '{',
    '[',
    '*a',
    '&a',
    '${',
    '{{',
    '<<',
    '---',
    '\t',
  ),
  fc.integer({ min: 1, max: 3000 }).map((n) => '['.repeat(n)),
  fc.integer({ min: 1, max: 3000 }).map((n) => '{'.repeat(n)),
);

/**
 * A secret planted on a line of its own. Plants go in after the damage, so that what is planted
 * is still a secret (an overwrite that ate `postgres://app:` would leave a bare word).
 */
/** Where in a text, as a fraction of its length. */
const POSITION = fc.double({ min: 0, max: 1, noNaN: true });

const plant = fc.record({
  kind: fc.constant('plant' as const),
  at: POSITION,
  text: fc.constantFrom(...PLANTED),
});

/** One damage done to a text: cut it, overwrite, insert junk, repeat a slice, change line ends. */
const damage = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: POSITION }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: POSITION,
    text: JUNK,
  }),
  fc.record({
    kind: fc.constant('overwrite' as const),
    at: POSITION,
    text: JUNK,
  }),
  fc.record({
    kind: fc.constant('repeat' as const),
    at: POSITION,
    length: fc.integer({ min: 1, max: 200 }),
    times: fc.integer({ min: 2, max: 2000 }),
  }),
  fc.record({ kind: fc.constant('line-endings' as const), to: fc.constantFrom('\r\n', '\r') }),
);

type Damage =
  | (typeof damage extends fc.Arbitrary<infer T> ? T : never)
  | (typeof plant extends fc.Arbitrary<infer P> ? P : never);

function apply(text: string, hurt: Damage): string {
  if (hurt.kind === 'line-endings') return text.replace(/\n/g, hurt.to);
  const at = Math.floor(hurt.at * text.length);
  switch (hurt.kind) {
    case 'truncate':
      return text.slice(0, at);
    case 'insert':
    case 'plant':
      return `${text.slice(0, at)}${hurt.kind === 'plant' ? `\n${hurt.text}\n` : hurt.text}${text.slice(at)}`;
    case 'overwrite':
      return `${text.slice(0, at)}${hurt.text}${text.slice(at + hurt.text.length)}`;
    case 'repeat':
      return `${text.slice(0, at)}${text.slice(at, at + hurt.length).repeat(hurt.times)}${text.slice(at)}`;
  }
}

/** A repository: some of the seed files, each damaged a few times, a secret planted in some. */
export const hostileRepository = fc
  .array(
    fc.record({
      seed: fc.integer({ min: 0, max: SEEDS.length - 1 }),
      damages: fc.array(damage, { maxLength: 4 }),
      plants: fc.array(plant, { maxLength: 2 }),
      folder: fc.constantFrom('', 'apps/api/', 'services/worker/'),
    }),
    { minLength: 1, maxLength: 6 },
  )
  .map((files) =>
    Object.fromEntries(
      files.map(({ seed, damages, plants, folder }) => {
        const [path, text] = SEEDS[seed] as [string, string];
        const where = path.startsWith('.github/') ? path : `${folder}${path}`;
        return [where, [...damages, ...plants].reduce(apply, text)];
      }),
    ),
  );

/** Past this, one case counts as a hang (the issue's bar: five seconds for a file). */
export const HANG_MS = 5_000;

/**
 * Everything wrong with Headroom's review of `files`: a throw, a reader that failed (a reader
 * must turn bad input into diagnostics), output that is not JSON or SARIF, a planted secret in
 * any format, a review slower than the hang bar. An empty list is a pass.
 */
export async function problemsWith(files: Record<string, string>): Promise<string[]> {
  const started = performance.now();
  let result: Awaited<ReturnType<typeof review>>;
  try {
    result = await review(new MemoryFileSet(files));
  } catch (error) {
    return [`crash: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`];
  }
  const problems: string[] = [];
  const ms = performance.now() - started;
  if (ms > HANG_MS) problems.push(`hang: the review took ${Math.round(ms)} ms`);
  for (const d of result.diagnostics)
    if (/reader failed/.test(d.message)) problems.push(`crash caught: ${d.location.path}: ${d.message}`);
  const outputs: Record<string, string> = {};
  try {
    outputs.text = renderText(result, { color: false });
    outputs.markdown = renderMarkdown(result, { context: 'comment', interactive: true });
    outputs.json = renderJson(result);
    outputs.sarif = renderSarif(result);
  } catch (error) {
    problems.push(`crash in a reporter: ${error instanceof Error ? error.message : String(error)}`);
  }
  for (const format of ['json', 'sarif'] as const) {
    try {
      if (outputs[format] !== undefined) JSON.parse(outputs[format]);
    } catch {
      problems.push(`invalid ${format}`);
    }
  }
  for (const [format, output] of Object.entries(outputs))
    if (output.includes(CANARY)) problems.push(`leak in ${format}`);
  return problems;
}
