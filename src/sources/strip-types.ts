import { stripTypeScriptTypes } from 'node:module';

/**
 * TypeScript → JavaScript with positions kept, by Node's own type stripper. Node flags the API
 * experimental and warns on first use; that warning would land in every CLI run and Action log,
 * so it is silenced for this call only.
 */
export function stripTypes(code: string): string {
  const emitWarning = process.emitWarning;
  process.emitWarning = (() => undefined) as typeof process.emitWarning;
  try {
    return stripTypeScriptTypes(code);
  } finally {
    process.emitWarning = emitWarning;
  }
}
