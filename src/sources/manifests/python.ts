import type { Dependency, ModelFragment } from '../../model/project-model.ts';
import { asRecord, parseLocatedToml } from '../located-toml.ts';
import type { SourceFile } from '../source.ts';

/** PEP 503: names compare lower-cased with runs of `-`, `_` and `.` as one `-`. */
export function normalizePythonName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

/** `uvicorn[standard]>=0.30; python_version >= "3.9"` → name and version spec. */
export function parseRequirement(text: string): { name: string; version?: string } | undefined {
  const spec = text.split(';')[0]?.trim() ?? '';
  let end = 0;
  while (end < spec.length && /[A-Za-z0-9._-]/.test(spec[end] as string)) end++;
  if (end === 0) return undefined;
  const name = normalizePythonName(spec.slice(0, end));
  const rest = spec
    .slice(end)
    .replace(/^\[[^\]]*\]/, '')
    .trim();
  return rest ? { name, version: rest } : { name };
}

/** requirements*.txt: one requirement a line; options (-r, -e, --hash) and URLs are not packages. */
export function readRequirements(file: SourceFile): ModelFragment {
  const dependencies: Dependency[] = [];
  const lines = file.text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    let line = (lines[i] as string).replace(/(^|\s)#.*$/, '').trim();
    const first = i + 1;
    while (line.endsWith('\\') && i + 1 < lines.length)
      line = `${line.slice(0, -1)} ${(lines[++i] as string).trim()}`;
    if (!line || line.startsWith('-') || line.includes('://')) continue;
    const requirement = parseRequirement(line.split(/\s--/)[0] ?? line);
    if (requirement)
      dependencies.push({
        ecosystem: 'pypi',
        ...requirement,
        dev: /dev|test/i.test(file.path),
        manifest: file.path,
        location: { path: file.path, line: first },
      });
  }
  return { dependencies };
}

/** pyproject.toml: PEP 621, Poetry and uv dependency groups. */
export function readPyproject(file: SourceFile): ModelFragment {
  const { toml, diagnostics } = parseLocatedToml(file.path, file.text, 'manifests');
  if (!toml) return { diagnostics };
  const data = toml.data;
  const lines = file.text.split(/\r?\n/);
  const lineOf = (needle: string) => {
    const index = lines.findIndex((line) => line.includes(needle));
    return index < 0 ? 1 : index + 1;
  };
  const dependencies: Dependency[] = [];
  const add = (requirement: string, dev: boolean) => {
    const parsed = parseRequirement(requirement);
    if (parsed)
      dependencies.push({
        ecosystem: 'pypi',
        ...parsed,
        dev,
        manifest: file.path,
        location: { path: file.path, line: lineOf(requirement) },
      });
  };
  const project = asRecord(data.project);
  for (const item of list(project.dependencies)) add(item, false);
  for (const group of Object.values(asRecord(project['optional-dependencies'])))
    for (const item of list(group)) add(item, false);
  for (const group of Object.values(asRecord(data['dependency-groups'])))
    for (const item of list(group)) add(item, true);
  const poetry = asRecord(asRecord(data.tool).poetry);
  for (const [name, version] of Object.entries(asRecord(poetry.dependencies))) {
    if (name.toLowerCase() === 'python') continue;
    dependencies.push({
      ecosystem: 'pypi',
      name: normalizePythonName(name),
      ...(typeof version === 'string' ? { version } : {}),
      dev: false,
      manifest: file.path,
      location: { path: file.path, line: lineOf(name) },
    });
  }
  for (const group of Object.values(asRecord(poetry.group))) {
    for (const name of Object.keys(asRecord(asRecord(group).dependencies))) {
      dependencies.push({
        ecosystem: 'pypi',
        name: normalizePythonName(name),
        dev: true,
        manifest: file.path,
        location: { path: file.path, line: lineOf(name) },
      });
    }
  }
  return { dependencies };
}

function list(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
