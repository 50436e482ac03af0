import type { Location } from '../../model/location.ts';
import type { IndexElement } from '../../model/project-model.ts';

// prisma-ast's node types are wide unions (a value may be a string, an array, a function, a
// key-value…); these helpers narrow them where they are read.
// biome-ignore lint/suspicious/noExplicitAny: see above.
export type AstNode = any;

/** prisma-ast locations are 1-based; a node without one (no tracking) falls back to line 1. */
export function at(path: string, location: AstNode): Location {
  return { path, line: location?.startLine ?? 1 };
}

/** `@@map(…)`, `@@index(…)`… of a model, by name. */
export function blockAttribute(block: AstNode, name: string): AstNode | undefined {
  return (block.properties ?? []).find(
    (p: AstNode) => p.type === 'attribute' && p.kind === 'object' && p.name === name,
  );
}

/** `@map(…)`, `@id`… of a field, by name; `@db.X` native types are grouped and never match. */
export function fieldAttribute(field: AstNode, name: string): AstNode | undefined {
  return (field.attributes ?? []).find((a: AstNode) => a.name === name && !a.group);
}

/**
 * The argument named `key` (`map: "x"`), or else, when `positional` allows it, the first
 * unnamed one: `@@map("users")` and `@@map(name: "users")` say the same thing.
 */
export function attributeArgument(attribute: AstNode, key: string, positional = true): AstNode | undefined {
  const values: AstNode[] = (attribute?.args ?? []).map((arg: AstNode) => arg.value);
  const named = values.find((v) => v?.type === 'keyValue' && v.key === key);
  if (named) return named.value;
  return positional ? values.find((v) => v?.type !== 'keyValue') : undefined;
}

/** `[a, b(sort: Desc)]`, or a bare `a` (`@@index(source)` is accepted by Prisma), in order. */
export function fieldList(value: AstNode): Array<IndexElement & { column: string }> {
  const items: AstNode[] = value?.type === 'array' ? value.args : value === undefined ? [] : [value];
  return items.flatMap((item) => {
    // A quoted string is a name (`@relation("owner")`), never a field.
    if (typeof item === 'string') return item.startsWith('"') ? [] : [{ column: item }];
    if (item?.type !== 'function') return [];
    const sort = (item.params ?? []).find((p: AstNode) => p?.key === 'sort')?.value;
    return [{ column: item.name as string, ...(sort === 'Desc' ? { descending: true } : {}) }];
  });
}

/** `String`, or `Unsupported("geometry")` written out. */
export function fieldTypeName(fieldType: AstNode): string {
  if (typeof fieldType === 'string') return fieldType;
  return `${fieldType?.name}(${(fieldType?.params ?? []).join(', ')})`;
}

/** `"users"` → `users`; identifiers pass through; anything else is no name. */
export function unquote(value: AstNode): string | undefined {
  if (typeof value !== 'string') return undefined;
  if (!value.startsWith('"')) return value;
  try {
    return JSON.parse(value);
  } catch {
    return value.slice(1, -1);
  }
}
