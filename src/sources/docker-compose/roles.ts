import { inTestFolder } from '../../files/test-folders.ts';

/**
 * What a compose file or the Dockerfile it builds is for, by its name and folder: most compose
 * files in a repository are the laptop's (`docker-compose.dev.yml`, `e2e/compose.yaml`,
 * `Dockerfile-dev`, `compose/local/django/Dockerfile`), not a deployment.
 */
export type FileRole = 'development' | 'production' | 'unnamed';

const DEVELOPMENT_WORDS = new Set([
  'dev',
  'develop',
  'development',
  'local',
  'test',
  'tests',
  'testing',
  'e2e',
  'ci',
  'override',
  'example',
  'sample',
  'debug',
]);
/** Besides test folders: where a repository keeps its local and example setups. */
const DEVELOPMENT_FOLDERS = new Set([
  'dev',
  'development',
  'local',
  'testing',
  'ci',
  'example',
  'examples',
  '.devcontainer',
]);
const PRODUCTION_WORDS = new Set(['prod', 'production']);

export function fileRole(path: string): FileRole {
  const parts = path.split('/');
  const words = (parts.at(-1) ?? '').toLowerCase().split(/[.\-_]/);
  if (words.some((word) => PRODUCTION_WORDS.has(word))) return 'production';
  if (words.some((word) => DEVELOPMENT_WORDS.has(word))) return 'development';
  if (
    inTestFolder(path) ||
    parts.slice(0, -1).some((folder) => DEVELOPMENT_FOLDERS.has(folder.toLowerCase()))
  )
    return 'development';
  return 'unnamed';
}

/** `build: { target: development }`: the image's development stage. */
export function isDevelopmentTarget(target: string | undefined): boolean {
  return target !== undefined && /^(dev|develop|development|test|testing|local)$/i.test(target);
}
