// biome-ignore lint/suspicious/noExplicitAny: Babel's nodes are read field by field.
export type SyntaxNode = any;

/**
 * Fields of a Babel node that hold objects but never child nodes worth visiting: positions and
 * comments, and TypeScript's types (annotations, type parameters and arguments, `implements`),
 * which hold nothing that runs. Types are a large share of a TypeScript module's nodes.
 */
const NOT_CHILDREN = new Set([
  'loc',
  'extra',
  'leadingComments',
  'trailingComments',
  'innerComments',
  'errors',
  'typeAnnotation',
  'typeParameters',
  'typeArguments',
  'returnType',
  'superTypeParameters',
  'superTypeArguments',
  'implements',
]);

/** Declarations that exist only for the type checker. */
const TYPE_ONLY = new Set(['TSInterfaceDeclaration', 'TSTypeAliasDeclaration']);

const isVisited = (node: SyntaxNode) => node && typeof node.type === 'string' && !TYPE_ONLY.has(node.type);

/** Depth-first over every child node of a Babel syntax tree, with the chain of ancestors. */
export function walkSyntaxTree(
  node: SyntaxNode,
  visit: (node: SyntaxNode, ancestors: SyntaxNode[]) => void,
  ancestors: SyntaxNode[] = [],
): void {
  visit(node, ancestors);
  ancestors.push(node);
  // `for…in` rather than Object.keys: no array per node, and nodes of one shape share V8's key cache.
  for (const key in node) {
    const child = node[key];
    if (typeof child !== 'object' || child === null || NOT_CHILDREN.has(key)) continue;
    if (Array.isArray(child)) {
      for (const item of child) if (isVisited(item)) walkSyntaxTree(item, visit, ancestors);
    } else if (isVisited(child)) walkSyntaxTree(child, visit, ancestors);
  }
  ancestors.pop();
}

const TYPE_WRAPPERS = new Set([
  'TSNonNullExpression',
  'TSAsExpression',
  'TSSatisfiesExpression',
  'TSTypeAssertion',
]);

/** `x!`, `x as T`, `x satisfies T` and `<T>x` are `x` at run time. */
export function withoutTypes(node: SyntaxNode): SyntaxNode {
  return TYPE_WRAPPERS.has(node?.type) ? withoutTypes(node.expression) : node;
}
