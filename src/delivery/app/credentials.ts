import { existsSync } from 'node:fs';
import { getPrivateKey } from '@probot/get-private-key';

/** How the App authenticates, read from the same variables probot reads. */
export interface AppCredentials {
  appId: number;
  privateKey: string;
  secret?: string;
  /** GitHub Enterprise Server's API, from GHE_HOST and GHE_PROTOCOL; github.com otherwise. */
  baseUrl?: string;
}

/**
 * The `.env` probot's registration wrote, for the variables the environment does not already set
 * (probot's own `run` reads it too, but the App starts its server itself).
 */
export function loadDotEnv(path = '.env'): void {
  if (existsSync(path)) process.loadEnvFile(path);
}

/** Undefined until the App is registered (no APP_ID or key yet): `npm start` then serves probot's setup. */
export function readCredentials(env: NodeJS.ProcessEnv = process.env): AppCredentials | undefined {
  const appId = Number(env.APP_ID);
  const privateKey = getPrivateKey({ env })?.toString();
  if (!appId || !privateKey) return undefined;
  return {
    appId,
    privateKey,
    ...(env.WEBHOOK_SECRET ? { secret: env.WEBHOOK_SECRET } : {}),
    ...(env.GHE_HOST ? { baseUrl: `${env.GHE_PROTOCOL || 'https'}://${env.GHE_HOST}/api/v3` } : {}),
  };
}
