/**
 * Paths that health checks are served on by convention: Rails' `/up`, `/health`, `/healthz`,
 * `/healthcheck`, `/livez`, `/readyz`, `/ping`, under an optional `/api` or `/api/v1` and with a
 * sub-path (`/health/ready`). A user-facing `/status` page is left out: it is often not a probe.
 */
const HEALTH_PATH =
  /^\/(?:api\/)?(?:v\d+\/)?(?:up|_?health(?:z|[-_]?check)?(?:\/(?:live|liveness|ready|readiness|alive))?|livez|readyz|ping)\/?$/i;

/**
 * The request path a route literal declares, when it is a health check: `"up"`, `"/healthz"`,
 * Django's `"health/"`, `r"^health/$"`; `undefined` for any other route.
 */
export function healthPath(literal: string): string | undefined {
  const bare = literal.replace(/^\^/, '').replace(/\$$/, '');
  const path = bare.startsWith('/') ? bare : `/${bare}`;
  return HEALTH_PATH.test(path) ? path.replace(/(.)\/$/, '$1') : undefined;
}
