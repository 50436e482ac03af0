import type { ConfigCount, EnvTest } from '../../model/project-model.ts';
import { byteLineLocator } from '../byte-lines.ts';

// Prism's node classes, read by their fields: only what the readers use.
// biome-ignore lint/suspicious/noExplicitAny: Prism's nodes are a wide union read defensively.
export type RubyNode = any;

/** Maps a byte offset of the parsed source (Prism counts UTF-8 bytes) to a 1-based line. */
export function lineLocator(source: string): (offset: number) => number {
  return byteLineLocator(Buffer.from(source, 'utf8'));
}

/**
 * The calls of a file's top level and of `if`/`unless` bodies there, each with the env test that
 * guards it when the condition tests one variable (`plugin :solid_queue if ENV["SOLID_QUEUE_IN_PUMA"]`);
 * `unknown` when it tests something else, since the call may then not run at all.
 */
export function guardedTopLevelCalls(
  program: RubyNode,
): Array<{ call: RubyNode; guard?: EnvTest | 'unknown' }> {
  const calls: Array<{ call: RubyNode; guard?: EnvTest | 'unknown' }> = [];
  const visit = (statements: RubyNode, guard?: EnvTest | 'unknown') => {
    for (const node of statements?.body ?? []) {
      const kind = node?.constructor?.name;
      if (kind === 'CallNode') calls.push(guard ? { call: node, guard } : { call: node });
      else if (kind === 'IfNode' || kind === 'UnlessNode') {
        const test = guard ? 'unknown' : (envTestOf(node.predicate) ?? 'unknown');
        const negate = (t: EnvTest | 'unknown'): EnvTest | 'unknown' =>
          t === 'unknown' ? t : { ...t, negated: !t.negated };
        visit(node.statements, kind === 'IfNode' ? test : negate(test));
        const otherwise = node.subsequent ?? node.elseClause;
        // An `elsif` tests its own predicate.
        const otherwiseGuard =
          otherwise?.constructor?.name === 'IfNode' ? 'unknown' : kind === 'IfNode' ? negate(test) : test;
        visit(otherwise?.statements, otherwiseGuard);
      }
    }
  };
  visit(program?.statements);
  return calls;
}

/** `ENV["X"]`, `ENV.fetch("X", …)`, `ENV["X"].present?`, `ENV["X"] == "v"`, `!…`. */
function envTestOf(node: RubyNode): EnvTest | undefined {
  if (node?.constructor?.name !== 'CallNode') return undefined;
  const variable = envRead(node);
  if (variable) return { env: variable };
  if (node.name === 'present?') {
    const inner = envRead(node.receiver);
    return inner ? { env: inner } : undefined;
  }
  if (node.name === '!') {
    const inner = envTestOf(node.receiver);
    return inner ? { ...inner, negated: !inner.negated } : undefined;
  }
  if (node.name === '==' || node.name === '!=') {
    const inner = envRead(node.receiver);
    const value = literalText(argumentsOf(node)[0]);
    if (!inner || value === undefined) return undefined;
    return { env: inner, equals: value, ...(node.name === '!=' ? { negated: true } : {}) };
  }
  return undefined;
}

export function argumentsOf(call: RubyNode): RubyNode[] {
  return call?.arguments_?.arguments_ ?? [];
}

/** A string or symbol literal's text. */
export function literalText(node: RubyNode): string | undefined {
  const kind = node?.constructor?.name;
  if (kind === 'StringNode' || kind === 'SymbolNode') return node.unescaped?.value;
  return undefined;
}

/**
 * What a count expression of a config file evaluates to without running it: a literal, an env
 * var with its fallback (`ENV.fetch("X") { 2 }`, `ENV.fetch("X", 2)`, `ENV["X"] || 2`), through
 * `Integer(…)`, `.to_i` and local variables assigned before; `undefined` for anything else.
 */
export function countOf(
  node: RubyNode,
  locals: ReadonlyMap<string, RubyNode>,
  depth = 0,
): ConfigCount | undefined {
  if (depth > 8) return undefined;
  const next = (inner: RubyNode) => countOf(inner, locals, depth + 1);
  switch (node?.constructor?.name) {
    case 'IntegerNode':
      return typeof node.value === 'number' && node.value > 0 ? { value: node.value } : undefined;
    case 'StringNode': {
      const text = literalText(node) ?? '';
      if (text === 'auto') return { perCpu: 1, plus: 0 };
      return /^\d+$/.test(text) && Number(text) > 0 ? { value: Number(text) } : undefined;
    }
    case 'SymbolNode':
      return literalText(node) === 'auto' ? { perCpu: 1, plus: 0 } : undefined;
    case 'ParenthesesNode':
      return node.body?.body?.length === 1 ? next(node.body.body[0]) : undefined;
    case 'LocalVariableReadNode':
      return locals.has(node.name) ? next(locals.get(node.name)) : undefined;
    case 'OrNode': {
      const env = envRead(node.left);
      return env ? { env, ...optional(next(node.right)) } : undefined;
    }
    case 'CallNode': {
      const [first, second] = argumentsOf(node);
      if (node.receiver === null && node.name === 'Integer') return next(first);
      if (node.name === 'to_i' && node.receiver) return next(node.receiver);
      const env = envRead(node);
      if (!env) return undefined;
      const fallback = second ?? node.block?.body?.body?.at(-1);
      return { env, ...optional(fallback === undefined ? undefined : next(fallback)) };
    }
    default:
      return undefined;
  }
}

function optional(otherwise: ConfigCount | undefined): { otherwise?: ConfigCount } {
  return otherwise ? { otherwise } : {};
}

/** The variable of `ENV["X"]` or `ENV.fetch("X", …)`. */
function envRead(node: RubyNode): string | undefined {
  if (node?.constructor?.name !== 'CallNode') return undefined;
  const receiver = node.receiver;
  const isEnv = receiver?.constructor?.name === 'ConstantReadNode' && receiver.name === 'ENV';
  if (!isEnv || (node.name !== '[]' && node.name !== 'fetch')) return undefined;
  return literalText(argumentsOf(node)[0]);
}
