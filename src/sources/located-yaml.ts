import { type Document, isAlias, isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import type { Diagnostic, Location } from '../model/location.ts';

/**
 * A YAML node with its file and line, so every value a source reads keeps where it was written.
 * Reading never throws: a wrong shape simply reads as absent.
 */
export class LocatedNode {
  readonly node: Node | null | undefined;
  readonly #path: string;
  readonly #lines: LineCounter;
  readonly #fallbackLine: number;
  readonly #document: Document | undefined;

  constructor(
    node: Node | null | undefined,
    path: string,
    lines: LineCounter,
    fallbackLine = 1,
    document?: Document,
  ) {
    // An alias (`*common`) reads as the node it names.
    this.node = isAlias(node) && document ? (node.resolve(document) as Node | undefined) : node;
    this.#path = path;
    this.#lines = lines;
    this.#fallbackLine = fallbackLine;
    this.#document = document;
  }

  #child(node: Node | null | undefined, fallbackLine: number): LocatedNode {
    return new LocatedNode(node, this.#path, this.#lines, fallbackLine, this.#document);
  }

  get location(): Location {
    const offset = this.node?.range?.[0];
    return {
      path: this.#path,
      line: offset === undefined ? this.#fallbackLine : this.#lines.linePos(offset).line,
    };
  }

  get isMap(): boolean {
    return isMap(this.node);
  }

  /**
   * The value under `key` of a mapping (located at the key when the value is empty), or of the
   * mappings it merges with `<<: *base` (compose files share settings that way).
   */
  get(key: string): LocatedNode | undefined {
    if (!isMap(this.node)) return undefined;
    const pair = this.node.items.find((item) => isScalar(item.key) && String(item.key.value) === key);
    if (!pair) {
      const merged = key === '<<' ? undefined : this.get('<<');
      if (!merged) return undefined;
      for (const base of merged.isMap ? [merged] : merged.items()) {
        const found = base.get(key);
        if (found) return found;
      }
      return undefined;
    }
    const keyOffset = (pair.key as Node).range?.[0];
    const keyLine = keyOffset === undefined ? this.location.line : this.#lines.linePos(keyOffset).line;
    return this.#child(pair.value as Node | null, keyLine);
  }

  items(): LocatedNode[] {
    if (!isSeq(this.node)) return [];
    return this.node.items.map((item) => this.#child(item as Node, this.location.line));
  }

  entries(): Array<[string, LocatedNode]> {
    if (!isMap(this.node)) return [];
    return this.node.items
      .filter((item) => isScalar(item.key))
      .map((item) => {
        const keyOffset = (item.key as Node).range?.[0];
        const line = keyOffset === undefined ? this.location.line : this.#lines.linePos(keyOffset).line;
        return [String((item.key as { value: unknown }).value), this.#child(item.value as Node | null, line)];
      });
  }

  string(): string | undefined {
    if (!isScalar(this.node) || this.node.value === null || this.node.value === undefined) return undefined;
    const value = this.node.value;
    return typeof value === 'object' ? undefined : String(value);
  }

  number(): number | undefined {
    if (!isScalar(this.node)) return undefined;
    const value = typeof this.node.value === 'string' ? Number(this.node.value) : this.node.value;
    return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
  }

  boolean(): boolean | undefined {
    return isScalar(this.node) && typeof this.node.value === 'boolean' ? this.node.value : undefined;
  }
}

/** Parses YAML keeping positions; syntax errors become diagnostics with their line. */
export function parseLocatedYaml(
  path: string,
  text: string,
  origin: string,
): { root?: LocatedNode; diagnostics: Diagnostic[] } {
  const lines = new LineCounter();
  const parsed = parseYaml(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: false });
  if ('tooDeep' in parsed)
    return {
      diagnostics: [
        {
          severity: 'error',
          origin,
          message: `${path} is not valid YAML: it is nested deeper than the YAML parser can read.`,
          location: { path, line: clampToText(text, lines.linePos(parsed.tooDeep).line) },
        },
      ],
    };
  const { document } = parsed;
  const diagnostics = yamlErrors(document.errors, text, lines, (reason, line) => ({
    severity: 'error',
    origin,
    message: `${path} is not valid YAML: ${reason}`,
    location: { path, line },
  }));
  if (diagnostics.length > 0) return { diagnostics };
  return { root: new LocatedNode(document.contents, path, lines, 1, document), diagnostics };
}

/** YAML errors reported per file; the last one says how many more there were. */
export const MAX_YAML_ERRORS_PER_FILE = 5;

/**
 * The first errors of a document as diagnostics, the last counting the rest: an unclosed bracket
 * repeated a hundred thousand times is one problem, not a hundred thousand lines.
 */
export function yamlErrors(
  errors: ReadonlyArray<{ message: string; pos: [number, number] }>,
  text: string,
  lines: LineCounter,
  diagnostic: (reason: string, line: number) => Diagnostic,
): Diagnostic[] {
  const shown = errors
    .slice(0, MAX_YAML_ERRORS_PER_FILE)
    .map((error) =>
      diagnostic(error.message.split('\n')[0] ?? '', clampToText(text, lines.linePos(error.pos[0]).line)),
    );
  const more = errors.length - shown.length;
  const last = shown.at(-1);
  if (more > 0 && last) last.message += ` (and ${more} more YAML errors in this file)`;
  return shown;
}

/**
 * `parseDocument`, safe on any text. The parser recurses per level of nesting: a document nested
 * thousands deep runs it out of stack, sometimes recorded among its errors (in several places
 * at once), sometimes thrown. Either way that is one problem, at one offset.
 */
export function parseYaml(
  text: string,
  options: Parameters<typeof parseDocument>[1],
): { document: ReturnType<typeof parseDocument> } | { tooDeep: number } {
  let document: ReturnType<typeof parseDocument>;
  try {
    document = parseDocument(text, options);
  } catch (error) {
    if (error instanceof RangeError) return { tooDeep: 0 };
    throw error;
  }
  const overflow = document.errors.find((error) => /call stack|stack overflow/i.test(error.message));
  return overflow ? { tooDeep: overflow.pos[0] } : { document };
}

/** An error at the very end (an unclosed quote or bracket) points at the last written line. */
export function clampToText(text: string, line: number): number {
  return Math.min(line, writtenLines(text));
}

// A file with thousands of errors clamps each against the same text: its line count is kept
// for the last text seen, so a 160 KB config of repeated keys is not read once per error.
let counted: { text: string; lines: number } | undefined;

function writtenLines(text: string): number {
  if (counted?.text !== text) {
    let end = text.length;
    while (end > 0 && /\s/.test(text[end - 1] as string)) end--;
    let lines = 1;
    for (let i = text.indexOf('\n'); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) lines++;
    counted = { text, lines };
  }
  return counted.lines;
}
