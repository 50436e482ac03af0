/** A place in a file. Lines and columns are 1-based, as editors and GitHub show them. */
export interface Location {
  path: string;
  line: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
}

export type DiagnosticSeverity = 'error' | 'warning' | 'info';

/**
 * Something a source, the config loader or the review could not read or use.
 * Diagnostics never stop a review: they are reported beside the findings.
 */
export interface Diagnostic {
  severity: DiagnosticSeverity;
  /** Which part produced it: a source id (`render`, `prisma`, `sql`…), `config`, `files`, `rules`. */
  origin: string;
  message: string;
  location: Location;
}
