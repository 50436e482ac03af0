// libpg-query ships no types for its Emscripten module; Headroom calls it directly
// (see postgres-parser.ts), through the exports typed there.
declare module 'libpg-query/wasm/libpg-query.js' {
  const createModule: () => Promise<unknown>;
  export default createModule;
}
