import type { ConfigCount } from '../../model/project-model.ts';
import type { PyToken } from '../code/python-tokens.ts';

/**
 * Reads the count expressions gunicorn config files write, over Python tokens: a number,
 * `int(…)`, `os.environ.get("X", default)`, `os.getenv("X", default)`, `os.environ["X"]`, and
 * `multiprocessing.cpu_count() * k + c` (the documented `2 × cores + 1`), with names assigned
 * earlier at module level. Anything else is `undefined`: not a count Headroom can know.
 */
export function countExpression(
  tokens: readonly PyToken[],
  names: ReadonlyMap<string, ConfigCount>,
): ConfigCount | undefined {
  const reader = new CountReader(tokens, names);
  const count = reader.sum();
  return reader.done() ? count : undefined;
}

class CountReader {
  #i = 0;
  readonly tokens: readonly PyToken[];
  readonly names: ReadonlyMap<string, ConfigCount>;
  constructor(tokens: readonly PyToken[], names: ReadonlyMap<string, ConfigCount>) {
    this.tokens = tokens;
    this.names = names;
  }

  done(): boolean {
    return this.#i === this.tokens.length;
  }

  /** product ('+' number)?: CPUs × k + c, or a plain product. */
  sum(): ConfigCount | undefined {
    return this.#operation(
      '+',
      () => this.product(),
      (term, plus) =>
        'perCpu' in term
          ? { perCpu: term.perCpu, plus: term.plus + plus }
          : 'value' in term
            ? { value: term.value + plus }
            : undefined,
    );
  }

  /** atom ('*' number)? */
  product(): ConfigCount | undefined {
    return this.#operation(
      '*',
      () => this.atom(),
      (atom, factor) =>
        'perCpu' in atom
          ? { perCpu: atom.perCpu * factor, plus: atom.plus * factor }
          : 'value' in atom
            ? { value: atom.value * factor }
            : undefined,
    );
  }

  /** An operand, optionally followed by `op` and a whole number that `combine` applies to it. */
  #operation(
    op: string,
    operand: () => ConfigCount | undefined,
    combine: (left: ConfigCount, right: number) => ConfigCount | undefined,
  ): ConfigCount | undefined {
    const left = operand();
    if (!left || !this.#isOp(op)) return left;
    this.#i++;
    const right = this.#number();
    return right === undefined ? undefined : combine(left, right);
  }

  atom(): ConfigCount | undefined {
    const token = this.tokens[this.#i];
    if (!token) return undefined;
    if (token.kind === 'number') {
      this.#i++;
      return positive(Number(token.value));
    }
    if (token.kind === 'string') {
      this.#i++;
      return /^\d+$/.test(token.value) ? positive(Number(token.value)) : undefined;
    }
    if (this.#isOp('(')) {
      this.#i++;
      const inner = this.sum();
      return this.#close() ? inner : undefined;
    }
    const path = this.#dottedName();
    if (!path) return undefined;
    if (!this.#isOp('(') && !this.#isOp('[')) return this.names.get(path);
    if (this.#isOp('[')) {
      this.#i++;
      const name = this.#string();
      return path === 'os.environ' && name && this.#isOp(']') && ++this.#i ? { env: name } : undefined;
    }
    this.#i++;
    if (path === 'int') {
      const inner = this.sum();
      return this.#close() ? inner : undefined;
    }
    if (path === 'multiprocessing.cpu_count' || path === 'os.cpu_count') {
      return this.#close() ? { perCpu: 1, plus: 0 } : undefined;
    }
    if (path === 'os.environ.get' || path === 'os.getenv') {
      const name = this.#string();
      if (!name) return undefined;
      let otherwise: ConfigCount | undefined;
      if (this.#isOp(',')) {
        this.#i++;
        otherwise = this.sum();
        if (!otherwise) return undefined;
      }
      return this.#close() ? { env: name, ...(otherwise ? { otherwise } : {}) } : undefined;
    }
    return undefined;
  }

  #dottedName(): string | undefined {
    const parts: string[] = [];
    while (this.tokens[this.#i]?.kind === 'name') {
      parts.push(this.tokens[this.#i]?.value as string);
      this.#i++;
      if (!this.#isOp('.')) break;
      this.#i++;
    }
    return parts.length ? parts.join('.') : undefined;
  }

  #string(): string | undefined {
    const token = this.tokens[this.#i];
    if (token?.kind !== 'string' || token.prefix.includes('f')) return undefined;
    this.#i++;
    return token.value;
  }

  #number(): number | undefined {
    const token = this.tokens[this.#i];
    if (token?.kind !== 'number' || !/^\d+$/.test(token.value)) return undefined;
    this.#i++;
    return Number(token.value);
  }

  #close(): boolean {
    if (!this.#isOp(')')) return false;
    this.#i++;
    return true;
  }

  #isOp(op: string): boolean {
    const token = this.tokens[this.#i];
    return token?.kind === 'op' && token.value === op;
  }
}

function positive(value: number): ConfigCount | undefined {
  return Number.isInteger(value) && value > 0 ? { value } : undefined;
}
