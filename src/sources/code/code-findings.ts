import type { Diagnostic } from '../../model/location.ts';
import type {
  EnvRead,
  HealthEndpoint,
  InProcessCache,
  RequestHandler,
  SharedCacheBackend,
} from '../../model/project-model.ts';

/** What reading one application file yields. */
export interface CodeFindings {
  envReads: EnvRead[];
  inProcessCaches: InProcessCache[];
  sharedCacheBackends: SharedCacheBackend[];
  requestHandlers: RequestHandler[];
  healthEndpoints: HealthEndpoint[];
  diagnostics: Diagnostic[];
}

export function emptyCodeFindings(): CodeFindings {
  return {
    envReads: [],
    inProcessCaches: [],
    sharedCacheBackends: [],
    requestHandlers: [],
    healthEndpoints: [],
    diagnostics: [],
  };
}
