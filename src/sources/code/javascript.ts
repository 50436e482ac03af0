import { parse } from 'acorn';
import { ancestor } from 'acorn-walk';
import type { Diagnostic } from '../../model/location.ts';
import type { EnvRead, InProcessCache } from '../../model/project-model.ts';
import type { SourceFile } from '../source.ts';
import { stripTypes } from '../strip-types.ts';

/** Cache classes by the package that exports them. */
const CACHE_CLASSES: Record<string, string> = {
  LRUCache: 'lru-cache',
  LRU: 'lru-cache',
  NodeCache: 'node-cache',
  QuickLRU: 'quick-lru',
  TTLCache: '@isaacs/ttlcache',
};
const CACHE_NAME = /cache|memo/i;

// biome-ignore lint/suspicious/noExplicitAny: acorn's ESTree nodes are read field by field.
type Node = any;

/**
 * JavaScript and TypeScript (types stripped by Node's own stripper, positions kept), parsed with
 * acorn: `process.env.X` reads and module-scope caches. JSX/TSX files are not parsed.
 */
export function readJavaScript(file: SourceFile): {
  envReads: EnvRead[];
  inProcessCaches: InProcessCache[];
  diagnostics: Diagnostic[];
} {
  const envReads: EnvRead[] = [];
  const inProcessCaches: InProcessCache[] = [];
  let program: Node;
  try {
    const code = /\.[cm]?ts$/.test(file.path) ? stripTypes(file.text) : file.text;
    program = parse(code, {
      ecmaVersion: 'latest',
      sourceType: 'module',
      locations: true,
      allowHashBang: true,
      allowReturnOutsideFunction: true,
    });
  } catch (error) {
    const line = (error as { loc?: { line: number } }).loc?.line ?? 1;
    return {
      envReads,
      inProcessCaches,
      diagnostics: [
        {
          severity: 'info',
          origin: 'code',
          message: `${file.path} could not be parsed (${(error as Error).message.replace(/\s*\(\d+:\d+\)$/, '')}); its code was not read.`,
          location: { path: file.path, line },
        },
      ],
    };
  }
  const at = (node: Node) => ({ path: file.path, line: node.loc?.start.line ?? 1 });
  ancestor(program, {
    MemberExpression(node: Node) {
      if (isProcessEnv(node.object)) {
        const key = node.computed
          ? node.property.type === 'Literal'
            ? node.property.value
            : undefined
          : node.property.name;
        if (typeof key === 'string') envReads.push({ key, location: at(node) });
      }
    },
    VariableDeclarator(node: Node, _state: unknown, ancestors: Node[]) {
      if (node.id.type === 'ObjectPattern' && isProcessEnv(node.init)) {
        for (const property of node.id.properties)
          if (property.key?.name) envReads.push({ key: property.key.name, location: at(property) });
      }
      const moduleScope = ancestors.filter((a) => /Function|ArrowFunction|Class/.test(a.type)).length === 0;
      const init = node.init;
      if (!moduleScope || init?.type !== 'NewExpression' || init.callee.type !== 'Identifier') return;
      const name = node.id.name ?? 'cache';
      const library = CACHE_CLASSES[init.callee.name];
      if (library) inProcessCaches.push({ kind: library, name, location: at(node) });
      else if (init.callee.name === 'Map' && CACHE_NAME.test(name))
        inProcessCaches.push({ kind: 'Map', name, location: at(node) });
    },
  });
  return { envReads, inProcessCaches, diagnostics: [] };
}

/** `process.env` and `import.meta.env`. */
function isProcessEnv(node: Node): boolean {
  if (node?.type !== 'MemberExpression' || node.property?.name !== 'env') return false;
  return (
    (node.object.type === 'Identifier' && node.object.name === 'process') ||
    node.object.type === 'MetaProperty'
  );
}
