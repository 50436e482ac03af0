import type { Diagnostic } from '../../model/location.ts';
import type { Dependency } from '../../model/project-model.ts';
import type { SourceFile } from '../source.ts';
import { parseRuby } from './prism-parser.ts';
import { argumentsOf, lineLocator, literalText, type RubyNode } from './ruby-syntax.ts';

/** Bundler groups that a production `bundle install` (BUNDLE_WITHOUT) leaves out by convention. */
const DEV_GROUPS = new Set(['development', 'test']);

/** A Gemfile's `gem` calls, with the groups (`group :test do … end`, `group:`) that make them dev-only. */
export function readGemfile(file: SourceFile): { dependencies: Dependency[]; diagnostics: Diagnostic[] } {
  const result = parseRuby(file.text);
  const line = lineLocator(file.text);
  const dependencies: Dependency[] = [];
  const visit = (statements: RubyNode, dev: boolean) => {
    for (const node of statements?.body ?? []) {
      if (node?.constructor?.name !== 'CallNode' || node.receiver) {
        // `if ENV["X"] … end` around gems: they may be installed, so they count.
        if (node?.constructor?.name === 'IfNode' || node?.constructor?.name === 'UnlessNode') {
          visit(node.statements, dev);
          visit(node.subsequent?.statements ?? node.elseClause?.statements, dev);
        }
        continue;
      }
      const args = argumentsOf(node);
      if (node.name === 'group' || node.name === 'platforms' || node.name === 'platform') {
        const groups = node.name === 'group' ? args.map(literalText) : [];
        const devOnly = groups.length > 0 && groups.every((g: string | undefined) => g && DEV_GROUPS.has(g));
        visit(node.block?.body, dev || devOnly);
        continue;
      }
      if (node.name !== 'gem') continue;
      const name = literalText(args[0]);
      if (!name) continue;
      const version = literalText(args[1]);
      const groups = keywordGroups(args.at(-1));
      dependencies.push({
        ecosystem: 'rubygems',
        name,
        ...(version ? { version } : {}),
        dev: dev || (groups.length > 0 && groups.every((g) => DEV_GROUPS.has(g))),
        manifest: file.path,
        location: { path: file.path, line: line(node.location.startOffset) },
      });
    }
  };
  visit(result.value.statements, false);
  const error = result.errors[0];
  const diagnostics: Diagnostic[] = error
    ? [
        {
          severity: 'warning',
          origin: 'ruby',
          message: `${file.path} is not valid Ruby (${error.message}); the gems Prism could still read were kept.`,
          location: { path: file.path, line: line(error.location.startOffset) },
        },
      ]
    : [];
  return { dependencies, diagnostics };
}

/** `group: :test` or `groups: [:development, :test]` in a gem's options. */
function keywordGroups(options: RubyNode): string[] {
  if (options?.constructor?.name !== 'KeywordHashNode') return [];
  for (const element of options.elements ?? []) {
    const key = literalText(element.key);
    if (key !== 'group' && key !== 'groups') continue;
    const value = element.value;
    const items = value?.constructor?.name === 'ArrayNode' ? value.elements : [value];
    return items.map(literalText).filter((g: string | undefined): g is string => g !== undefined);
  }
  return [];
}
