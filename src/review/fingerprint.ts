import { sha256Hex } from './sha256.ts';

/** Rule id + entity, hashed: stable across edits because it never includes a line number. */
export function fingerprint(ruleId: string, entity: string): string {
  return sha256Hex(`${ruleId}\u0000${entity}`).slice(0, 16);
}
