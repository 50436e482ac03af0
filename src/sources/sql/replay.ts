import type { Location } from '../../model/location.ts';
import type {
  Column,
  ForeignKey,
  Index,
  IndexElement,
  KeyConstraint,
  MigrationOperation,
  Table,
} from '../../model/project-model.ts';
import { indexText } from './index-text.ts';
import { parsePlPgSql, parseSql } from './postgres-parser.ts';
import { isPlaceholder } from './sections.ts';

// libpg-query's JSON AST, loosely typed: only the fields the replay reads.
// biome-ignore lint/suspicious/noExplicitAny: the AST is a deep union read defensively.
type Node = any;

/** Maps a byte offset of the statement's file to a location. */
export type Locate = (byteOffset: number) => Location;

/** One statement as the parser saw it; AST locations are byte offsets into `parsed`. */
export interface StatementContext {
  /** The UTF-8 bytes handed to the parser (the whole file, or one statement of it). */
  parsed: Buffer;
  /** Where `parsed` starts in its file, in bytes. */
  offset: number;
  /** The statement's byte range within `parsed`. */
  start: number;
  end: number;
  /** Maps a byte offset of the file to a line. */
  locate: Locate;
}

/** CREATE TABLE … (LIKE …) option bit (PostgreSQL's CREATE_TABLE_LIKE_INDEXES). */
const LIKE_INCLUDING_INDEXES = 1 << 6;
const SERIAL_TYPES = new Set(['serial', 'bigserial', 'smallserial', 'serial2', 'serial4', 'serial8']);
const NOT_NULL_CONSTRAINTS = new Set(['CONSTR_NOTNULL', 'CONSTR_PRIMARY', 'CONSTR_IDENTITY']);

/** The location of an AST byte offset, or of the statement when the node has none. */
function at(context: StatementContext, location?: number): Location {
  return context.locate(
    context.offset + (typeof location === 'number' && location >= 0 ? location : context.start),
  );
}

/**
 * Replays DDL statements in order into a set of tables. Statements it cannot use are
 * ignored; statements about unknown tables are ignored too (they come from elsewhere:
 * extensions, schemas created outside the migrations).
 */
export class SchemaReplay {
  readonly tables = new Map<string, Table>();
  /**
   * Tables the current migration file created. Every other table existed when the file started;
   * tracking the few new ones keeps a file's start constant-time over thousands of tables.
   */
  #createdInFile = new Set<Table>();

  /**
   * Which table each index name was last given to. An entry can go stale (the index or its table
   * dropped since) and is then checked away; every index that is added is recorded here, so a name
   * missing from it names no index. PostgreSQL's index names are unique in their schema, and
   * DROP INDEX, ALTER INDEX and IF NOT EXISTS find them by name alone.
   */
  readonly #indexOwners = new Map<string, Table>();

  startFile(): void {
    this.#createdInFile = new Set();
  }

  apply(stmt: Node, context: StatementContext): MigrationOperation[] {
    const [kind, body]: [string?, Node?] = Object.entries(stmt ?? {})[0] ?? [];
    switch (kind) {
      case 'CreateStmt':
        this.#createTable(body, context);
        return [];
      case 'AlterTableStmt':
        return body.objtype === 'OBJECT_TABLE' ? this.#alterTable(body, context) : [];
      case 'IndexStmt':
        return this.#createIndex(body, context);
      case 'DropStmt':
        return this.#drop(body, context);
      case 'RenameStmt':
        this.#rename(body);
        return [];
      case 'DoStmt':
        return this.#doBlock(body, context);
      default:
        return [];
    }
  }

  /**
   * Older Drizzle Kit and many hand-written migrations add foreign keys inside
   * `DO $$ BEGIN … EXCEPTION WHEN duplicate_object THEN null; END $$`: the SQL statements of a
   * PL/pgSQL block are replayed as if written outside it, whatever branch they sit in.
   */
  #doBlock(body: Node, context: StatementContext): MigrationOperation[] {
    const code = body.args?.find((arg: Node) => arg.DefElem?.defname === 'as')?.DefElem;
    const language = body.args?.find((arg: Node) => arg.DefElem?.defname === 'language')?.DefElem;
    const source = code?.arg?.String?.sval;
    if (typeof source !== 'string' || (language && language.arg?.String?.sval !== 'plpgsql')) return [];
    const bodyLine = at(context, code.location).line;
    const operations: MigrationOperation[] = [];
    for (const { query, lineno } of embeddedSql(source)) {
      const location = { ...at(context, code.location), line: bodyLine + Math.max(0, lineno - 1) };
      const parsed = Buffer.from(query, 'utf8');
      try {
        for (const raw of parseSql(parsed).stmts ?? []) {
          const start = raw.stmt_location ?? 0;
          const end = raw.stmt_len ? start + raw.stmt_len : parsed.length;
          operations.push(...this.apply(raw.stmt, { parsed, offset: 0, start, end, locate: () => location }));
        }
      } catch {
        // Procedural code the parser cannot read alone (it names PL/pgSQL variables): not DDL we can use.
      }
    }
    return operations;
  }

  #key(relation: Node): string {
    return `${schemaOf(relation) ?? 'public'}.${relation?.relname}`;
  }

  #table(relation: Node): Table | undefined {
    return this.tables.get(this.#key(relation));
  }

  #createTable(body: Node, context: StatementContext): void {
    const relation = body.relation;
    // A partition shares its parent's columns, keys and indexes: the parent is the table to judge.
    if (!relation?.relname || body.partbound) return;
    if (this.tables.has(this.#key(relation))) return; // IF NOT EXISTS, or a re-run: the first one stands.
    const table: Table = {
      name: relation.relname,
      ...(schemaOf(relation) ? { schema: schemaOf(relation) } : {}),
      columns: [],
      uniques: [],
      indexes: [],
      foreignKeys: [],
      location: at(context, relation.location),
    };
    this.tables.set(this.#key(relation), table);
    this.#createdInFile.add(table);
    for (const element of body.tableElts ?? []) {
      if (element.ColumnDef) this.#addColumn(table, element.ColumnDef, context);
      else if (element.Constraint) this.#addConstraint(table, element.Constraint, context);
      else if (element.TableLikeClause) this.#copyLike(table, element.TableLikeClause);
    }
  }

  /** `LIKE other`: columns and NOT NULL always; keys and indexes with INCLUDING INDEXES; never foreign keys. */
  #copyLike(table: Table, like: Node): void {
    const source = this.#table(like.relation);
    if (!source) return;
    table.columns.push(...source.columns.map((column) => ({ ...column, location: table.location })));
    if (((like.options ?? 0) & LIKE_INCLUDING_INDEXES) === 0) return;
    const copy = (key: KeyConstraint): KeyConstraint => ({
      ...key,
      columns: [...key.columns],
      location: table.location,
    });
    if (source.primaryKey) table.primaryKey = { ...copy(source.primaryKey), name: `${table.name}_pkey` };
    table.uniques.push(
      ...source.uniques.map((key) => ({ ...copy(key), name: `${table.name}_${key.columns.join('_')}_key` })),
    );
    for (const index of source.indexes)
      this.#addIndex(table, {
        ...index,
        name: defaultIndexName(table.name, index.elements),
        elements: index.elements.map((e) => ({ ...e })),
        location: table.location,
      });
  }

  /** Returns the foreign keys its inline `REFERENCES` added. */
  #addColumn(table: Table, def: Node, context: StatementContext): ForeignKey[] {
    const location = at(context, def.location);
    const type = typeName(def.typeName);
    const column: Column = {
      name: def.colname,
      type,
      // serial types and identity columns are NOT NULL without saying so.
      nullable: !SERIAL_TYPES.has(type),
      location,
    };
    table.columns.push(column);
    const foreignKeys: ForeignKey[] = [];
    for (const wrapped of def.constraints ?? []) {
      const constraint = wrapped.Constraint;
      if (!constraint) continue;
      if (NOT_NULL_CONSTRAINTS.has(constraint.contype)) column.nullable = false;
      const foreignKey = this.#addConstraint(
        table,
        {
          ...constraint,
          keys: [{ String: { sval: def.colname } }],
          fk_attrs: [{ String: { sval: def.colname } }],
        },
        context,
        location,
      );
      if (foreignKey) foreignKeys.push(foreignKey);
    }
    return foreignKeys;
  }

  /** Returns the foreign key it added, if any, for the migration operation record. */
  #addConstraint(
    table: Table,
    constraint: Node,
    context: StatementContext,
    given?: Location,
  ): ForeignKey | undefined {
    const location = given ?? at(context, constraint.location);
    switch (constraint.contype) {
      case 'CONSTR_PRIMARY': {
        const columns = constraint.indexname
          ? this.#indexColumns(table, constraint.indexname)
          : names(constraint.keys);
        if (constraint.indexname) this.#removeIndex(table, constraint.indexname);
        table.primaryKey = { name: constraint.conname ?? `${table.name}_pkey`, columns, location };
        for (const column of table.columns) if (columns.includes(column.name)) column.nullable = false;
        return undefined;
      }
      case 'CONSTR_UNIQUE': {
        const columns = constraint.indexname
          ? this.#indexColumns(table, constraint.indexname)
          : names(constraint.keys);
        if (constraint.indexname) this.#removeIndex(table, constraint.indexname);
        table.uniques.push({
          name: constraint.conname ?? `${table.name}_${columns.join('_')}_key`,
          columns,
          location,
        });
        return undefined;
      }
      case 'CONSTR_FOREIGN': {
        const columns = names(constraint.fk_attrs);
        const referenced = constraint.pktable;
        const referencedTable = this.#table(referenced);
        const referencedColumns = constraint.pk_attrs?.length
          ? names(constraint.pk_attrs)
          : (referencedTable?.primaryKey?.columns ?? []);
        const foreignKey: ForeignKey = {
          name: constraint.conname ?? `${table.name}_${columns.join('_')}_fkey`,
          columns,
          referencedTable:
            schemaOf(referenced) && schemaOf(referenced) !== 'public'
              ? `${schemaOf(referenced)}.${referenced.relname}`
              : referenced?.relname,
          referencedColumns,
          location,
        };
        table.foreignKeys.push(foreignKey);
        return foreignKey;
      }
      default:
        return undefined;
    }
  }

  #alterTable(body: Node, context: StatementContext): MigrationOperation[] {
    const table = this.#table(body.relation);
    if (!table) return [];
    const operations: MigrationOperation[] = [];
    for (const wrapped of body.cmds ?? []) {
      const cmd = wrapped.AlterTableCmd;
      if (!cmd) continue;
      switch (cmd.subtype) {
        case 'AT_AddColumn': {
          const def = cmd.def?.ColumnDef;
          if (!def || table.columns.some((c) => c.name === def.colname)) break;
          for (const foreignKey of this.#addColumn(table, def, context))
            operations.push(this.#addForeignKeyOperation(table, foreignKey, false));
          break;
        }
        case 'AT_AlterColumnType': {
          const column = table.columns.find((c) => c.name === cmd.name);
          if (column && cmd.def?.ColumnDef?.typeName) column.type = typeName(cmd.def.ColumnDef.typeName);
          break;
        }
        case 'AT_DropColumn':
          this.#dropColumn(table, cmd.name);
          break;
        case 'AT_AddConstraint': {
          const constraint = cmd.def?.Constraint;
          if (!constraint) break;
          const foreignKey = this.#addConstraint(table, constraint, context);
          if (foreignKey)
            operations.push(
              this.#addForeignKeyOperation(table, foreignKey, constraint.skip_validation === true),
            );
          break;
        }
        case 'AT_DropConstraint':
          this.#dropConstraint(table, cmd.name);
          break;
        case 'AT_ValidateConstraint':
          operations.push({
            kind: 'validate-constraint',
            table: table.name,
            name: cmd.name,
            location: at(context),
          });
          break;
        case 'AT_SetNotNull':
        case 'AT_DropNotNull': {
          const column = table.columns.find((c) => c.name === cmd.name);
          if (column) column.nullable = cmd.subtype === 'AT_DropNotNull';
          break;
        }
        default:
          break;
      }
    }
    return operations;
  }

  #addForeignKeyOperation(table: Table, foreignKey: ForeignKey, notValid: boolean): MigrationOperation {
    return {
      kind: 'add-foreign-key',
      table: table.name,
      foreignKey,
      notValid,
      tableExistedBefore: !this.#createdInFile.has(table),
      location: foreignKey.location,
    };
  }

  #dropColumn(table: Table, name: string): void {
    table.columns = table.columns.filter((c) => c.name !== name);
    const keeps = (columns: string[]) => !columns.includes(name);
    if (table.primaryKey && !keeps(table.primaryKey.columns)) delete table.primaryKey;
    table.uniques = table.uniques.filter((u) => keeps(u.columns));
    table.foreignKeys = table.foreignKeys.filter((f) => keeps(f.columns));
    table.indexes = table.indexes.filter((i) =>
      keeps(i.elements.flatMap((e) => (e.column ? [e.column] : []))),
    );
  }

  #dropConstraint(table: Table, name: string): void {
    if (table.primaryKey?.name === name) delete table.primaryKey;
    table.uniques = table.uniques.filter((u) => u.name !== name);
    table.foreignKeys = table.foreignKeys.filter((f) => f.name !== name);
  }

  #createIndex(body: Node, context: StatementContext): MigrationOperation[] {
    const table = this.#table(body.relation);
    if (!table) return [];
    if (body.idxname && this.#findIndex(body.idxname)) return []; // IF NOT EXISTS on an existing index
    const params: Node[] = body.indexParams ?? [];
    // The statement is lexed only for what the AST gives no text for: most indexes name columns.
    const written =
      body.whereClause || params.some((param) => !param.IndexElem?.name)
        ? indexText(context.parsed.subarray(context.start, context.end))
        : undefined;
    const elements: IndexElement[] = params.map((param: Node, i: number) => {
      const element = param.IndexElem ?? {};
      const descending = element.ordering === 'SORTBY_DESC' ? { descending: true } : {};
      if (element.name) return { column: element.name, ...descending };
      return { expression: written?.expressions[i] ?? '', ...descending };
    });
    const method = body.accessMethod && body.accessMethod !== 'btree' ? { method: body.accessMethod } : {};
    const index: Index = {
      name: body.idxname ?? defaultIndexName(table.name, elements),
      elements,
      unique: body.unique === true,
      ...method,
      location: at(context),
    };
    if (body.whereClause) {
      const notNullColumns = notNullConjuncts(body.whereClause);
      index.predicate = { text: written?.predicate ?? '', ...(notNullColumns ? { notNullColumns } : {}) };
    }
    this.#addIndex(table, index);
    return [
      {
        kind: 'create-index',
        table: table.name,
        index,
        concurrently: body.concurrent === true,
        tableExistedBefore: !this.#createdInFile.has(table),
        location: index.location,
      },
    ];
  }

  #drop(body: Node, context: StatementContext): MigrationOperation[] {
    const operations: MigrationOperation[] = [];
    for (const object of body.objects ?? []) {
      const parts = names(object.List?.items ?? []);
      const name = parts.at(-1);
      if (!name) continue;
      if (body.removeType === 'OBJECT_TABLE') {
        const key = `${parts.at(-2) ?? 'public'}.${name}`;
        const table = this.tables.get(key);
        this.tables.delete(key);
        // CASCADE drops the foreign keys that point at it; without CASCADE PostgreSQL refuses otherwise.
        if (table)
          for (const other of this.tables.values())
            other.foreignKeys = other.foreignKeys.filter((fk) => fk.referencedTable !== table.name);
      } else if (body.removeType === 'OBJECT_INDEX') {
        const found = this.#findIndex(name);
        if (!found) continue;
        this.#removeIndex(found.table, name);
        operations.push({
          kind: 'drop-index',
          name,
          table: found.table.name,
          concurrently: body.concurrent === true,
          tableExistedBefore: !this.#createdInFile.has(found.table),
          location: at(context),
        });
      }
    }
    return operations;
  }

  #rename(body: Node): void {
    if (body.renameType === 'OBJECT_TABLE') {
      const table = this.#table(body.relation);
      if (!table) return;
      const oldName = table.name;
      table.name = body.newname;
      // Re-key in place: tables stay in the order the migrations created them.
      const entries = [...this.tables].map(([key, value]): [string, Table] =>
        value === table ? [`${table.schema ?? 'public'}.${table.name}`, table] : [key, value],
      );
      this.tables.clear();
      for (const [key, value] of entries) this.tables.set(key, value);
      for (const other of this.tables.values()) {
        for (const fk of other.foreignKeys)
          if (fk.referencedTable === oldName) fk.referencedTable = table.name;
      }
    } else if (body.renameType === 'OBJECT_COLUMN') {
      const table = this.#table(body.relation);
      if (!table) return;
      renameColumn(table, body.subname, body.newname);
      for (const other of this.tables.values()) {
        for (const fk of other.foreignKeys) {
          if (fk.referencedTable === table.name)
            fk.referencedColumns = fk.referencedColumns.map((c) => (c === body.subname ? body.newname : c));
        }
      }
    } else if (body.renameType === 'OBJECT_INDEX') {
      const found = this.#findIndex(body.relation?.relname);
      if (found) {
        found.index.name = body.newname;
        this.#indexOwners.set(body.newname, found.table);
      }
    } else if (body.renameType === 'OBJECT_TABCONSTRAINT') {
      const table = this.#table(body.relation);
      const constraint =
        table &&
        [table.primaryKey, ...table.uniques, ...table.foreignKeys].find((c) => c?.name === body.subname);
      if (constraint) constraint.name = body.newname;
    }
  }

  #addIndex(table: Table, index: Index): void {
    table.indexes.push(index);
    if (index.name) this.#indexOwners.set(index.name, table);
  }

  #findIndex(name: string): { table: Table; index: Index } | undefined {
    const table = this.#indexOwners.get(name);
    if (!table || this.tables.get(`${table.schema ?? 'public'}.${table.name}`) !== table) return undefined;
    const index = table.indexes.find((i) => i.name === name);
    return index ? { table, index } : undefined;
  }

  #indexColumns(table: Table, name: string): string[] {
    return (
      table.indexes.find((i) => i.name === name)?.elements.flatMap((e) => (e.column ? [e.column] : [])) ?? []
    );
  }

  #removeIndex(table: Table, name: string): void {
    table.indexes = table.indexes.filter((i) => i.name !== name);
  }
}

function renameColumn(table: Table, from: string, to: string): void {
  const rename = (c: string) => (c === from ? to : c);
  for (const column of table.columns) if (column.name === from) column.name = to;
  const keys: Array<KeyConstraint | undefined> = [table.primaryKey, ...table.uniques];
  for (const key of keys) if (key) key.columns = key.columns.map(rename);
  for (const fk of table.foreignKeys) fk.columns = fk.columns.map(rename);
  for (const index of table.indexes) {
    index.elements = index.elements.map((e) => (e.column === from ? { ...e, column: to } : e));
    if (index.predicate?.notNullColumns)
      index.predicate.notNullColumns = index.predicate.notNullColumns.map(rename);
  }
}

function names(list: Node[] | undefined): string[] {
  return (list ?? [])
    .map((item) => item?.String?.sval)
    .filter((name): name is string => typeof name === 'string');
}

function typeName(node: Node): string {
  const parts = names(node?.names).filter((part) => part !== 'pg_catalog');
  return parts.join('.') || 'unknown';
}

/** Columns of a predicate made only of `col IS NOT NULL` joined by AND; undefined otherwise. */
function notNullConjuncts(node: Node): string[] | undefined {
  if (node?.NullTest) {
    const test = node.NullTest;
    const fields = names(test.arg?.ColumnRef?.fields);
    return test.nulltesttype === 'IS_NOT_NULL' && fields.length > 0 ? [fields.at(-1) as string] : undefined;
  }
  if (node?.BoolExpr?.boolop === 'AND_EXPR') {
    const parts = (node.BoolExpr.args ?? []).map(notNullConjuncts);
    return parts.every((p: string[] | undefined) => p !== undefined) ? parts.flat() : undefined;
  }
  return undefined;
}

/** The plain SQL statements of a PL/pgSQL body, with their 1-based line in it. */
function embeddedSql(source: string): Array<{ query: string; lineno: number }> {
  let tree: Node;
  try {
    tree = parsePlPgSql(
      `CREATE FUNCTION headroom_do() RETURNS void LANGUAGE plpgsql AS $headroom$${source}$headroom$;`,
    );
  } catch {
    return [];
  }
  const found: Array<{ query: string; lineno: number }> = [];
  const visit = (value: Node) => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      const execsql = value.PLpgSQL_stmt_execsql;
      const query = execsql?.sqlstmt?.PLpgSQL_expr?.query;
      if (typeof query === 'string') found.push({ query, lineno: execsql.lineno ?? 1 });
      for (const child of Object.values(value)) visit(child);
    }
  };
  visit(tree);
  return found;
}

/** PostgreSQL's own name for an unnamed index (before it adds a number to avoid a clash). */
function defaultIndexName(table: string, elements: IndexElement[]): string {
  return `${table}_${elements.map((e) => e.column ?? 'expr').join('_')}_idx`;
}

/** The schema a relation names; a templated one (`{{ .Namespace }}`, `${schema}`) is the default one. */
function schemaOf(relation: Node): string | undefined {
  const name: string | undefined = relation?.schemaname;
  return name && !isPlaceholder(name) ? name : undefined;
}
