import type { Dependency, ModelFragment, PackageManifest } from '../../model/project-model.ts';
import { parseLocatedYaml } from '../located-yaml.ts';
import type { SourceFile } from '../source.ts';

const SECTIONS = [
  ['dependencies', false],
  ['optionalDependencies', false],
  ['peerDependencies', false],
  ['devDependencies', true],
] as const;

/** package.json read through the YAML parser (JSON is YAML 1.2), which keeps every key's line. */
export function readPackageJson(file: SourceFile): ModelFragment {
  const { root, diagnostics } = parseLocatedYaml(file.path, file.text, 'manifests');
  if (!root?.isMap) {
    return {
      diagnostics: diagnostics.length
        ? diagnostics
        : [
            {
              severity: 'warning',
              origin: 'manifests',
              message: `${file.path} is not a JSON object.`,
              location: { path: file.path, line: 1 },
            },
          ],
    };
  }
  const dependencies: Dependency[] = [];
  for (const [section, dev] of SECTIONS) {
    for (const [name, version] of root.get(section)?.entries() ?? []) {
      const range = version.string();
      dependencies.push({
        ecosystem: 'npm',
        name,
        ...(range ? { version: range } : {}),
        dev,
        manifest: file.path,
        location: version.location,
      });
    }
  }
  const directory = file.path.includes('/') ? file.path.slice(0, file.path.lastIndexOf('/')) : '';
  const manifest: PackageManifest = {
    path: file.path,
    directory,
    scripts: Object.fromEntries(
      (root.get('scripts')?.entries() ?? []).flatMap(([name, command]) => {
        const text = command.string();
        return text === undefined ? [] : [[name, { value: text, location: command.location }]];
      }),
    ),
  };
  const name = root.get('name')?.string();
  if (name) manifest.name = name;
  return { dependencies, packageManifests: [manifest], diagnostics };
}
