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

/** One test for any of them as a folder (followed by `/`), in any case: it runs on every path listed. */
const IN_TEST_FOLDER = new RegExp(`(?:^|/)(?:${[...TEST_FOLDERS].join('|')})/`, 'i');

/** Whether a folder on the path (not the file name) is a test folder. */
export function inTestFolder(path: string): boolean {
  return IN_TEST_FOLDER.test(path);
}
