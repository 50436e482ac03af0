import type { Writable } from 'node:stream';
import { getTransformStream } from '@probot/pino';
import { type LogFn, type Logger, pino } from 'pino';

/**
 * probot's own logger, built as probot builds it (the same LOG_LEVEL, LOG_FORMAT,
 * LOG_LEVEL_IN_STRING, LOG_MESSAGE_KEY and SENTRY_DSN), except for refused deliveries.
 */
export async function createAppLog(
  env: NodeJS.ProcessEnv = process.env,
  destination: NodeJS.WritableStream | Writable = pino.destination(1) as unknown as Writable,
): Promise<Logger> {
  const logFormat = env.LOG_FORMAT
    ? env.LOG_FORMAT === 'pretty'
      ? 'pretty'
      : 'json'
    : env.NODE_ENV === 'production'
      ? 'json'
      : 'pretty';
  const transform = await getTransformStream({
    logFormat,
    logLevelInString: env.LOG_LEVEL_IN_STRING === 'true',
    ...(env.SENTRY_DSN ? { sentryDsn: env.SENTRY_DSN } : {}),
  });
  transform.pipe(destination);
  return pino(
    {
      level: env.LOG_LEVEL || 'info',
      name: 'probot',
      messageKey: env.LOG_MESSAGE_KEY || 'msg',
      hooks: { logMethod: refusedDeliveriesInOneLine() },
    },
    transform,
  );
}

interface Refusal {
  delivery: string;
  event: string;
  reason: string;
}

/**
 * probot logs a refused delivery (a bad signature) twice, each time with the whole payload in the
 * error: anyone who knows the webhook URL could fill the disk. It is said once, in one short
 * line: the delivery id, the event and the reason.
 */
function refusedDeliveriesInOneLine(): (this: Logger, args: Parameters<LogFn>, method: LogFn) => void {
  const said = new Set<string>();
  return function logMethod(args, method) {
    const refusal = refusalIn(args[0]);
    if (!refusal) return method.apply(this, args);
    if (said.has(refusal.delivery)) return;
    // The ids of the last deliveries are enough to say each once: probot's two logs come together.
    if (said.size >= 1000) said.clear();
    said.add(refusal.delivery);
    // The message alone, so the pretty format prints one line too.
    method.call(this, `refused delivery ${refusal.delivery} (${refusal.event}): ${refusal.reason}`);
  };
}

/** @octokit/webhooks' verification error, alone or in the AggregateError probot passes on. */
function refusalIn(value: unknown): Refusal | undefined {
  const error = value instanceof AggregateError ? value.errors[0] : value;
  if (!(error instanceof Error)) return undefined;
  const { event, status } = error as Error & { event?: { id?: unknown; name?: unknown }; status?: number };
  if (!event || typeof status !== 'number' || status < 400 || status >= 500) return undefined;
  return {
    delivery: String(event.id ?? 'unknown'),
    event: String(event.name ?? 'unknown'),
    reason: (error.message.split('\n')[0] ?? '').replace(/^\[@octokit\/webhooks\] /, ''),
  };
}
