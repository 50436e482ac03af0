import type { Probot } from 'probot';

export interface AppIdentity {
  id: number;
  /** The login its comments carry: `<slug>[bot]`. */
  botLogin: string;
}

/**
 * Who this App is, asked once per process (`GET /app`, authenticated as the App) and kept:
 * the bot login tells Headroom's comment from a copy, the id finds its own check runs.
 */
export function appIdentity(app: Probot): () => Promise<AppIdentity> {
  let identity: Promise<AppIdentity> | undefined;
  return () => {
    identity ??= fetchIdentity(app).catch((error: unknown) => {
      identity = undefined;
      throw error;
    });
    return identity;
  };
}

async function fetchIdentity(app: Probot): Promise<AppIdentity> {
  const octokit = await app.auth();
  const { data } = await octokit.request('GET /app');
  if (!data?.slug) throw new Error('GET /app returned no slug; cannot tell Headroom’s own comment apart.');
  return { id: data.id, botLogin: `${data.slug}[bot]` };
}
