import type { Dependency, ModelFragment } from '../../model/project-model.ts';
import { asRecord, type LocatedToml, parseLocatedToml } from '../located-toml.ts';
import type { SourceFile } from '../source.ts';
import { normalizePythonName, parseRequirement } from './python-requirement.ts';
import { tomlArrayStringLines } from './toml-array-lines.ts';

/** A dependency group named for the deployment (`prod = ["gunicorn", "sentry-sdk"]`) is installed there. */
const PRODUCTION_GROUP = /^(prod|production|deploy|deployment|server|runtime)$/i;

/** pyproject.toml: PEP 621 (`[project]`), Poetry (`[tool.poetry]`) and uv (`[dependency-groups]`). */
export function readPyproject(file: SourceFile): ModelFragment {
  const { toml, diagnostics } = parseLocatedToml(file.path, file.text, 'manifests');
  if (!toml) return { diagnostics };
  const reader = new TomlDependencies(file, toml);
  const project = asRecord(toml.data.project);
  reader.requirementArray('project.dependencies', project.dependencies, false);
  for (const extra of Object.keys(asRecord(project['optional-dependencies'])))
    reader.requirementArray(
      `project.optional-dependencies.${extra}`,
      asRecord(project['optional-dependencies'])[extra],
      false,
    );
  const groups = asRecord(toml.data['dependency-groups']);
  for (const group of Object.keys(groups))
    reader.requirementArray(`dependency-groups.${group}`, groups[group], !PRODUCTION_GROUP.test(group));
  const tool = asRecord(toml.data.tool);
  reader.requirementArray('tool.uv.dev-dependencies', asRecord(tool.uv)['dev-dependencies'], true);
  const poetry = asRecord(tool.poetry);
  reader.versionTable('tool.poetry.dependencies', poetry.dependencies, false);
  reader.versionTable('tool.poetry.dev-dependencies', poetry['dev-dependencies'], true);
  for (const [group, body] of Object.entries(asRecord(poetry.group)))
    reader.versionTable(
      `tool.poetry.group.${group}.dependencies`,
      asRecord(body).dependencies,
      !PRODUCTION_GROUP.test(group),
    );
  return { dependencies: reader.dependencies, diagnostics };
}

/** Pipfile: `[packages]` and `[dev-packages]`, name = version or inline table. */
export function readPipfile(file: SourceFile): ModelFragment {
  const { toml, diagnostics } = parseLocatedToml(file.path, file.text, 'manifests');
  if (!toml) return { diagnostics };
  const reader = new TomlDependencies(file, toml);
  reader.versionTable('packages', toml.data.packages, false);
  reader.versionTable('dev-packages', toml.data['dev-packages'], true);
  return { dependencies: reader.dependencies, diagnostics };
}

class TomlDependencies {
  readonly dependencies: Dependency[] = [];
  readonly #file: SourceFile;
  readonly #toml: LocatedToml;

  constructor(file: SourceFile, toml: LocatedToml) {
    this.#file = file;
    this.#toml = toml;
  }

  /** An array of PEP 508 strings; tables in it (`{include-group = "x"}`) are not packages. */
  requirementArray(path: string, value: unknown, dev: boolean): void {
    if (!Array.isArray(value)) return;
    const keyLine = this.#toml.lineOf(path);
    const lines = tomlArrayStringLines(this.#file.text, keyLine);
    const strings = value.filter((item): item is string => typeof item === 'string');
    strings.forEach((item, index) => {
      const requirement = parseRequirement(item);
      // Positions are trusted only when the array read back holds as many strings as smol-toml saw.
      const line = lines?.length === strings.length ? (lines[index] ?? keyLine) : keyLine;
      if (requirement) this.#add(requirement, dev, line);
    });
  }

  /** A table of `name = "version"` or `name = { version = "…", extras = […] }` (Poetry, Pipfile). */
  versionTable(path: string, value: unknown, dev: boolean): void {
    for (const [name, spec] of Object.entries(asRecord(value))) {
      if (name.toLowerCase() === 'python') continue;
      const version = typeof spec === 'string' ? spec : asRecord(spec).version;
      this.#add(
        { name: normalizePythonName(name), ...(typeof version === 'string' ? { version } : {}) },
        dev,
        this.#toml.lineOf(`${path}.${name}`),
      );
    }
  }

  #add(requirement: { name: string; version?: string }, dev: boolean, line: number): void {
    this.dependencies.push({
      ecosystem: 'pypi',
      ...requirement,
      dev,
      manifest: this.#file.path,
      location: { path: this.#file.path, line },
    });
  }
}
