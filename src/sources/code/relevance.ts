/**
 * Which files are application code that runs in production, by path alone (the GitHub App
 * fetches every file a source wants, so the list must stay short).
 */

const CODE_FILE = /\.([cm]?[jt]sx?|py)$/;
const DECLARATION_FILE = /\.d\.[cm]?ts$/;
const TEST_FILE =
  /\.(test|spec|stories|story|bench)\.[cm]?[jt]sx?$|(^|\/)(test_[^/]*|[^/]*_test|conftest)\.py$/;
/**
 * Folders of tests, tooling, assets served as-is, generated code and documentation; Django's
 * `management/commands/` are command-line tools run by hand.
 */
const NOT_APP_FOLDER =
  /(^|\/)(tests?|__tests__|__mocks__|spec|e2e|cypress|playwright|migrations|alembic|scripts|examples?|docs?|fixtures|mocks?|stories|public|static|assets|generated|__generated__|seeds?|seeders|bench(marks?)?|cli|management\/commands)\//;
/** Hidden folders: `.github`, `.storybook`, `.husky`… */
const HIDDEN_FOLDER = /(^|\/)\.[^/]+\//;
/** Configuration of build and lint tools (`next.config.mjs`, `.eslintrc.js`, `gulpfile.js`, `setup.py`). */
const TOOL_FILE =
  /(^|\/)([^/]*\.config|\.[^/]*rc|gulpfile|gruntfile|jest\.setup|vitest\.setup|setup|noxfile|fabfile|seeds?)\.[cm]?[jt]s$|(^|\/)(setup|noxfile|fabfile)\.py$/i;
const MINIFIED = /\.(min|bundle|chunk)\.[cm]?js$/;

export function isApplicationCode(path: string): boolean {
  return (
    CODE_FILE.test(path) &&
    !DECLARATION_FILE.test(path) &&
    !TEST_FILE.test(path) &&
    !NOT_APP_FOLDER.test(path) &&
    !HIDDEN_FOLDER.test(path) &&
    !TOOL_FILE.test(path) &&
    !MINIFIED.test(path)
  );
}
