import { inspect } from 'node:util';

const MASK = '****';

/**
 * Holds a secret (a password, a token, a whole env value) so that no accidental
 * String(), JSON.stringify(), template literal or console.log can print it.
 * Only `reveal()` gives the value back, for heuristics that must look at it.
 */
export class Secret {
  readonly #value: string;

  constructor(value: string) {
    this.#value = value;
  }

  reveal(): string {
    return this.#value;
  }

  get length(): number {
    return this.#value.length;
  }

  toString(): string {
    return MASK;
  }

  toJSON(): string {
    return MASK;
  }

  [inspect.custom](): string {
    return MASK;
  }
}

export const SECRET_MASK = MASK;
