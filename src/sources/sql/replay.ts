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
  /** Tables that existed when the current migration file started. */
  #existedAtFileStart = new Set<Table>();

  startFile(): void {
    this.#existedAtFileStart = new Set(this.tables.values());
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
      default:
        return [];
    }
  }

  #key(relation: Node): string {
    return `${relation?.schemaname ?? 'public'}.${relation?.relname}`;
  }

  #table(relation: Node): Table | undefined {
    return this.tables.get(this.#key(relation));
  }

  #createTable(body: Node, context: StatementContext): void {
    const relation = body.relation;
    if (!relation?.relname || body.partbound) return;
    if (this.tables.has(this.#key(relation))) return; // IF NOT EXISTS, or a re-run: the first one stands.
    const table: Table = {
      name: relation.relname,
      ...(relation.schemaname ? { schema: relation.schemaname } : {}),
      columns: [],
      uniques: [],
      indexes: [],
      foreignKeys: [],
      location: at(context, relation.location),
    };
    this.tables.set(this.#key(relation), table);
    for (const element of body.tableElts ?? []) {
      if (element.ColumnDef) this.#addColumn(table, element.ColumnDef, context);
      else if (element.Constraint) this.#addConstraint(table, element.Constraint, context);
    }
  }

  #addColumn(table: Table, def: Node, context: StatementContext): void {
    const location = at(context, def.location);
    const column: Column = {
      name: def.colname,
      type: typeName(def.typeName),
      nullable: true,
      location,
    };
    table.columns.push(column);
    for (const wrapped of def.constraints ?? []) {
      const constraint = wrapped.Constraint;
      if (!constraint) continue;
      if (constraint.contype === 'CONSTR_NOTNULL') column.nullable = false;
      else if (constraint.contype === 'CONSTR_PRIMARY') column.nullable = false;
      this.#addConstraint(
        table,
        {
          ...constraint,
          keys: [{ String: { sval: def.colname } }],
          fk_attrs: [{ String: { sval: def.colname } }],
        },
        context,
        location,
      );
    }
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
            referenced?.schemaname && referenced.schemaname !== 'public'
              ? `${referenced.schemaname}.${referenced.relname}`
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
        case 'AT_AddColumn':
          if (cmd.def?.ColumnDef && !table.columns.some((c) => c.name === cmd.def.ColumnDef.colname)) {
            this.#addColumn(table, cmd.def.ColumnDef, context);
          }
          break;
        case 'AT_DropColumn':
          this.#dropColumn(table, cmd.name);
          break;
        case 'AT_AddConstraint': {
          const constraint = cmd.def?.Constraint;
          if (!constraint) break;
          const foreignKey = this.#addConstraint(table, constraint, context);
          if (foreignKey) {
            operations.push({
              kind: 'add-foreign-key',
              table: table.name,
              foreignKey,
              notValid: constraint.skip_validation === true,
              tableExistedBefore: this.#existedAtFileStart.has(table),
              location: foreignKey.location,
            });
          }
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
    const elements: IndexElement[] = (body.indexParams ?? []).map((param: Node) => {
      const element = param.IndexElem ?? {};
      const descending = element.ordering === 'SORTBY_DESC';
      if (element.name) return { column: element.name, ...(descending ? { descending } : {}) };
      return { expression: expressionText(element.expr, context), ...(descending ? { descending } : {}) };
    });
    const method = body.accessMethod && body.accessMethod !== 'btree' ? { method: body.accessMethod } : {};
    const index: Index = {
      name: body.idxname ?? `${table.name}_${elements.map((e) => e.column ?? 'expr').join('_')}_idx`,
      elements,
      unique: body.unique === true,
      ...method,
      location: at(context),
    };
    if (body.whereClause) index.predicate = predicateOf(body.whereClause, context);
    table.indexes.push(index);
    return [
      {
        kind: 'create-index',
        table: table.name,
        index,
        concurrently: body.concurrent === true,
        tableExistedBefore: this.#existedAtFileStart.has(table),
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
        const key = parts.length > 1 ? parts.join('.') : `public.${name}`;
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
          tableExistedBefore: this.#existedAtFileStart.has(found.table),
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
      this.tables.delete(this.#key(body.relation));
      table.name = body.newname;
      this.tables.set(`${table.schema ?? 'public'}.${table.name}`, table);
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
      if (found) found.index.name = body.newname;
    } else if (body.renameType === 'OBJECT_TABCONSTRAINT') {
      const table = this.#table(body.relation);
      const constraint =
        table &&
        [table.primaryKey, ...table.uniques, ...table.foreignKeys].find((c) => c?.name === body.subname);
      if (constraint) constraint.name = body.newname;
    }
  }

  #findIndex(name: string): { table: Table; index: Index } | undefined {
    for (const table of this.tables.values()) {
      const index = table.indexes.find((i) => i.name === name);
      if (index) return { table, index };
    }
    return undefined;
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

/** The text of a predicate: from its first byte to the end of the statement. */
function predicateOf(where: Node, context: StatementContext): NonNullable<Index['predicate']> {
  const text = sliceFrom(context, firstLocation(where)).replace(/;\s*$/, '').trim();
  const notNullColumns = notNullConjuncts(where);
  return notNullColumns ? { text, notNullColumns } : { text };
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

function expressionText(expr: Node, context: StatementContext): string {
  const at = firstLocation(expr);
  return at === undefined
    ? JSON.stringify(expr)
    : sliceFrom(context, at).split(/[,)]/)[0]?.trim() || JSON.stringify(expr);
}

/** The smallest `location` in a subtree: where the expression starts in the statement. */
function firstLocation(node: Node): number | undefined {
  let best: number | undefined;
  const visit = (value: Node) => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        if (key === 'location' && typeof child === 'number' && child >= 0)
          best = best === undefined ? child : Math.min(best, child);
        else visit(child);
      }
    }
  };
  visit(node);
  return best;
}

/** The statement's text from an AST byte offset to its end. */
function sliceFrom(context: StatementContext, byteOffset: number | undefined): string {
  if (byteOffset === undefined) return '';
  return context.parsed.subarray(byteOffset, context.end).toString('utf8');
}
