import type { ModelFragment } from '../../model/project-model.ts';
import type { Source } from '../source.ts';
import { readJavaScript } from './javascript.ts';
import { readPython } from './python.ts';

/** Files that are not application code running in production. */
const NOT_APP_CODE =
  /(^|\/)(tests?|__tests__|spec|e2e|cypress|playwright|migrations|scripts|examples?|docs?|fixtures|mocks?|stories)\//;
const TEST_FILE = /\.(test|spec|stories|d)\.[cm]?[jt]s$|(^|\/)(test_[^/]*|[^/]*_test|conftest)\.py$/;
const CONFIG_FILE = /(^|\/)[^/]*\.config\.[cm]?[jt]s$/;
const CODE_FILE = /\.([cm]?js|[cm]?ts|py)$/;

/** Application code: what configs cannot say (env reads, in-process caches). See javascript.ts and python.ts for how far it reads. */
export const codeSource: Source = {
  id: 'code',
  matches: (path) =>
    CODE_FILE.test(path) && !NOT_APP_CODE.test(path) && !TEST_FILE.test(path) && !CONFIG_FILE.test(path),
  read(files) {
    const fragment: Required<Pick<ModelFragment, 'envReads' | 'inProcessCaches' | 'diagnostics'>> = {
      envReads: [],
      inProcessCaches: [],
      diagnostics: [],
    };
    for (const file of files) {
      const found = file.path.endsWith('.py')
        ? { ...readPython(file), diagnostics: [] }
        : readJavaScript(file);
      fragment.envReads.push(...found.envReads);
      fragment.inProcessCaches.push(...found.inProcessCaches);
      fragment.diagnostics.push(...found.diagnostics);
    }
    return fragment;
  },
};
