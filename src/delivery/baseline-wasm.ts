import v8 from 'node:v8';

/**
 * Keeps WebAssembly on V8's baseline compiler (Liftoff), set from inside the process. Without it
 * V8 spends ~600 ms and ~600 MB in a background thread optimising the PostgreSQL parser's
 * generated grammar function (100 KB of code), which a one-shot review is over before it pays off,
 * and which the App, reviewing in bursts, pays again in memory (710 MB against 255 MB over five
 * reviews). These two flags are what `--liftoff-only` implies; `--liftoff-only` itself does
 * nothing once V8 runs, since V8 applies implications only to the command line. Both are read when
 * a module is compiled, and the parsers' WebAssembly is compiled only later, on first use.
 */
export function keepWasmOnBaselineCompiler(): void {
  v8.setFlagsFromString('--no-wasm-tier-up --no-wasm-dynamic-tiering');
}
