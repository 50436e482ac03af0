const NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
]);

/**
 * Worth trying again later: GitHub's 5xx, rate limits (primary and secondary) and the network
 * failing under us. A 404 or a validation error will fail the same way every time.
 */
export function isTransient(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const { status, response } = error as Error & {
    status?: number;
    response?: { headers?: Record<string, string> };
  };
  if (typeof status === 'number') {
    if (status >= 500 || status === 429) return true;
    if (status === 403) {
      return response?.headers?.['x-ratelimit-remaining'] === '0' || /rate limit/i.test(error.message);
    }
    return false;
  }
  const code = (error as { code?: string }).code ?? (error.cause as { code?: string } | undefined)?.code;
  return (
    (code !== undefined && NETWORK_CODES.has(code)) ||
    /fetch failed|socket hang up|network/i.test(error.message)
  );
}
