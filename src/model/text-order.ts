/**
 * Orders strings by their UTF-16 code units: the same order on every machine and locale, and it
 * spares a review the ~10 ms ICU's collator takes to start on the first `localeCompare`.
 */
export function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
