/**
 * Some tools keep both directions in one file, split by marker comments: dbmate
 * (`-- migrate:down`), goose (`-- +goose Down`) and node-pg-migrate (`-- Down Migration`).
 * Replaying the down part would undo the up part, so it is blanked out.
 */
const DOWN_MARKER = /^--\s*(?:migrate:down\b|\+goose\s+down\b|[\s-]*down\s+migration\b)/i;
const UP_MARKER = /^--\s*(?:migrate:up\b|\+goose\s+up\b|[\s-]*up\s+migration\b)/i;

/** The text with down sections emptied line by line, so every line keeps its number. */
export function upSection(text: string): string {
  // Every down marker says "down": most files (Prisma's) have none, and need no line split.
  if (!text.includes('--') || !/down/i.test(text)) return text;
  const lines = text.split('\n');
  let down = false;
  let changed = false;
  for (const [i, line] of lines.entries()) {
    const trimmed = line.trimStart();
    if (trimmed.startsWith('--')) {
      if (DOWN_MARKER.test(trimmed)) down = true;
      else if (UP_MARKER.test(trimmed)) down = false;
    }
    if (down && line !== '') {
      lines[i] = '';
      changed = true;
    }
  }
  return changed ? lines.join('\n') : text;
}

/**
 * Templating placeholders — Go `text/template` (`{{ index .Options "Namespace" }}.users`, gotrue)
 * and Flyway/Liquibase-style `${schema}`, `${flyway:defaultSchema}` — are not SQL, and the
 * parser rejects every statement that holds one. Each becomes an identifier of the same length
 * (`t_____…`), so the statement replays and every offset, hence every line, stays where it was.
 */
const PLACEHOLDER = /\{\{[^{}\n]*\}\}|\$\{[A-Za-z_][\w:.-]*\}/g;

export function withoutPlaceholders(text: string): string {
  if (!text.includes('{{') && !text.includes('${')) return text;
  return text.replace(PLACEHOLDER, (placeholder) => `t${'_'.repeat(Buffer.byteLength(placeholder) - 1)}`);
}

/** Whether an identifier is what `withoutPlaceholders` wrote (PostgreSQL keeps at most 63 bytes of it). */
export function isPlaceholder(name: string): boolean {
  return /^t_{4,}$/.test(name);
}
