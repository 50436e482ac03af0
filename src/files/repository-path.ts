import { posix } from 'node:path';

/** The last segment of a repository path: `Dockerfile` of `api/Dockerfile`. */
export function fileName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/**
 * A path written relative to a folder of the repository (`./api`, `api/Dockerfile`, `.`,
 * `../..` from a compose file's folder), as a repository path without `./`, `..` segments or a
 * trailing `/`; the root is `''`.
 */
export function repositoryPath(folder: string, written: string): string {
  const joined = posix.normalize([folder, written].filter((part) => part !== '').join('/'));
  return joined === '.' ? '' : joined.replace(/^\.\//, '').replace(/\/+$/, '');
}
