/** PEP 503: names compare lower-cased, with runs of `-`, `_` and `.` as one `-`. */
export function normalizePythonName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

const NAME = /^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?/;

/**
 * A PEP 508 requirement: `uvicorn[standard]>=0.30 ; python_version >= "3.9"`,
 * `Django (>=4.2,<5)`, `pkg @ https://…`. Answers the normalized name and the version
 * specifier as written (without spaces), or undefined when the text starts with no name.
 */
export function parseRequirement(text: string): { name: string; version?: string } | undefined {
  const spec = (text.split(';')[0] ?? '').trim();
  const name = NAME.exec(spec)?.[0];
  if (!name) return undefined;
  let rest = spec.slice(name.length).trimStart();
  if (rest.startsWith('[')) {
    const close = rest.indexOf(']');
    if (close < 0) return undefined;
    rest = rest.slice(close + 1).trimStart();
  }
  const normalized = normalizePythonName(name);
  if (rest === '' || rest.startsWith('@')) return { name: normalized };
  const version = rest.replace(/^\((.*)\)$/, '$1').replace(/\s+/g, '');
  if (!/^(===|==|!=|~=|<=|>=|<|>)/.test(version)) return undefined;
  return { name: normalized, version };
}
