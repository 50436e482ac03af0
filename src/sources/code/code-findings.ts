import type { Diagnostic } from '../../model/location.ts';
import type { EnvRead, InProcessCache, RequestHandler } from '../../model/project-model.ts';

/** What reading one application file yields. */
export interface CodeFindings {
  envReads: EnvRead[];
  inProcessCaches: InProcessCache[];
  requestHandlers: RequestHandler[];
  diagnostics: Diagnostic[];
}
