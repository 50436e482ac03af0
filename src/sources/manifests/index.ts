import { mergeFragments } from '../../model/build-model.ts';
import type { ModelFragment } from '../../model/project-model.ts';
import type { Source, SourceFile } from '../source.ts';
import { readPackageJson } from './package-json.ts';
import { readPyproject, readRequirements } from './python.ts';

function readerFor(path: string): ((file: SourceFile) => ModelFragment) | undefined {
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (name === 'package.json') return readPackageJson;
  if (name === 'pyproject.toml') return readPyproject;
  if (/^requirements.*\.txt$/.test(name) || (path.includes('requirements/') && name.endsWith('.txt')))
    return readRequirements;
  return undefined;
}

/** Dependency manifests: every package.json (workspaces included), requirements files, pyproject.toml. */
export const manifestsSource: Source = {
  id: 'manifests',
  matches: (path) => readerFor(path) !== undefined,
  read(files) {
    return mergeFragments(
      files.map((file) => (readerFor(file.path) as (file: SourceFile) => ModelFragment)(file)),
    );
  },
};
