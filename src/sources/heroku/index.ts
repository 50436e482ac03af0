import type { Diagnostic } from '../../model/location.ts';
import type { ModelFragment } from '../../model/project-model.ts';
import { baseService, directoryOf } from '../service-shape.ts';
import type { Source } from '../source.ts';

/** A Procfile: one service per process type; `web` serves HTTP, `release` runs at deploy and is no service. */
export const herokuSource: Source = {
  id: 'heroku',
  matches: (path) => path === 'Procfile' || path.endsWith('/Procfile'),
  read(files) {
    const fragment: Required<Pick<ModelFragment, 'services' | 'diagnostics'>> = {
      services: [],
      diagnostics: [],
    };
    for (const file of files) {
      file.text.split(/\r?\n/).forEach((raw, index) => {
        const line = raw.trim();
        if (!line || line.startsWith('#')) return;
        const location = { path: file.path, line: index + 1 };
        const colon = line.indexOf(':');
        const type = colon > 0 ? line.slice(0, colon).trim() : '';
        const command = line.slice(colon + 1).trim();
        if (!/^[A-Za-z0-9_-]+$/.test(type) || !command) {
          fragment.diagnostics.push(
            problem(location, `${file.path}: expected \`<process type>: <command>\`; this line was skipped.`),
          );
          return;
        }
        if (type === 'release') return;
        const service = baseService(
          'heroku',
          type,
          type === 'web' ? 'web' : 'worker',
          location,
          directoryOf(file.path),
        );
        service.startCommand = { value: command, location };
        fragment.services.push(service);
      });
    }
    return fragment;
  },
};

function problem(location: Diagnostic['location'], message: string): Diagnostic {
  return { severity: 'warning', origin: 'heroku', message, location };
}
