/**
 * Folders that hold tests and what they run on: fixtures, stubs, mocks, end-to-end suites. What
 * sits under them (migrations, start scripts, env files) is never what a deployment runs.
 */
export const TEST_FOLDERS: ReadonlySet<string> = new Set([
  'test',
  'tests',
  '__tests__',
  'testdata',
  'fixtures',
  'stub',
  'stubs',
  'mocks',
  'e2e',
  'spec',
  'cypress',
  'playwright',
]);

/** Whether a folder on the path (not the file name) is a test folder. */
export function inTestFolder(path: string): boolean {
  return path
    .split('/')
    .slice(0, -1)
    .some((folder) => TEST_FOLDERS.has(folder.toLowerCase()));
}
