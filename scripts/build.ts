// Bundles the Action into one committed file, dist/action.js, as `runs.using: node24` requires.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { build, type Plugin } from 'esbuild';

const require = createRequire(import.meta.url);

/**
 * libpg-query's Emscripten glue loads `libpg-query.wasm` from beside itself at run time, and its
 * minimal build ignores `wasmBinary`. It does honour `instantiateWasm`: the bundle hands it the
 * inlined binary, so dist/action.js stays one self-contained file.
 */
const inlinePostgresParser: Plugin = {
  name: 'inline-libpg-query-wasm',
  setup(context) {
    context.onLoad({ filter: /libpg-query[\\/]wasm[\\/]index\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const wasm = await readFile(require.resolve('libpg-query/wasm/libpg-query.wasm'));
      const call = 'PgQueryModule()';
      if (!source.includes(call)) throw new Error(`libpg-query changed: ${call} not found in ${args.path}`);
      const instantiate = `instantiateWasm(imports, receive) {
        WebAssembly.instantiate(Buffer.from(${JSON.stringify(wasm.toString('base64'))}, 'base64'), imports).then((result) => receive(result.instance));
        return {};
      }`;
      return { contents: source.replace(call, `PgQueryModule({ ${instantiate} })`), loader: 'js' };
    });
  },
};

export async function buildAction(outfile: string): Promise<void> {
  await build({
    entryPoints: [new URL('../src/delivery/action/main.ts', import.meta.url).pathname],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node24',
    format: 'esm',
    // libpg-query's `main` is CommonJS; its ESM `module` build is the one the wasm plugin rewrites.
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
    plugins: [inlinePostgresParser],
  });
}

if (import.meta.main) {
  await buildAction(new URL('../dist/action.js', import.meta.url).pathname);
  console.log('wrote dist/action.js');
}
