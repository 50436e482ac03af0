/** The id git gives this text as a blob, so a file read from disk can be matched to a tree entry. */
export function gitBlobId(text: string): string {
  const bytes = Buffer.from(text, 'utf8');
  return crypto().createHash('sha1').update(`blob ${bytes.byteLength}\0`).update(bytes).digest('hex');
}

/**
 * node:crypto, loaded when a migration is first compared with the base revision: loading it
 * costs ~7 ms, which a review of the working tree alone never needs.
 */
const crypto = () => process.getBuiltinModule('node:crypto');
