import { lazyModule } from '../lazy-module.ts';

/** The exports of libpg-query's Emscripten module that the parser calls. */
interface PgQueryWasm {
  /** Replaced when the module's memory grows: read it after every allocation. */
  HEAPU8: Uint8Array;
  getValue(pointer: number, type: 'i32'): number;
  _malloc(size: number): number;
  _free(pointer: number): void;
  _wasm_parse_query_raw(query: number): number;
  _wasm_free_parse_result(result: number): void;
  _wasm_parse_plpgsql(query: number): number;
  _wasm_free_string(text: number): void;
}

/** A statement PostgreSQL's parser rejects; `cursorPosition` counts characters from 0, as libpg-query's does. */
class SqlSyntaxError extends Error {
  readonly sqlDetails: { cursorPosition: number };

  constructor(message: string, cursorPosition: number) {
    super(message);
    this.sqlDetails = { cursorPosition };
  }
}

/**
 * PostgreSQL's parser (libpg-query's WebAssembly), loaded on first use: a project without SQL
 * files should not pay for it. It is called here through its Emscripten exports rather than
 * libpg-query's wrapper, which encodes each file into the module's memory and finds the end of
 * the JSON it returns one character at a time in JavaScript; the replay already holds each
 * file's UTF-8 bytes, copied in at once, and the end is found natively.
 */
const postgres = lazyModule<PgQueryWasm>('the PostgreSQL parser', async () => {
  const { default: createModule } = await import('libpg-query/wasm/libpg-query.js');
  return (await createModule()) as PgQueryWasm;
});

/** Resolves once the parser can be called; every SQL reader awaits it before parsing. */
export const loadPostgresParser = postgres.load;

const utf8 = new TextDecoder();

/** The statements of `sql` (UTF-8 bytes) as libpg-query's JSON parse tree. */
// biome-ignore lint/suspicious/noExplicitAny: the parse tree is read defensively by the replay.
export function parseSql(sql: Uint8Array): { stmts?: any[] } {
  const wasm = postgres.get();
  return withQuery(wasm, sql, (query) => {
    const result = wasm._wasm_parse_query_raw(query);
    if (!result) throw new Error('the PostgreSQL parser could not allocate its result');
    try {
      // PgQueryParseResult { char *parse_tree; char *stderr_buffer; PgQueryError *error; }
      const error = wasm.getValue(result + 8, 'i32');
      if (error) {
        // PgQueryError { char *message; char *funcname; char *filename; int lineno; int cursorpos; }
        const cursor = wasm.getValue(error + 16, 'i32');
        throw new SqlSyntaxError(
          textAt(wasm, wasm.getValue(error, 'i32')) || 'syntax error',
          Math.max(0, cursor - 1),
        );
      }
      return JSON.parse(textAt(wasm, wasm.getValue(result, 'i32')) || '{}');
    } finally {
      wasm._wasm_free_parse_result(result);
    }
  });
}

/** The PL/pgSQL parse tree of a function or `DO` body. */
// biome-ignore lint/suspicious/noExplicitAny: the parse tree is read defensively by the replay.
export function parsePlPgSql(sql: string): any {
  const wasm = postgres.get();
  return withQuery(wasm, sql, (query) => {
    const result = wasm._wasm_parse_plpgsql(query);
    try {
      const text = textAt(wasm, result);
      // Success is always a JSON object; anything else is the parser's error message.
      if (!text.startsWith('{')) throw new SqlSyntaxError(text, 0);
      return JSON.parse(text);
    } finally {
      if (result) wasm._wasm_free_string(result);
    }
  });
}

/** Runs `parse` on a NUL-terminated copy of `sql` in the module's memory, freed afterwards. */
function withQuery<T>(wasm: PgQueryWasm, sql: Uint8Array | string, parse: (query: number) => T): T {
  const bytes = typeof sql === 'string' ? Buffer.from(sql, 'utf8') : sql;
  const query = wasm._malloc(bytes.length + 1);
  if (!query) throw new Error('the PostgreSQL parser could not allocate the query');
  try {
    const heap = wasm.HEAPU8;
    heap.set(bytes, query);
    heap[query + bytes.length] = 0;
    return parse(query);
  } finally {
    wasm._free(query);
  }
}

function textAt(wasm: PgQueryWasm, pointer: number): string {
  if (!pointer) return '';
  const heap = wasm.HEAPU8;
  return utf8.decode(heap.subarray(pointer, heap.indexOf(0, pointer)));
}
