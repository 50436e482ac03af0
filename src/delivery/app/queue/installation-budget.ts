/**
 * How much of GitHub's budget an installation has left, and how many of its jobs run now. Every
 * installation has its own hourly request budget; a review takes a few dozen requests, so no new
 * job starts for an installation below this reserve until its window resets.
 */
export const RATE_LIMIT_RESERVE = 100;

interface RateLimit {
  remaining: number;
  resetAt: number;
}

export interface RequestObservation {
  installationId: number;
  /** From `x-ratelimit-remaining` and `x-ratelimit-reset` (seconds since the epoch). */
  remaining?: number;
  resetAt?: number;
}

export class InstallationBudget {
  readonly #active = new Map<number, number>();
  readonly #limits = new Map<number, RateLimit>();

  /** `perInstallation`: jobs of one installation running at once, so a bot's burst cannot take every worker. */
  readonly perInstallation: number;

  constructor(perInstallation: number) {
    this.perInstallation = perInstallation;
  }

  observe(observation: RequestObservation): void {
    const { installationId, remaining, resetAt } = observation;
    if (remaining === undefined || resetAt === undefined) return;
    this.#limits.set(installationId, { remaining, resetAt });
  }

  /** Installations with a known remaining budget, for metrics. */
  limits(): ReadonlyMap<number, RateLimit> {
    return this.#limits;
  }

  /** Milliseconds until a job of this installation may start for lack of budget: 0 when it may now. */
  waitForBudget(installationId: number, now = Date.now()): number {
    const limit = this.#limits.get(installationId);
    if (!limit || limit.remaining >= RATE_LIMIT_RESERVE || limit.resetAt <= now) return 0;
    return limit.resetAt - now;
  }

  atCap(installationId: number): boolean {
    return (this.#active.get(installationId) ?? 0) >= this.perInstallation;
  }

  started(installationId: number): void {
    this.#active.set(installationId, (this.#active.get(installationId) ?? 0) + 1);
  }

  finished(installationId: number): void {
    const left = (this.#active.get(installationId) ?? 1) - 1;
    if (left > 0) this.#active.set(installationId, left);
    else this.#active.delete(installationId);
  }
}
