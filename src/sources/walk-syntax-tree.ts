// biome-ignore lint/suspicious/noExplicitAny: Babel's nodes are read field by field.
export type SyntaxNode = any;

/** Depth-first over every child node of a Babel syntax tree, with the chain of ancestors. */
export function walkSyntaxTree(
  node: SyntaxNode,
  visit: (node: SyntaxNode, ancestors: SyntaxNode[]) => void,
  ancestors: SyntaxNode[] = [],
): void {
  visit(node, ancestors);
  ancestors.push(node);
  for (const key of Object.keys(node)) {
    if (key === 'loc' || key === 'extra' || key.endsWith('Comments')) continue;
    const child = node[key];
    if (Array.isArray(child)) {
      for (const item of child)
        if (item && typeof item.type === 'string') walkSyntaxTree(item, visit, ancestors);
    } else if (child && typeof child.type === 'string') walkSyntaxTree(child, visit, ancestors);
  }
  ancestors.pop();
}
