import type { IncomingMessage, ServerResponse } from 'node:http';
import type { JobQueue } from '../queue/job-queue.ts';
import type { AppMetrics } from './metrics.ts';

/**
 * `GET /healthz` (web and queue; 503 when the queue is not reachable) and `GET /metrics`
 * (Prometheus text format), served beside the webhook by the App and by each worker.
 */
export function opsRoutes(queue: JobQueue, metrics: AppMetrics, role: 'web' | 'worker') {
  return async (request: IncomingMessage, response: ServerResponse): Promise<boolean> => {
    if (request.method !== 'GET') return false;
    const path = request.url?.split('?')[0];
    if (path === '/healthz') {
      const health = await queue.health();
      const body = {
        status: health.ok ? 'ok' : 'unavailable',
        role,
        queue: { engine: queue.engine, ...health },
      };
      response
        .writeHead(health.ok ? 200 : 503, { 'content-type': 'application/json' })
        .end(JSON.stringify(body));
      return true;
    }
    if (path === '/metrics') {
      const text = await metrics.registry.metrics();
      response.writeHead(200, { 'content-type': metrics.registry.contentType }).end(text);
      return true;
    }
    return false;
  };
}
