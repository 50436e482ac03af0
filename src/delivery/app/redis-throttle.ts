import Bottleneck from 'bottleneck';
import { Redis } from 'ioredis';

/**
 * Bottleneck's connection to the App's Redis, so that GitHub's request spacing holds across
 * every process. probot would import ioredis with npx at run time, which an offline image
 * cannot; this one is bundled.
 */
export function redisThrottle(url: string): Bottleneck.IORedisConnection {
  return new Bottleneck.IORedisConnection({ client: new Redis(url, { maxRetriesPerRequest: null }) });
}
