import type { FileContent } from './file-set.ts';

/** How much of a file's start is inspected for NUL bytes, as git does to call a file binary. */
const BINARY_SNIFF_BYTES = 8000;
/** Reused: a decoder holds no state between whole-buffer decodes. */
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Text when it has no NUL byte in its first bytes and decodes as UTF-8; binary otherwise. */
export function classifyBytes(path: string, bytes: Uint8Array): FileContent {
  const size = bytes.byteLength;
  if (bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) return { path, kind: 'binary', size };
  try {
    const text = UTF8.decode(bytes);
    return { path, kind: 'text', text, size };
  } catch {
    return { path, kind: 'binary', size };
  }
}
