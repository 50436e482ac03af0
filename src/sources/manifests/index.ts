import { fileName } from '../../files/repository-path.ts';
import { mergeFragments } from '../../model/build-model.ts';
import type { ModelFragment } from '../../model/project-model.ts';
import type { Source, SourceFile } from '../source.ts';
import { readPackageJson } from './package-json.ts';
import { readPipfile, readPyproject } from './pyproject.ts';
import { isRequirementsFile, readRequirements } from './requirements-txt.ts';

function readerFor(path: string): ((file: SourceFile) => ModelFragment) | undefined {
  const name = fileName(path);
  if (name === 'package.json') return readPackageJson;
  if (name === 'pyproject.toml') return readPyproject;
  if (name === 'Pipfile') return readPipfile;
  if (isRequirementsFile(path)) return readRequirements;
  return undefined;
}

/** Dependency manifests: every package.json (workspaces included), requirements files, pyproject.toml, Pipfile. */
export const manifestsSource: Source = {
  id: 'manifests',
  matches: (path) => readerFor(path) !== undefined,
  read(files) {
    return mergeFragments(files.flatMap((file) => readerFor(file.path)?.(file) ?? []));
  },
};
