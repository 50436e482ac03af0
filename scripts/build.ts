// Builds every delivery as one plain-JavaScript file with its dependencies inside:
// dist/cli.js (the package's `bin`), dist/app.js (`npm start`, the Dockerfile) and dist/action.js
// (committed, as `runs.using: node24` requires). The CLI's entry keeps its `#!` line, which esbuild
// puts first. Users' Node never strips types or resolves
// hundreds of modules, and the package installs with no dependencies at all.
import { readFile, rm, writeFile } from 'node:fs/promises';
import { builtinModules, createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { build, type OnResolveArgs, type Plugin } from 'esbuild';

const require = createRequire(import.meta.url);
const root = new URL('../', import.meta.url);

/**
 * The WebAssembly binaries the bundle loads, copied beside its chunks: read and compiled as bytes,
 * a binary costs less than the same bytes inlined as base64, which every run would decode (and
 * scan as a 2 MB string literal) before compiling. libpg-query's Emscripten glue finds its binary
 * beside itself, through the `__dirname` the banner defines for the chunk that holds it.
 */
const WASM_FILES = {
  'libpg-query.wasm': 'libpg-query/wasm/libpg-query.wasm',
  'prism.wasm': '@ruby/prism/src/prism.wasm',
};

/** The bytes of a binary beside the chunk that reads it, as bundled code. */
const wasmBeside = (name: keyof typeof WASM_FILES) =>
  `require('node:fs').readFileSync(new URL(${JSON.stringify(`./${name}`)}, import.meta.url))`;

/** Prism's binary, read from node_modules in a checkout and from beside the chunks in the bundle. */
const bundledRubyParser: Plugin = {
  name: 'bundled-prism-wasm',
  setup(context) {
    context.onLoad({ filter: /sources[\\/]ruby[\\/]prism-wasm\.ts$/ }, async () => ({
      contents: `export async function prismWasm() { return ${wasmBeside('prism.wasm')}; }`,
      loader: 'js',
    }));
  },
};

/**
 * @actions/core's index imports its OIDC client (@actions/http-client, then undici) and its
 * platform helpers (@actions/exec) for functions Headroom never calls; loading them took more
 * than a third of the Action's start. Its job summary goes the same way: it reads
 * node:fs/promises on import, which loads readline, and the Action writes the summary itself
 * (src/delivery/action/step-files.ts). Marked free of side effects, esbuild drops them with the
 * unused exports that reach them.
 */
const unusedActionsHelpers: Plugin = {
  name: 'actions-helpers-side-effect-free',
  setup(context) {
    const sideEffectFree = async (args: OnResolveArgs) => {
      if (args.pluginData?.skip) return undefined;
      const resolved = await context.resolve(args.path, {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: { skip: true },
      });
      return { ...resolved, sideEffects: false };
    };
    context.onResolve({ filter: /^(@actions\/(http-client|exec|io)|undici|tunnel)(\/|$)/ }, sideEffectFree);
    context.onResolve({ filter: /^\.\/summary\.js$/ }, (args) =>
      /[\\/]@actions[\\/]core[\\/]/.test(args.importer) ? sideEffectFree(args) : undefined,
    );
  },
};

const NODE_BUILTINS = new Set(builtinModules);

/**
 * Node's modules as CommonJS objects (`process.getBuiltinModule`, Node ≥ 20.16) rather than ES
 * imports: importing `node:fs` as ESM builds its ES facade, which reads every export and so loads
 * the streams behind `fs.ReadStream`, and crypto's and child_process's likewise, on every start.
 * A module that is a plain object is loaded on first use of one of its properties, so importing
 * node:crypto or node:child_process costs nothing until a review hashes or runs git.
 */
const builtinsAsObjects: Plugin = {
  name: 'builtins-as-objects',
  setup(context) {
    // Dependencies' imports too, by either name: @actions/core's `import * as fs from "fs"` built
    // the facades on every start of the Action (~30 ms more than the CLI).
    context.onResolve({ filter: /^(node:)?[a-z_/]+$/ }, (args) => {
      const name = args.path.replace(/^node:/, '');
      return NODE_BUILTINS.has(name) ? { path: `node:${name}`, namespace: 'node-builtin' } : undefined;
    });
    context.onLoad({ filter: /.*/, namespace: 'node-builtin' }, (args) => ({
      contents: builtinModuleCode(args.path),
      loader: 'js',
    }));
  },
};

/**
 * The bundled module for one of Node's: for a plain object, an object of the same property names
 * (as this Node has them) that loads the module when one is first read or written. A module that is
 * itself a function (events, stream, assert) or an emitter (process, cluster) is loaded as it is:
 * its methods need their own `this`.
 */
function builtinModuleCode(name: string): string {
  const load = `process.getBuiltinModule(${JSON.stringify(name)})`;
  const module = process.getBuiltinModule(name) as object;
  if (typeof module !== 'object' || Object.getPrototypeOf(module) !== Object.prototype)
    return `module.exports = ${load};`;
  return [
    'let loaded;',
    `const load = () => (loaded ??= ${load});`,
    `module.exports = Object.defineProperties({}, Object.fromEntries(${JSON.stringify(Object.getOwnPropertyNames(module))}.map((key) => [key, {`,
    '  get: () => load()[key],',
    '  set: (value) => { load()[key] = value; },',
    '  enumerable: true,',
    '  configurable: true,',
    '}])));',
  ].join('\n');
}

/**
 * yaml's ES build (its `browser/` entry) instead of its CommonJS one for Node: the same code as
 * ES modules, which esbuild can tree-shake and which starts without some sixty CommonJS wrappers
 * (~5 ms of each start). The one difference is where yaml's own warnings go: console.warn, not
 * process.emitWarning, both on stderr.
 */
const yamlAsEsModules: Plugin = {
  name: 'yaml-as-es-modules',
  setup(context) {
    // Not in yaml's `exports` for Node, so found from its package folder.
    const entry = join(dirname(require.resolve('yaml/package.json')), 'browser', 'index.js');
    context.onResolve({ filter: /^yaml$/ }, () => ({ path: entry }));
  },
};

export interface Delivery {
  entry: string;
  outfile: string;
  /** The oldest Node the file must run on: the CLI and App run on users' Node, the Action on node24. */
  target: string;
  /**
   * Put what the entry imports dynamically in chunks beside it (`dist/cli-chunks/`): the entry sets
   * V8's flags and turns on Node's compile cache before the review's code is compiled, and the
   * parsers only a review with files for them loads stay out of the main chunk.
   */
  split?: boolean;
  /** Other entries built with it, sharing its chunks: name of the file beside it → source. */
  companions?: Record<string, string>;
}

export const DELIVERIES: Record<'cli' | 'app' | 'action', Delivery> = {
  cli: { entry: 'src/delivery/cli/bin.ts', outfile: 'dist/cli.js', target: 'node20', split: true },
  // The App's web process, its workers (`npm run worker`) and the review threads both start.
  app: {
    entry: 'src/delivery/app/main.ts',
    outfile: 'dist/app.js',
    target: 'node20',
    split: true,
    companions: { worker: 'src/delivery/app/worker-main.ts', 'app-thread': 'src/delivery/app/job-thread.ts' },
  },
  action: { entry: 'src/delivery/action/entry.ts', outfile: 'dist/action.js', target: 'node24', split: true },
};

/** Where a split delivery's chunks go: `dist/cli.js` → `dist/cli-chunks/`. */
export function chunksDirectory(outfile: string): string {
  return `${basename(outfile, '.js')}-chunks`;
}

export async function buildDelivery(delivery: Delivery, outfile = delivery.outfile): Promise<void> {
  const out = new URL(outfile, root).pathname;
  // Chunk names carry a content hash: last build's chunks would otherwise stay beside the new ones.
  if (delivery.split) await rm(join(dirname(out), chunksDirectory(out)), { recursive: true, force: true });
  const source = (path: string) => new URL(path, root).pathname;
  const companions = Object.entries(delivery.companions ?? {}).map(([name, path]) => [name, source(path)]);
  await build({
    entryPoints: { [basename(out, '.js')]: source(delivery.entry), ...Object.fromEntries(companions) },
    ...(delivery.split
      ? {
          splitting: true,
          outdir: dirname(out),
          entryNames: '[name]',
          chunkNames: `${chunksDirectory(out)}/[name]-[hash]`,
        }
      : { outfile: out }),
    bundle: true,
    platform: 'node',
    target: delivery.target,
    format: 'esm',
    // A package's ES build where it ships one beside its CommonJS `main`.
    mainFields: ['module', 'main'],
    minify: false,
    sourcemap: false,
    legalComments: 'none',
    logLevel: 'warning',
    // CommonJS dependencies (and Emscripten's glue) expect require, __filename and __dirname.
    banner: {
      js: [
        "import { createRequire as __headroomRequire } from 'node:module';",
        "import { dirname as __headroomDirname } from 'node:path';",
        "import { fileURLToPath as __headroomFilePath } from 'node:url';",
        'const require = __headroomRequire(import.meta.url);',
        'const __filename = __headroomFilePath(import.meta.url);',
        'const __dirname = __headroomDirname(__filename);',
      ].join('\n'),
    },
    plugins: [builtinsAsObjects, yamlAsEsModules, bundledRubyParser, unusedActionsHelpers],
  });
  // Every delivery is split, so the code that reads a binary sits in the chunks folder.
  const chunks = join(dirname(out), delivery.split ? chunksDirectory(out) : '');
  for (const [name, module] of Object.entries(WASM_FILES))
    await writeFile(join(chunks, name), await readFile(require.resolve(module)));
}

if (import.meta.main) {
  const names = process.argv.slice(2) as Array<keyof typeof DELIVERIES>;
  for (const name of names.length ? names : (Object.keys(DELIVERIES) as Array<keyof typeof DELIVERIES>)) {
    const delivery = DELIVERIES[name];
    if (!delivery) throw new Error(`unknown delivery ${name}: one of ${Object.keys(DELIVERIES).join(', ')}`);
    await buildDelivery(delivery);
    console.log(`wrote ${delivery.outfile}`);
  }
}
