import type { Diagnostic } from '../../model/location.ts';
import type { ModelFragment } from '../../model/project-model.ts';
import { loadBabel } from '../babel-parser.ts';
import type { Source, SourceFile } from '../source.ts';
import { type CodeFindings, emptyCodeFindings } from './code-findings.ts';
import { mayHoldFacts, NEXT_CONFIG, nextConfigEnvKeys, readJavaScript } from './javascript.ts';
import { readPython } from './python.ts';
import { isApplicationCode } from './relevance.ts';

/**
 * Caps on what is parsed: a repository with thousands of modules still gets a review, and a
 * bundled or generated file (rarely where env reads and caches are written) is not parsed.
 */
export const CODE_LIMITS = { maxFiles: 500, maxFileBytes: 256 * 1024 };

/** Application code: what configs cannot say (env reads, in-process caches, HTTP handlers). */
export const codeSource: Source = {
  id: 'code',
  matches: (path) => isApplicationCode(path) || NEXT_CONFIG.test(path),
  async read(files) {
    const found: CodeFindings & Required<Pick<ModelFragment, 'envDeclarations'>> = {
      ...emptyCodeFindings(),
      envDeclarations: [],
    };
    const nextConfigs = files.filter((f) => NEXT_CONFIG.test(f.path));
    if (nextConfigs.length > 0) await loadBabel();
    for (const file of nextConfigs) {
      const { keys, diagnostics } = nextConfigEnvKeys(file);
      found.envDeclarations.push(...keys);
      found.diagnostics.push(...diagnostics);
    }
    const sorted = [...files]
      .filter((f) => !NEXT_CONFIG.test(f.path))
      .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const tooLarge = sorted.filter((f) => Buffer.byteLength(f.text) > CODE_LIMITS.maxFileBytes);
    const readable = sorted.filter((f) => !tooLarge.includes(f));
    const overCount = readable.splice(CODE_LIMITS.maxFiles);
    // A JavaScript file with nothing the reader takes is not parsed: the facts are the same.
    const parsed = readable.filter((f) => f.path.endsWith('.py') || mayHoldFacts(f));
    if (parsed.some((f) => !f.path.endsWith('.py'))) await loadBabel();
    for (const file of parsed) {
      const one = file.path.endsWith('.py') ? readPython(file) : readJavaScript(file);
      found.envReads.push(...one.envReads);
      found.inProcessCaches.push(...one.inProcessCaches);
      found.sharedCacheBackends.push(...one.sharedCacheBackends);
      found.requestHandlers.push(...one.requestHandlers);
      found.healthEndpoints.push(...one.healthEndpoints);
      found.diagnostics.push(...one.diagnostics);
    }
    found.diagnostics.push(
      ...skipped(tooLarge, `over ${CODE_LIMITS.maxFileBytes / 1024} KB`),
      ...skipped(overCount, `past the first ${CODE_LIMITS.maxFiles} code files`),
    );
    return found;
  },
};

function skipped(files: SourceFile[], why: string): Diagnostic[] {
  const [first] = files;
  if (!first) return [];
  const names = files.slice(0, 5).map((f) => f.path);
  const more = files.length > names.length ? ` and ${files.length - names.length} more` : '';
  return [
    {
      severity: 'info',
      origin: 'code',
      message: `${files.length} code file(s) ${why} were not read for env reads and caches: ${names.join(', ')}${more}.`,
      location: { path: first.path, line: 1 },
    },
  ];
}
