import type { ConfigCount } from '../../model/project-model.ts';
import type { LocatedNode } from '../located-yaml.ts';
import { parseRuby } from './prism-parser.ts';
import { countOf, type RubyNode } from './ruby-syntax.ts';

const ERB_OUTPUT = /^<%=\s*([\s\S]*?)\s*-?%>$/;

/**
 * A count in a Rails YAML config: a number, or an ERB value (`<%= ENV.fetch("X") { 5 } %>`) read
 * as the Ruby it is, since Rails renders these files through ERB before parsing them.
 */
export function countFromYaml(node: LocatedNode): ConfigCount | undefined {
  const number = node.number();
  if (number !== undefined) return Number.isInteger(number) && number > 0 ? { value: number } : undefined;
  const erb = ERB_OUTPUT.exec(node.string() ?? '')?.[1];
  if (!erb) return undefined;
  const result = parseRuby(erb);
  const program: RubyNode = result.value;
  const [expression] = program.statements?.body ?? [];
  return result.errors.length === 0 ? countOf(expression, new Map()) : undefined;
}
