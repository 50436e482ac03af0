/**
 * A path written relative to a folder of the repository (`./api`, `api/Dockerfile`, `.`), as a
 * repository path without `./` or a trailing `/`.
 */
export function repositoryPath(folder: string, written: string): string {
  const relative = written.replace(/^\.(\/|$)/, '').replace(/\/+$/, '');
  return [folder, relative].filter((part) => part !== '').join('/');
}
