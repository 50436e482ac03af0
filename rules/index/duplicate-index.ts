import type { DbSchema, Index, IndexElement, KeyConstraint, Table } from '../../src/model/project-model.ts';
import { defineRule, type RuleFinding } from '../../src/rules/rule.ts';
import {
  databaseObject,
  prismaIndexName,
  qualifiedName,
  stateSchemas,
  tableLabel,
} from '../../src/rules/schema-names.ts';

/** A structure that serves lookups: an index, or the unique index behind a key constraint. */
interface Candidate {
  label: string;
  elements: IndexElement[];
  unique: boolean;
  method: string;
  predicate?: string;
  index?: Index;
}

export default defineRule({
  meta: {
    id: 'index/duplicate-index',
    title: 'Redundant index',
    category: 'index',
    severity: { launch: 'note', growth: 'note', scale: 'warning', enterprise: 'warning' },
    summary:
      'An index whose columns are the leading columns of another index or key on the same table, which serves every query it could.',
    ramification:
      'Every INSERT and UPDATE writes each index, so a redundant one slows writes, bloats memory the cache needs for the indexes that matter, and makes vacuum and backups longer — for no query that the other index does not already serve.',
    fix: 'Drop the redundant index (`DROP INDEX CONCURRENTLY`), or remove the `@@index` from the Prisma model.',
    examples: {
      bad: {
        path: 'prisma/schema.prisma',
        text: eventSchema('  @@index([accountId])\n  @@index([accountId, createdAt])'),
      },
      good: { path: 'prisma/schema.prisma', text: eventSchema('  @@index([accountId, createdAt])') },
    },
  },
  check(model) {
    return stateSchemas(model.schemas).flatMap((schema) =>
      schema.tables.flatMap((table) => redundantIndexes(schema, table)),
    );
  },
});

function eventSchema(indexes: string): string {
  return `datasource db {
  provider = "postgresql"
  url      = env("DATABASE_URL")
}

model Event {
  id        Int      @id
  accountId Int
  createdAt DateTime

${indexes}
}
`;
}

function redundantIndexes(schema: DbSchema, table: Table): RuleFinding[] {
  const keys = [table.primaryKey, ...table.uniques].filter((key) => key !== undefined).map(keyCandidate);
  const indexes = table.indexes.map(indexCandidate);
  const all = [...keys, ...indexes];
  const findings: RuleFinding[] = [];
  indexes.forEach((candidate, position) => {
    const keeper = all.find(
      (other) =>
        other !== candidate && makesRedundant(other, candidate, all.indexOf(other) < keys.length + position),
    );
    if (!keeper || !candidate.index) return;
    const columns = candidate.elements.flatMap((element) => (element.column ? [element.column] : []));
    const name =
      candidate.index.name ??
      (schema.origin === 'prisma' ? prismaIndexName(table, columns, 'idx') : undefined);
    findings.push({
      entity: `${tableLabel(table)}.index:${candidate.label}`,
      message: `Index ${candidate.label} on ${tableLabel(table)} is redundant: ${keeper.label} starts with the same columns and serves every query it could, while both are written on each change.`,
      location: candidate.index.location,
      fix:
        schema.origin === 'sql' && name
          ? {
              text: `Drop ${candidate.label} in a migration of its own; ${keeper.label} already serves its queries.`,
              replacement: `DROP INDEX CONCURRENTLY ${qualifiedName({ name, schema: table.schema })};`,
            }
          : { text: `Drop ${candidate.label}; ${keeper.label} already serves its queries.` },
      database: databaseObject(table, { columns, ...(name ? { index: name } : {}) }),
    });
  });
  return findings;
}

/**
 * `keeper` makes `candidate` useless when both use the same method and predicate and the
 * candidate's elements lead the keeper's. A unique index is never redundant to a non-unique
 * one (it enforces a constraint); two identical indexes report only the later one.
 */
function makesRedundant(keeper: Candidate, candidate: Candidate, keeperComesFirst: boolean): boolean {
  if (keeper.method !== candidate.method || keeper.predicate !== candidate.predicate) return false;
  if (keeper.method !== 'btree' && keeper.elements.length !== candidate.elements.length) return false;
  if (!leads(candidate.elements, keeper.elements)) return false;
  const identical = candidate.elements.length === keeper.elements.length;
  if (candidate.unique) return keeper.unique && identical && keeperComesFirst;
  return !identical || keeper.unique || keeperComesFirst;
}

function leads(prefix: readonly IndexElement[], elements: readonly IndexElement[]): boolean {
  return prefix.length <= elements.length && prefix.every((element, i) => sameElement(element, elements[i]));
}

function sameElement(a: IndexElement, b: IndexElement | undefined): boolean {
  return (
    b !== undefined &&
    a.column === b.column &&
    a.expression === b.expression &&
    Boolean(a.descending) === Boolean(b.descending)
  );
}

function keyCandidate(key: KeyConstraint): Candidate {
  return {
    label: key.name ?? `key (${key.columns.join(', ')})`,
    elements: key.columns.map((column) => ({ column })),
    unique: true,
    method: 'btree',
  };
}

function indexCandidate(index: Index): Candidate {
  return {
    label: index.name ?? `index (${index.elements.map((e) => e.column ?? e.expression).join(', ')})`,
    elements: index.elements,
    unique: index.unique,
    method: index.method?.toLowerCase() ?? 'btree',
    predicate: index.predicate?.text,
    index,
  };
}
