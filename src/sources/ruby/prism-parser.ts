import { lazyModule } from '../lazy-module.ts';

type ParsePrism = typeof import('@ruby/prism/src/parsePrism.js').parsePrism;
type ParseResult = ReturnType<ParsePrism>;

// Node has the WebAssembly global; TypeScript declares its value only in the DOM library.
declare const WebAssembly: {
  instantiate(
    bytes: Uint8Array,
    imports: object,
  ): Promise<{ instance: { exports: Record<string, unknown> } }>;
};

/** WASI's "function not supported": Prism parses a string in memory and needs no system at all. */
const ENOSYS = 52;

/**
 * Prism, Ruby's own parser (WebAssembly), loaded on first use. It is built for WASI; rather than
 * Node's WASI (experimental on Node 20, with a warning on stderr) it gets stubs, since parsing
 * touches no file, clock or environment.
 */
const prism = lazyModule<(source: string) => ParseResult>('the Ruby parser', async () => {
  const [{ parsePrism }, { prismWasm }] = await Promise.all([
    import('@ruby/prism/src/parsePrism.js'),
    // Its own chunk in the bundle: the inlined binary is parsed only by reviews with Ruby files.
    import('./prism-wasm.ts'),
  ]);
  const bytes = await prismWasm();
  const system = new Proxy(
    {},
    {
      get: (_, name) =>
        name === 'proc_exit'
          ? (code: number) => {
              throw new Error(`the Ruby parser exited (${code})`);
            }
          : () => ENOSYS,
    },
  );
  const { instance } = await WebAssembly.instantiate(bytes, { wasi_snapshot_preview1: system });
  (instance.exports._initialize as () => void)();
  return (source: string) => parsePrism(instance.exports, source);
});

export const loadRubyParser = prism.load;
export const parseRuby = (source: string): ParseResult => prism.get()(source);
