import { maskSecretsInText } from '../model/connection-url.ts';

/**
 * JSON with every string value masked before it is serialised. Masking serialised text instead
 * can take a value's closing quote for part of a `password=` and print JSON that does not parse.
 */
export function maskedJson(value: unknown): string {
  return `${JSON.stringify(value, (_key, v: unknown) => (typeof v === 'string' ? maskSecretsInText(v) : v), 2)}\n`;
}
