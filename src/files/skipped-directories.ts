/**
 * Folders never worth reading for a scaling review: VCS data, installed dependencies,
 * virtualenvs, build output and caches. Matching is by folder name at any depth.
 */
const SKIPPED = new Set([
  '.git',
  '.hg',
  '.svn',
  'node_modules',
  'bower_components',
  'vendor',
  'third_party',
  '.venv',
  'venv',
  '__pycache__',
  '.tox',
  '.mypy_cache',
  '.pytest_cache',
  'dist',
  'build',
  'out',
  '.next',
  '.nuxt',
  '.svelte-kit',
  '.turbo',
  '.vercel',
  '.netlify',
  '.cache',
  'coverage',
  'target',
]);

export function isSkippedDirectory(name: string): boolean {
  return SKIPPED.has(name);
}

/** True when any folder on the path is one of the skipped ones (for sets listed as flat paths). */
export function isInSkippedDirectory(path: string): boolean {
  const parts = path.split('/');
  return parts.slice(0, -1).some(isSkippedDirectory);
}
