import { fileName } from '../../files/repository-path.ts';
import { inTestFolder } from '../../files/test-folders.ts';
import type { ModelFragment } from '../../model/project-model.ts';
import type { Source } from '../source.ts';
import { readDockerfile } from './instructions.ts';

const DOCKERFILE_NAME = /^(Dockerfile(\.[\w.-]+)?|[\w.-]+\.Dockerfile)$/;
/**
 * Start scripts a CMD or a start command may run, outside test folders: shell files, and the
 * extensionless `start`/`entrypoint` files Dockerfiles copy in (cookiecutter-django's
 * `compose/production/django/start`).
 */
const SCRIPT_NAME = /^(start|entrypoint|docker-entrypoint|start-[\w-]+|[\w-]+-entrypoint)$/;

// Tested on the file name, not the path: every listed path is asked, and a pattern that may
// start after any `/` is tried at every position of it.
const isShellScript = (path: string) => path.endsWith('.sh') || SCRIPT_NAME.test(fileName(path));

/**
 * Dockerfiles (the command the final stage starts with) and the shell scripts in the repository,
 * so a service that deploys an image, or starts `./start.sh`, is read down to its server.
 */
export const dockerfileSource: Source = {
  id: 'dockerfile',
  matches: (path) => DOCKERFILE_NAME.test(fileName(path)) || (isShellScript(path) && !inTestFolder(path)),
  read(files) {
    const fragment: Required<Pick<ModelFragment, 'dockerfiles' | 'shellScripts'>> = {
      dockerfiles: [],
      shellScripts: [],
    };
    for (const file of files) {
      if (isShellScript(file.path)) fragment.shellScripts.push({ path: file.path, text: file.text });
      else fragment.dockerfiles.push(readDockerfile(file));
    }
    return fragment;
  },
};
