import { fileName } from '../../files/repository-path.ts';
import type { Diagnostic } from '../../model/location.ts';
import type { Dependency, ModelFragment } from '../../model/project-model.ts';
import { directoryOf } from '../service-shape.ts';
import type { SourceFile } from '../source.ts';
import { normalizePythonName, parseRequirement } from './python-requirement.ts';

const REQUIREMENTS_NAME = /requirements[^/]*\.txt$/i;
/** File names that hold development-only requirements (`requirements-dev.txt`, `requirements/test.txt`). */
const DEV_NAME = /(^|[-_.])(dev|develop|development|test|tests|testing|lint|docs|ci)([-_.]|$)/i;
/** `-r`/`-c` and their long forms name another requirements file. */
const INCLUDE = /^(?:-r|-c|--requirement|--constraint)(?:\s+|=)(\S+)/;
/** A URL or local path instead of a `name…` requirement. */
const DIRECT_REFERENCE = /^([a-z][a-z0-9+.-]*:\/\/|\.|\/)/i;
const EDITABLE = /^(?:-e|--editable)(?:\s+|=)(\S+)/;

export function isRequirementsFile(path: string): boolean {
  return REQUIREMENTS_NAME.test(fileName(path)) || /(^|\/)requirements\/[^/]+\.txt$/.test(path);
}

/**
 * pip's requirements format: one requirement a line, `\` continuations, ` #` comments,
 * options (`-r`, `-c`, `-i`, `--hash=…`), editable installs and direct URLs (named by `#egg=`).
 */
export function readRequirements(file: SourceFile): ModelFragment {
  const dependencies: Dependency[] = [];
  const diagnostics: Diagnostic[] = [];
  const dev = DEV_NAME.test(stem(file.path));
  const lines = file.text.replace(/^\uFEFF/, '').split(/\r?\n/);
  for (let index = 0; index < lines.length; index++) {
    const line = index + 1;
    let logical = lines[index] as string;
    while (logical.endsWith('\\') && index + 1 < lines.length)
      logical = `${logical.slice(0, -1)} ${lines[++index]}`;
    const text = logical.replace(/(^|\s)#.*$/, '').trim();
    if (text === '') continue;
    const include = INCLUDE.exec(text)?.[1];
    if (include) {
      if (!isRequirementsFile(joinPath(directoryOf(file.path), include)))
        diagnostics.push({
          severity: 'info',
          origin: 'manifests',
          message: `${file.path} includes ${include}, whose name Headroom does not recognise as a requirements file; its packages were not read.`,
          location: { path: file.path, line },
        });
      continue;
    }
    const target = EDITABLE.exec(text)?.[1] ?? text;
    const requirement = DIRECT_REFERENCE.test(target)
      ? eggName(target)
      : target.startsWith('-')
        ? null
        : parseRequirement(target.split(/\s+--?[a-z]/i)[0] ?? target);
    if (requirement === null) continue;
    if (requirement === undefined) {
      diagnostics.push({
        severity: 'warning',
        origin: 'manifests',
        message: `${file.path}:${line} is not a requirement Headroom can read; the line was skipped.`,
        location: { path: file.path, line },
      });
      continue;
    }
    dependencies.push({
      ecosystem: 'pypi',
      ...requirement,
      dev,
      manifest: file.path,
      location: { path: file.path, line },
    });
  }
  return { dependencies, diagnostics };
}

/** A URL or path install names its package only through `#egg=name`; without one it is skipped. */
function eggName(target: string): { name: string } | null {
  const egg = /[#&]egg=([A-Za-z0-9._-]+)/.exec(target)?.[1];
  return egg ? { name: normalizePythonName(egg) } : null;
}

function stem(path: string): string {
  return fileName(path).replace(/\.txt$/i, '');
}

function joinPath(directory: string, relative: string): string {
  const parts = directory ? directory.split('/') : [];
  for (const part of relative.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.' && part !== '') parts.push(part);
  }
  return parts.join('/');
}
