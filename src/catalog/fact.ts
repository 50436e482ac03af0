/**
 * A platform number a rule relies on, with where it was read and when it was checked.
 * Every number a rule uses lives in `src/catalog/`, built with `fact()`, so a reviewer can audit
 * them in one place and `test/catalog.test.ts` can insist that each one has a source.
 */
export interface Fact<T> {
  value: T;
  /** A URL (vendor docs preferred) or `owner/repo:path@commit` for a vendor repository. */
  source: string;
  /** ISO date (YYYY-MM-DD) the value was last checked against the source. */
  checked: string;
  /** Caveats: disagreement between sources, unverified parts. */
  note?: string;
}

export function fact<T>(value: T, source: string, checked: string, note?: string): Fact<T> {
  return note === undefined ? { value, source, checked } : { value, source, checked, note };
}
