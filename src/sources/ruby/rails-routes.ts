import type { Diagnostic } from '../../model/location.ts';
import type { HealthEndpoint } from '../../model/project-model.ts';
import { healthPath } from '../code/health-paths.ts';
import type { SourceFile } from '../source.ts';
import { parseRuby } from './prism-parser.ts';
import { argumentsOf, lineLocator, literalText, type RubyNode } from './ruby-syntax.ts';

/** Route verbs a health check can call. */
const VERBS = new Set(['get', 'match', 'head']);

/**
 * The health routes of `config/routes.rb` (and the `config/routes/*.rb` it draws): Rails 7.1+
 * generates `get "up" => "rails/health#show"`; `get "/healthz", to: …` is the other spelling.
 */
export function readRailsRoutes(file: SourceFile): {
  healthEndpoints: HealthEndpoint[];
  diagnostics: Diagnostic[];
} {
  const result = parseRuby(file.text);
  const line = lineLocator(file.text);
  const error = result.errors[0];
  if (error)
    return {
      healthEndpoints: [],
      diagnostics: [
        {
          severity: 'warning',
          origin: 'ruby',
          message: `${file.path} is not valid Ruby (${error.message}); its health routes were not read.`,
          location: { path: file.path, line: line(error.location.startOffset) },
        },
      ],
    };
  const found: HealthEndpoint[] = [];
  const visit = (node: RubyNode) => {
    if (node?.constructor?.name === 'CallNode' && node.receiver === null && VERBS.has(node.name)) {
      const path = healthPath(routeLiteral(argumentsOf(node)[0]) ?? '');
      if (path) found.push({ path, location: { path: file.path, line: line(node.location.startOffset) } });
    }
    for (const child of node?.compactChildNodes?.() ?? []) visit(child);
  };
  visit(result.value);
  return { healthEndpoints: found, diagnostics: [] };
}

/** `"up"`, or the key of `"up" => "rails/health#show"`. */
function routeLiteral(argument: RubyNode): string | undefined {
  if (argument?.constructor?.name === 'KeywordHashNode') return literalText(argument.elements?.[0]?.key);
  return literalText(argument);
}
