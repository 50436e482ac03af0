import type { Location } from '../../model/location.ts';
import type { DbSchema, ForeignKey, Index, KeyConstraint, Table } from '../../model/project-model.ts';
import { readDatasource } from './datasource.ts';
import type { ParsedPrismaFile } from './parse-file.ts';
import {
  type AstNode,
  at,
  attributeArgument,
  blockAttribute,
  fieldAttribute,
  fieldList,
  fieldTypeName,
  unquote,
} from './prisma-ast-nodes.ts';

/** Prisma's scalar types: a field of one of these (or of an enum or composite type) is a column. */
const SCALARS = new Set([
  'String',
  'Boolean',
  'Int',
  'BigInt',
  'Float',
  'Decimal',
  'DateTime',
  'Json',
  'Bytes',
]);

interface BlockInFile {
  block: AstNode;
  path: string;
}

interface PendingRelation {
  /** Model name of the table holding `fields`. */
  table: string;
  relatedModel: string;
  relationField: string;
  fields: string[];
  references: string[];
  name?: string;
  location: Location;
}

/** Turns the files of one Prisma schema (one file, or a folder of them) into the shared schema shape. */
export function toDbSchema(path: string, files: readonly ParsedPrismaFile[]): DbSchema {
  const blocks: BlockInFile[] = files.flatMap((file) =>
    file.blocks.map((block) => ({ block, path: file.path })),
  );
  const ofType = (type: string) => blocks.filter(({ block }) => block.type === type);
  const datasource = readDatasource(ofType('datasource')[0]);
  const views = new Set(ofType('view').map(({ block }) => block.name as string));
  const columnTypes = new Set([
    ...SCALARS,
    ...ofType('enum').map(({ block }) => block.name as string),
    ...ofType('type').map(({ block }) => block.name as string),
  ]);

  // `@@ignore`d models are still tables in the database (Prisma only leaves them out of its
  // client), so they are read for the relations that point at them but are not judged.
  const models = ofType('model');
  const tables = new Map<string, Table>();
  const pending: PendingRelation[] = [];
  for (const { block, path: file } of models)
    tables.set(block.name, readModel(block, file, columnTypes, pending));
  for (const relation of pending) {
    // A relation to a view is a Prisma Client convenience: no database constraint backs it.
    if (views.has(relation.relatedModel)) continue;
    tables.get(relation.table)?.foreignKeys.push(foreignKey(relation, tables));
  }

  const schema: DbSchema = {
    origin: 'prisma',
    path,
    provider: datasource?.provider ?? 'unknown',
    relationMode: datasource?.relationMode ?? 'foreignKeys',
    role: 'state',
    // `view` blocks are not read: a view has no indexes or foreign keys of its own to judge.
    tables: models
      .filter(({ block }) => !blockAttribute(block, 'ignore'))
      .map(({ block }) => tables.get(block.name) as Table),
  };
  if (datasource) schema.datasource = datasource.facts;
  return schema;
}

function readModel(
  block: AstNode,
  path: string,
  columnTypes: Set<string>,
  pending: PendingRelation[],
): Table {
  const properties: AstNode[] = block.properties ?? [];
  const table: Table = {
    name: unquote(attributeArgument(blockAttribute(block, 'map'), 'name')) ?? block.name,
    modelName: block.name,
    columns: [],
    uniques: [],
    indexes: [],
    foreignKeys: [],
    location: at(path, block.location),
  };
  const schemaName = unquote(attributeArgument(blockAttribute(block, 'schema'), 'name'));
  if (schemaName) table.schema = schemaName;

  const columnOf = new Map<string, string>();
  const relationFields: AstNode[] = [];
  for (const field of properties.filter((p) => p.type === 'field')) {
    const type = fieldTypeName(field.fieldType);
    if (!columnTypes.has(type) && !type.startsWith('Unsupported(')) {
      // Any other type names a model (or a view): a relation, not a column. A type defined in a
      // file that did not parse lands here too, which is better than inventing a column.
      relationFields.push(field);
      continue;
    }
    const name = unquote(attributeArgument(fieldAttribute(field, 'map'), 'name')) ?? field.name;
    columnOf.set(field.name, name);
    const location = at(path, field.location);
    table.columns.push({
      name,
      fieldName: field.name,
      type: `${type}${field.array ? '[]' : ''}`,
      nullable: field.optional === true,
      location,
    });
    const id = fieldAttribute(field, 'id');
    if (id) table.primaryKey = constraint([name], location, unquote(attributeArgument(id, 'map', false)));
    const unique = fieldAttribute(field, 'unique');
    if (unique)
      table.uniques.push(constraint([name], location, unquote(attributeArgument(unique, 'map', false))));
  }
  const column = (fieldName: string) => columnOf.get(fieldName) ?? fieldName;

  for (const field of relationFields) {
    const relation = fieldAttribute(field, 'relation');
    const fields = fieldList(attributeArgument(relation, 'fields', false));
    // Only the side that names `fields` holds the foreign key; the other side is virtual.
    if (fields.length === 0) continue;
    const name = unquote(attributeArgument(relation, 'map', false));
    pending.push({
      table: block.name,
      relatedModel: fieldTypeName(field.fieldType),
      relationField: field.name,
      fields: fields.map((f) => column(f.column)),
      references: fieldList(attributeArgument(relation, 'references', false)).map((f) => f.column),
      ...(name ? { name } : {}),
      location: at(path, field.location),
    });
  }

  for (const property of properties) {
    if (property.type !== 'attribute' || property.kind !== 'object') continue;
    const location = at(path, property.location);
    const elements = fieldList(attributeArgument(property, 'fields')).map((e) => ({
      ...e,
      column: column(e.column),
    }));
    const columns = elements.map((e) => e.column);
    // `map:` is the database name; `name:` is the Prisma Client name, except on indexes,
    // where Prisma 2 used `name:` for the database name.
    const map = unquote(attributeArgument(property, 'map', false));
    if (property.name === 'id') table.primaryKey = constraint(columns, location, map);
    else if (property.name === 'unique') table.uniques.push(constraint(columns, location, map));
    else if (property.name === 'index' || property.name === 'fulltext') {
      const name = map ?? unquote(attributeArgument(property, 'name', false));
      const method =
        property.name === 'fulltext' ? 'fulltext' : unquote(attributeArgument(property, 'type', false));
      const index: Index = {
        elements,
        unique: false,
        location,
        ...(name ? { name } : {}),
        ...(method ? { method: method.toLowerCase() } : {}),
      };
      table.indexes.push(index);
    }
  }
  return table;
}

function constraint(columns: string[], location: Location, name: string | undefined): KeyConstraint {
  return { columns, location, ...(name ? { name } : {}) };
}

/**
 * A model missing from the schema (its file did not parse) keeps its Prisma names: the
 * referencing columns, which rules judge, are known either way.
 */
function foreignKey(relation: PendingRelation, tables: Map<string, Table>): ForeignKey {
  const related = tables.get(relation.relatedModel);
  return {
    columns: relation.fields,
    referencedTable: related?.name ?? relation.relatedModel,
    referencedColumns: relation.references.map(
      (field) => related?.columns.find((c) => c.fieldName === field)?.name ?? field,
    ),
    relationField: relation.relationField,
    location: relation.location,
    ...(relation.name ? { name: relation.name } : {}),
  };
}
