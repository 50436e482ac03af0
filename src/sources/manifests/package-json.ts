import type { Diagnostic } from '../../model/location.ts';
import type { Dependency, ModelFragment, PackageManifest } from '../../model/project-model.ts';
import { clampToText } from '../located-yaml.ts';
import { directoryOf } from '../service-shape.ts';
import type { SourceFile } from '../source.ts';
import { jsonKeyPositions, type KeyPosition, keyPath } from './json-key-lines.ts';

/** Sections of package.json that declare packages; only devDependencies stay out of production. */
const SECTIONS = [
  ['dependencies', false],
  ['optionalDependencies', false],
  ['peerDependencies', false],
  ['devDependencies', true],
] as const;

/** Every package.json, workspace packages included: dependencies, scripts, each with its line. */
export function readPackageJson(file: SourceFile): ModelFragment {
  const text = file.text.replace(/^\uFEFF/, '');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { diagnostics: [invalidJson(file.path, text, error)] };
  }
  if (!isRecord(data)) {
    return {
      diagnostics: [
        {
          severity: 'error',
          origin: 'manifests',
          message: `${file.path} is not a JSON object; its dependencies and scripts were not read.`,
          location: { path: file.path, line: 1 },
        },
      ],
    };
  }
  const positions = jsonKeyPositions(text);
  const at = (...keys: string[]) => located(file.path, positions.get(keyPath(...keys)));
  const dependencies: Dependency[] = SECTIONS.flatMap(([section, dev]) =>
    Object.entries(record(data[section])).map(([name, version]) => ({
      ecosystem: 'npm' as const,
      name,
      ...(typeof version === 'string' ? { version } : {}),
      dev,
      manifest: file.path,
      location: at(section, name),
    })),
  );
  const manifest: PackageManifest = {
    path: file.path,
    directory: directoryOf(file.path),
    scripts: Object.fromEntries(
      Object.entries(record(data.scripts)).flatMap(([name, command]) =>
        typeof command === 'string' ? [[name, { value: command, location: at('scripts', name) }]] : [],
      ),
    ),
  };
  if (typeof data.name === 'string') manifest.name = data.name;
  return { dependencies, packageManifests: [manifest] };
}

function located(path: string, position: KeyPosition | undefined) {
  return position ? { path, line: position.line, column: position.column } : { path, line: 1 };
}

/** V8 names the place (`… at position 42 (line 3 column 7)`) for every error but an early end. */
function invalidJson(path: string, text: string, error: unknown): Diagnostic {
  const message = error instanceof Error ? error.message : String(error);
  const lineColumn = /\(line (\d+) column (\d+)\)/.exec(message);
  const position = /at position (\d+)/.exec(message);
  const at = lineColumn
    ? { line: Number(lineColumn[1]), column: Number(lineColumn[2]) }
    : position
      ? lineAndColumnAt(text, Number(position[1]))
      : { line: Number.POSITIVE_INFINITY, column: 1 };
  // An error at the very end (a cut file) points at the last written line, not past it.
  const line = clampToText(text, at.line);
  const location = line === at.line ? { path, ...at } : { path, line };
  return {
    severity: 'error',
    origin: 'manifests',
    message: `${path} is not valid JSON (${message.replace(/ in JSON at position.*$/, '')}); its dependencies and scripts were not read.`,
    location,
  };
}

function lineAndColumnAt(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lastBreak = before.lastIndexOf('\n');
  return { line: before.split('\n').length, column: offset - lastBreak };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function record(value: unknown): Record<string, unknown> {
  return isRecord(value) ? value : {};
}
