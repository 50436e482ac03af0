import { createHash } from 'node:crypto';

/** The id git gives this text as a blob, so a file read from disk can be matched to a tree entry. */
export function gitBlobId(text: string): string {
  const bytes = Buffer.from(text, 'utf8');
  return createHash('sha1').update(`blob ${bytes.byteLength}\0`).update(bytes).digest('hex');
}
