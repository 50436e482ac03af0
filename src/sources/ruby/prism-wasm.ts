import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/** Prism's WebAssembly binary; the bundle replaces this module with the bytes inlined. */
export async function prismWasm(): Promise<Uint8Array> {
  return readFile(fileURLToPath(import.meta.resolve('@ruby/prism/src/prism.wasm')));
}
