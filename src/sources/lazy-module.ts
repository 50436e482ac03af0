/**
 * A dependency loaded on first need: `load()` before a read that needs it, then `get()` inside
 * the synchronous parsing code. Large parsers (PostgreSQL's WebAssembly, Babel) cost their load
 * only in reviews that have files for them.
 */
export interface LazyModule<M> {
  load(): Promise<void>;
  get(): M;
}

export function lazyModule<M>(
  name: string,
  importer: () => Promise<M>,
  init?: (module: M) => Promise<void>,
): LazyModule<M> {
  let loaded: M | undefined;
  let loading: Promise<void> | undefined;
  return {
    load() {
      loading ??= importer().then(async (module) => {
        await init?.(module);
        loaded = module;
      });
      return loading;
    },
    get() {
      if (loaded === undefined) throw new Error(`${name} is used before its load() resolved`);
      return loaded;
    },
  };
}
