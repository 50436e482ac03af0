import { createHash } from 'node:crypto';

/** Rule id + entity, hashed: stable across edits because it never includes a line number. */
export function fingerprint(ruleId: string, entity: string): string {
  return createHash('sha256').update(`${ruleId}\u0000${entity}`).digest('hex').slice(0, 16);
}
