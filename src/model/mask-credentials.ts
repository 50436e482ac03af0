import { maskSecretsInText } from './connection-url.ts';
import { Secret } from './secret.ts';

/**
 * The one masking of credentials, applied where values enter: to the model once the sources
 * have read it (start commands, settings, names, diagnostics that quote a line), and to the
 * review's result once the rules have written their messages. No capacity note, rule, reporter,
 * comment or log can then print a password. Values read from env files and hosting configs stay
 * whole inside `Secret`, which only the rules that must parse them open.
 */
export function maskCredentials<T extends object>(value: T): T {
  // The model and the result are trees (a few lists are shared, and masking twice changes
  // nothing): no visited set, which costs more than the walk on 5,000-model projects.
  if (value instanceof Secret) return value;
  if (Array.isArray(value)) {
    // An index loop: `for…in` walks an array's indices as strings, and took twice as long.
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (typeof item === 'string') value[i] = maskSecretsInText(item);
      else if (item !== null && typeof item === 'object') maskCredentials(item);
    }
    return value;
  }
  const record = value as Record<string, unknown>;
  // `for…in` rather than Object.keys: no array per object; these objects have no inherited keys.
  for (const key in record) {
    const item = record[key];
    if (typeof item === 'string') record[key] = maskSecretsInText(item);
    else if (item !== null && typeof item === 'object') maskCredentials(item);
  }
  return value;
}
