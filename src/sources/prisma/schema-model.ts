import type { Schema } from '@mrleebo/prisma-ast';
import type { Location } from '../../model/location.ts';
import type {
  DbProvider,
  DbSchema,
  ForeignKey,
  Index,
  IndexElement,
  KeyConstraint,
  Table,
} from '../../model/project-model.ts';

// prisma-ast's node types are wide unions; the reader narrows them field by field.
// biome-ignore lint/suspicious/noExplicitAny: see above.
type Node = any;

export interface ParsedPrismaFile {
  path: string;
  schema: Schema;
}

interface PendingRelation {
  table: Table;
  model: string;
  relatedModel: string;
  relationField: string;
  fields: string[];
  references: string[];
  location: Location;
}

const PROVIDERS: Record<string, DbProvider> = {
  postgresql: 'postgresql',
  postgres: 'postgresql',
  mysql: 'mysql',
  sqlite: 'sqlite',
  sqlserver: 'sqlserver',
  cockroachdb: 'cockroachdb',
  mongodb: 'mongodb',
};

/** Turns the files of one Prisma schema (one file, or a folder of them) into the shared schema shape. */
export function toDbSchema(path: string, files: readonly ParsedPrismaFile[]): DbSchema {
  const blocks = files.flatMap((file) =>
    file.schema.list.map((block) => ({ block: block as Node, path: file.path })),
  );
  const datasource = blocks.find(({ block }) => block.type === 'datasource');
  const setting = (key: string) => datasource?.block.assignments?.find((a: Node) => a.key === key);
  const provider = PROVIDERS[unquote(setting('provider')?.value) ?? ''] ?? 'unknown';
  const relationMode =
    unquote((setting('relationMode') ?? setting('referentialIntegrity'))?.value) === 'prisma'
      ? 'prisma'
      : 'foreignKeys';

  const models = blocks.filter(({ block }) => block.type === 'model' && !hasBlockAttribute(block, 'ignore'));
  const modelNames = new Set(models.map(({ block }) => block.name as string));
  const tables = new Map<string, Table>();
  const pending: PendingRelation[] = [];
  for (const { block, path: file } of models) {
    const table = readModel(block, file, modelNames, pending);
    tables.set(block.name, table);
  }
  for (const relation of pending) resolveRelation(relation, tables);

  const schema: DbSchema = {
    origin: 'prisma',
    path,
    provider,
    relationMode,
    role: 'state',
    tables: [...tables.values()],
  };
  const urlEnv = envName(setting('url')?.value);
  const directUrlEnv = envName(setting('directUrl')?.value);
  if (datasource) {
    schema.datasource = {
      ...(urlEnv ? { urlEnv } : {}),
      ...(directUrlEnv ? { directUrlEnv } : {}),
      location: at(datasource.path, datasource.block.location),
    };
  }
  return schema;
}

function readModel(block: Node, path: string, modelNames: Set<string>, pending: PendingRelation[]): Table {
  const properties: Node[] = block.properties ?? [];
  const table: Table = {
    name: unquote(blockAttribute(block, 'map')?.args?.[0]?.value) ?? block.name,
    modelName: block.name,
    columns: [],
    uniques: [],
    indexes: [],
    foreignKeys: [],
    location: at(path, block.location),
  };
  const schemaName = unquote(blockAttribute(block, 'schema')?.args?.[0]?.value);
  if (schemaName) table.schema = schemaName;
  const fields = properties.filter((p) => p.type === 'field');
  const columnOf = new Map<string, string>();
  for (const field of fields) {
    if (modelNames.has(field.fieldType)) {
      const relation = fieldAttribute(field, 'relation');
      const fieldsArg = keyValue(relation, 'fields');
      if (fieldsArg) {
        pending.push({
          table,
          model: block.name,
          relatedModel: field.fieldType,
          relationField: field.name,
          fields: arrayNames(fieldsArg),
          references: arrayNames(keyValue(relation, 'references')),
          location: at(path, field.location),
        });
      }
      continue;
    }
    const name = unquote(fieldAttribute(field, 'map')?.args?.[0]?.value) ?? field.name;
    columnOf.set(field.name, name);
    const location = at(path, field.location);
    table.columns.push({
      name,
      fieldName: field.name,
      type: `${field.fieldType}${field.array ? '[]' : ''}`,
      nullable: field.optional === true,
      location,
    });
    if (fieldAttribute(field, 'id')) table.primaryKey = { columns: [name], location };
    if (fieldAttribute(field, 'unique')) table.uniques.push({ columns: [name], location });
  }
  const column = (fieldName: string) => columnOf.get(fieldName) ?? fieldName;
  for (const property of properties) {
    if (property.type !== 'attribute' || property.kind !== 'object') continue;
    const location = at(path, property.location);
    const elements = arrayElements(
      property.args?.[0]?.value?.type === 'array' ? property.args[0].value : keyValue(property, 'fields'),
    ).map((element) => ({ ...element, column: column(element.column) }));
    const name = unquote(keyValue(property, 'map') ?? keyValue(property, 'name'));
    const key: KeyConstraint = {
      columns: elements.map((e) => e.column),
      location,
      ...(name ? { name } : {}),
    };
    if (property.name === 'id') table.primaryKey = key;
    else if (property.name === 'unique') table.uniques.push(key);
    else if (property.name === 'index' || property.name === 'fulltext') {
      const method = property.name === 'fulltext' ? 'fulltext' : keyValue(property, 'type');
      const index: Index = {
        elements,
        unique: false,
        location,
        ...(name ? { name } : {}),
        ...(method ? { method: String(method).toLowerCase() } : {}),
      };
      table.indexes.push(index);
    }
  }
  // Columns named by relations become database columns through the mapping of their scalar fields.
  for (const relation of pending.filter((r) => r.table === table))
    relation.fields = relation.fields.map(column);
  return table;
}

function resolveRelation(relation: PendingRelation, tables: Map<string, Table>): void {
  const related = tables.get(relation.relatedModel);
  const referencedColumns = relation.references.map(
    (field) => related?.columns.find((c) => c.fieldName === field)?.name ?? field,
  );
  const foreignKey: ForeignKey = {
    columns: relation.fields,
    referencedTable: related?.name ?? relation.relatedModel,
    referencedColumns,
    relationField: relation.relationField,
    location: relation.location,
  };
  relation.table.foreignKeys.push(foreignKey);
}

function at(path: string, location: Node): Location {
  return {
    path,
    line: location?.startLine ?? 1,
    ...(location?.endLine ? { endLine: location.endLine } : {}),
  };
}

function hasBlockAttribute(block: Node, name: string): boolean {
  return blockAttribute(block, name) !== undefined;
}

function blockAttribute(block: Node, name: string): Node | undefined {
  return (block.properties ?? []).find(
    (p: Node) => p.type === 'attribute' && p.kind === 'object' && p.name === name,
  );
}

function fieldAttribute(field: Node, name: string): Node | undefined {
  return (field.attributes ?? []).find((a: Node) => a.name === name && !a.group);
}

function keyValue(attribute: Node, key: string): Node | undefined {
  return (attribute?.args ?? [])
    .map((arg: Node) => arg.value)
    .find((v: Node) => v?.type === 'keyValue' && v.key === key)?.value;
}

function arrayNames(array: Node): string[] {
  return arrayElements(array).map((element) => element.column);
}

/** `[a, b(sort: Desc), c(ops: raw("…"))]` → elements in order. */
function arrayElements(array: Node): Array<IndexElement & { column: string }> {
  return (array?.args ?? []).map((arg: Node) => {
    if (typeof arg === 'string') return { column: arg };
    const sort = (arg.params ?? []).find((p: Node) => p?.key === 'sort')?.value;
    return { column: arg.name, ...(sort === 'Desc' ? { descending: true } : {}) };
  });
}

function unquote(value: Node): string | undefined {
  if (typeof value !== 'string') return undefined;
  return value.startsWith('"') && value.endsWith('"') ? JSON.parse(value) : value;
}

function envName(value: Node): string | undefined {
  if (value?.type === 'function' && value.name === 'env') return unquote(value.params?.[0]);
  return undefined;
}
